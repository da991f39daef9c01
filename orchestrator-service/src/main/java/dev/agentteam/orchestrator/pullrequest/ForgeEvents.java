package dev.agentteam.orchestrator.pullrequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a forge event to the application and records it as a {@code webhook_deliveries} row (source
 * {@code embedded}), in the caller's transaction. The row is marked processed: the event has already been
 * published in-process, so a delivery processor must not publish it a second time.
 */
@Component
class ForgeEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    ForgeEvents(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
    }

    void publish(ForgeEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", event.getClass().getSimpleName());
        payload.put("event", json.convertValue(event, Map.class));
        jdbc.sql("""
                insert into webhook_deliveries (source, hook_id, delivery_id, event, action, payload, processed_at, outcome)
                values ('embedded', 'embedded', :delivery, :event, :action, cast(:payload as jsonb), now(), 'published')
                """)
                .param("delivery", UUID.randomUUID().toString())
                .param("event", event.event())
                .param("action", event.action())
                .param("payload", json.writeValueAsString(payload))
                .update();
        publisher.publishEvent(event);
    }
}
