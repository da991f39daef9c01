package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.ResultInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes results from {@code tasks:done} (reliably: into this consumer's own processing list), applies each in one
 * transaction, and only then acknowledges it. A result whose application failed goes back to {@code tasks:done};
 * results left behind by a crash are recovered at the next start.
 */
@Component
class ResultConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResultConsumer.class);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    private final ResultInbox inbox;
    private final ResultApplier applier;
    private final TaskProperties properties;
    private final String processId;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ResultConsumer(ResultInbox inbox, ResultApplier applier, TaskProperties properties) {
        this.inbox = inbox;
        this.applier = applier;
        this.properties = properties;
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
                claimed.ifPresent(this::applyAndAcknowledge);
            } catch (RuntimeException e) {
                log.warn("taking task results failed ({}); retrying", e.toString());
                pause();
            }
        }
    }

    private void applyAndAcknowledge(ClaimedResult claimed) {
        try {
            applier.apply(claimed.result());
        } catch (RuntimeException e) {
            log.warn("applying the result of task {} attempt {} failed; it goes back to tasks:done: {}",
                    claimed.result().taskId(), claimed.result().attempt(), e.toString());
            recover(claimed.consumerId());
            pause();
            return;
        }
        inbox.acknowledge(claimed);
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
