package dev.agentteam.orchestrator.webhook;

import tools.jackson.databind.JsonNode;

/** One stored webhook delivery, as the processor reads it back. */
record Delivery(long id, String source, String hookId, String deliveryId, String event, String action,
        JsonNode payload) {
}
