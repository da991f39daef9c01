package dev.agentteam.orchestrator.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/** SQL over webhook_deliveries: store once per (hook id, delivery id), claim the oldest unprocessed, finish. */
@Component
class DeliveryStore {

    private static final int MAX_OUTCOME = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores a verified delivery; empty when it was stored before (a replay): the same hook id and delivery id, or
     * the same hook id and signed body ({@code bodySha256}), since the delivery id header is not signed.
     */
    Optional<Long> store(String source, String hookId, String deliveryId, String event, String action, String payload,
            String bodySha256) {
        return jdbc.sql("""
                insert into webhook_deliveries (source, hook_id, delivery_id, event, action, payload, body_sha256)
                values (:source, :hookId, :deliveryId, :event, :action, cast(:payload as jsonb), :bodySha256)
                on conflict do nothing
                returning id""")
                .param("source", source).param("hookId", hookId).param("deliveryId", deliveryId)
                .param("event", event).param("action", action).param("payload", payload)
                .param("bodySha256", bodySha256).query(Long.class).optional();
    }

    /**
     * Locks the oldest unprocessed delivery for the caller's transaction; deliveries another processor holds are
     * skipped, so two processors never handle the same one.
     */
    Optional<Delivery> lockNext() {
        return jdbc.sql("""
                select id, source, hook_id, delivery_id, event, action, payload::text as payload
                from webhook_deliveries where processed_at is null
                order by received_at, id limit 1 for update skip locked""")
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("source"), rs.getString("hook_id"),
                        rs.getString("delivery_id"), rs.getString("event"), rs.getString("action"),
                        json.readTree(rs.getString("payload"))))
                .optional();
    }

    /** Marks a delivery processed with its outcome, unless it already is. */
    boolean finish(long id, String outcome) {
        String text = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome;
        return jdbc.sql("update webhook_deliveries set processed_at = now(), outcome = ? where id = ? and processed_at is null")
                .params(text, id).update() == 1;
    }
}
