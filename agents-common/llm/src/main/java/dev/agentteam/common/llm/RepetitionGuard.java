package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.List;

import dev.agentteam.common.task.TextCut;

/**
 * Detects a model stuck in a loop: the same tool calls (names and arguments) in {@code limit} answers in a row. A text
 * answer or a different call resets the count. Not thread-safe: one session, one thread.
 */
final class RepetitionGuard {

    private final int limit;
    private String last;
    private int times;

    /** @param limit answers in a row with identical tool calls that count as a loop; 0 switches the guard off */
    RepetitionGuard(int limit) {
        this.limit = limit;
    }

    void check(AiMessage answer) {
        if (answer == null || !answer.hasToolExecutionRequests()) {
            last = null;
            times = 0;
            return;
        }
        List<String> calls = answer.toolExecutionRequests().stream()
                .map(c -> c.name() + " " + normalized(c)).sorted().toList();
        String signature = String.join("; ", calls);
        times = signature.equals(last) ? times + 1 : 1;
        last = signature;
        if (limit > 0 && times >= limit) {
            throw new RepeatedToolCallException(TextCut.head(signature, 200), times);
        }
    }

    private static String normalized(ToolExecutionRequest call) {
        return call.arguments() == null ? "{}" : call.arguments().replaceAll("\\s+", "");
    }
}
