package dev.agentteam.common.task;

/**
 * A task payload that does not fit its record: a required field is missing or blank, or a field has the wrong type.
 * The message names the field (snake_case, dotted for nested objects). Not retryable: another attempt gets the same
 * payload, so the worker ends the task FAILED with this message as the reason.
 */
public class InvalidPayloadException extends IllegalArgumentException {

    public InvalidPayloadException(String message) {
        super(message);
    }
}
