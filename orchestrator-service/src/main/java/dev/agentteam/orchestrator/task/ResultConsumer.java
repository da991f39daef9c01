package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.ResultInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes results from {@code tasks:done} (reliably: into this consumer's own processing list), applies them in one
 * transaction, and only after its commit acknowledges them. A batch is the result the blocking take returned plus
 * those already waiting, up to {@code agentteam.tasks.result-batch-size}: it never waits for more, so batching adds
 * no latency, and one commit serves many results when they arrive faster than commits. A batch whose transaction
 * fails is applied again one result per transaction, so a result that cannot be applied holds back none of the
 * others; it goes back to {@code tasks:done}; results left behind by a crash are recovered at the next start.
 */
@Component
class ResultConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResultConsumer.class);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    private final ResultInbox inbox;
    private final ResultApplier applier;
    private final TaskProperties properties;
    private final TransactionTemplate transaction;
    private final String processId;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ResultConsumer(ResultInbox inbox, ResultApplier applier, TaskProperties properties,
                   PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.applier = applier;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.processId = properties.consumerId();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.resultConsumers(); i++) {
            String consumerId = processId + "-" + i;
            Thread thread = new Thread(() -> consume(consumerId), "task-results-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("consuming task results with {} thread(s) as {}", threads.size(), processId);
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(properties.resultWait().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void consume(String consumerId) {
        recover(consumerId);
        while (running) {
            try {
                Optional<ClaimedResult> claimed = inbox.take(consumerId, properties.resultWait());
                if (claimed.isPresent()) {
                    applyAndAcknowledge(batch(claimed.get(), consumerId));
                }
            } catch (RuntimeException e) {
                log.warn("taking task results failed ({}); retrying", e.toString());
                pause();
            }
        }
    }

    /** The taken result and those already waiting (non-blocking takes), up to the batch size. */
    private List<ClaimedResult> batch(ClaimedResult first, String consumerId) {
        List<ClaimedResult> batch = new ArrayList<>(List.of(first));
        while (batch.size() < properties.resultBatchSize()) {
            Optional<ClaimedResult> next = inbox.take(consumerId, Duration.ZERO);
            if (next.isEmpty()) {
                break;
            }
            batch.add(next.get());
        }
        return batch;
    }

    private void applyAndAcknowledge(List<ClaimedResult> batch) {
        if (batch.size() > 1) {
            try {
                transaction.executeWithoutResult(status -> batch.forEach(claimed -> applier.apply(claimed.result())));
                // acknowledged only now that the transaction has committed
                batch.forEach(inbox::acknowledge);
                return;
            } catch (RuntimeException e) {
                log.info("applying a batch of {} results failed ({}); applying them one by one", batch.size(), e.toString());
            }
        }
        boolean failed = false;
        for (ClaimedResult claimed : batch) {
            failed |= !applyAndAcknowledge(claimed);
        }
        if (failed) {
            // only the results that failed are still unacknowledged: they go back to tasks:done
            recover(batch.get(0).consumerId());
            pause();
        }
    }

    private boolean applyAndAcknowledge(ClaimedResult claimed) {
        try {
            applier.apply(claimed.result());
        } catch (RuntimeException e) {
            log.warn("applying the result of task {} attempt {} failed; it goes back to tasks:done: {}",
                    claimed.result().taskId(), claimed.result().attempt(), e.toString());
            return false;
        }
        inbox.acknowledge(claimed);
        return true;
    }

    private void recover(String consumerId) {
        try {
            int recovered = inbox.recover(consumerId);
            if (recovered > 0) {
                log.info("returned {} unacknowledged result(s) of {} to tasks:done", recovered, consumerId);
            }
        } catch (RuntimeException e) {
            log.warn("could not recover the results of {}: {}", consumerId, e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
