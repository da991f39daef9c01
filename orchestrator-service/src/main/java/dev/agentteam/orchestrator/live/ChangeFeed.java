package dev.agentteam.orchestrator.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the {@code agentteam_changes} channel (the V30 triggers) with one connection of its own and passes
 * each batch of topics to the open streams. Notifications that arrive together go out as one event. After losing
 * the connection it reconnects and announces {@code *} (refresh everything), since changes made meanwhile were missed.
 */
@Component
class ChangeFeed implements SmartLifecycle {

    static final String CHANNEL = "agentteam_changes";
    static final String EVERYTHING = "*";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final LiveStream stream;
    private final LiveProperties properties;
    private volatile boolean running;
    private Thread thread;

    ChangeFeed(DataSource dataSource, LiveStream stream, LiveProperties properties) {
        this.dataSource = dataSource;
        this.stream = stream;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "live-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT.toMillis() * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        stream.closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                log.info("live pages: listening for changes on {}", CHANNEL);
                if (reconnecting) {
                    stream.changed(Set.of(EVERYTHING));
                }
                relay(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("live pages: lost the change feed ({}); reconnecting in {}", e.getMessage(), PAUSE_AFTER_ERROR);
                reconnecting = true;
                pause();
            }
        }
    }

    private void relay(PGConnection connection) throws SQLException {
        long nextHeartbeat = System.nanoTime() + properties.heartbeat().toNanos();
        while (running) {
            PGNotification[] arrived = connection.getNotifications((int) WAIT.toMillis());
            if (arrived != null && arrived.length > 0) {
                stream.changed(topics(arrived));
            }
            if (System.nanoTime() - nextHeartbeat > 0) {
                stream.heartbeat();
                nextHeartbeat = System.nanoTime() + properties.heartbeat().toNanos();
            }
        }
    }

    static Set<String> topics(PGNotification[] notifications) {
        Set<String> topics = new LinkedHashSet<>();
        for (PGNotification notification : notifications) {
            try {
                JsonNode payload = JSON.readTree(notification.getParameter());
                payload.path("topics").forEach(topic -> topics.add(topic.asString()));
            } catch (RuntimeException malformed) {
                topics.add(EVERYTHING);
            }
        }
        return topics;
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
