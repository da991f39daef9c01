package dev.agentteam.orchestrator.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tells people that something waits for them, on every configured channel, off the caller's thread. A channel
 * that fails is logged (without its secret) and never disturbs the caller; with no channel configured this
 * does nothing.
 */
public class Notifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final List<NotificationChannel> channels;
    private final ExecutorService executor;

    Notifications(List<NotificationChannel> channels, ExecutorService executor) {
        this.channels = List.copyOf(channels);
        this.executor = executor;
    }

    public boolean enabled() {
        return !channels.isEmpty();
    }

    /** Sends {@code text} to every channel, asynchronously. */
    public void send(String text) {
        for (NotificationChannel channel : channels) {
            run(() -> {
                channel.send(text);
                log.info("Notified {}", channel.name());
            });
        }
    }

    /** Runs notification work (deciding what to send) off the caller's thread; failures are only logged. */
    void run(Runnable work) {
        if (!enabled()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("A notification failed: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("A notification was dropped: the notification queue is full or closed");
        }
    }

    /** Stops sending when the application shuts down; messages still queued are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
