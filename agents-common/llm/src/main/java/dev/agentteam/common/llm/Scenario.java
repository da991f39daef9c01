package dev.agentteam.common.llm;

import dev.agentteam.common.task.AgentRole;
import java.util.List;
import java.util.Locale;

/**
 * A scripted conversation for one role: the n-th model call of a conversation (counted by the assistant
 * messages already in the request) gets the n-th response.
 *
 * @param isDefault   used for the role when no other scenario matches
 * @param contains    matches when the task text (first user message) contains any of these, ignoring case
 * @param shorterThan matches when the task text is shorter than this many characters (a vague request)
 * @param priority    lower is tried first among matching scenarios
 */
record Scenario(String name, AgentRole role, boolean isDefault, List<String> contains, Integer shorterThan,
                int priority, List<Step> responses) {

    /**
     * One scripted answer: text, or tool calls (arguments as a JSON object string), with token counts; over the wire
     * ({@link ScenarioReplayServer}) it may first fail a number of times with an HTTP status.
     */
    record Step(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens, Failure failure) {

        Step(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens) {
            this(text, toolCalls, inputTokens, outputTokens, null);
        }
    }

    /** The provider answers this step {@code times} times with {@code status} (and Retry-After when set) before it answers. */
    record Failure(int status, int times, String retryAfter) {
    }

    record ToolCall(String name, String argumentsJson) {
    }

    boolean matches(String taskText) {
        String lower = taskText.toLowerCase(Locale.ROOT);
        for (String keyword : contains) {
            if (lower.contains(keyword.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return shorterThan != null && taskText.strip().length() < shorterThan;
    }
}
