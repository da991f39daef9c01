package dev.agentteam.common.task;

/**
 * A payload record that knows its required fields. {@link TaskPayloads#read} calls {@link #check()} after decoding,
 * so a handler only ever sees a complete payload.
 */
public interface CheckedPayload {

    /** @throws InvalidPayloadException naming the first required field that is missing or malformed */
    void check();
}
