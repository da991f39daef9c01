package dev.agentteam.orchestrator.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Processes stored deliveries one by one, each in its own transaction together with the state it changes, and
 * marks it processed with its outcome. The controller wakes it after storing a delivery; a poll picks up what a
 * restart or a failed wake-up left behind, so deliveries survive restarts. A delivery whose handling throws is
 * marked failed with the reason instead of being retried for ever.
 */
@Component
class DeliveryProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final DeliveryStore store;
    private final DeliveryHandler handler;
    private final TransactionTemplate transactions;
    private final int batchSize;
    // One worker and one waiting wake-up: a wake-up while a drain is already waiting adds nothing.
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "webhook-processor");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    DeliveryProcessor(DeliveryStore store, DeliveryHandler handler, TransactionTemplate transactions,
            WebhookProperties properties) {
        this.store = store;
        this.handler = handler;
        this.transactions = transactions;
        this.batchSize = properties.webhookBatchSize();
    }

    void wakeUp() {
        executor.execute(this::drain);
    }

    @Scheduled(initialDelayString = "${agentteam.github.webhook-poll-interval:5s}",
            fixedDelayString = "${agentteam.github.webhook-poll-interval:5s}")
    void poll() {
        drain();
    }

    /** Processes up to one batch; returns how many deliveries it finished. */
    int drain() {
        int done = 0;
        while (done < batchSize && processNext()) {
            done++;
        }
        return done;
    }

    private boolean processNext() {
        long[] current = {-1};
        try {
            Boolean found = transactions.execute(status -> {
                Optional<Delivery> next = store.lockNext();
                next.ifPresent(delivery -> {
                    current[0] = delivery.id();
                    String outcome = handler.handle(delivery);
                    store.finish(delivery.id(), outcome);
                    log.info("Webhook delivery {} ({} {} {}): {}", delivery.id(), delivery.source(), delivery.event(),
                            delivery.action(), outcome);
                });
                return next.isPresent();
            });
            return Boolean.TRUE.equals(found);
        } catch (RuntimeException e) {
            if (current[0] < 0) {
                log.warn("Could not read the next webhook delivery: {}", e.toString());
                return false;
            }
            log.warn("Webhook delivery {} failed", current[0], e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                return store.finish(current[0], "failed: " + reason);
            } catch (RuntimeException again) {
                log.warn("Could not mark webhook delivery {} failed: {}", current[0], again.toString());
                return false;
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
