package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.agentteam.common.task.TextCut;

/**
 * The messages {@link ContextCondenser} is shaping, with their token counts: which of them are pinned (the latest
 * test output, the latest step), collapsing an observation, and moving the oldest step into the summary message.
 */
final class CondensedHistory {

    private final TokenCounter counter;
    private final List<String> testTools;
    private final List<ChatMessage> messages;
    private final List<Integer> cost = new ArrayList<>();
    private final Map<String, ToolExecutionRequest> requests = new HashMap<>();
    private final List<String> summary = new ArrayList<>();
    private int summaryIndex = -1;
    private int total;

    CondensedHistory(List<ChatMessage> original, TokenCounter counter, List<String> testTools) {
        this.counter = counter;
        this.testTools = testTools;
        this.messages = new ArrayList<>(original);
        for (ChatMessage message : messages) {
            int c = counter.message(message);
            cost.add(c);
            total += c;
            if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests().forEach(r -> requests.put(r.id(), r));
            }
        }
    }

    int size() {
        return messages.size();
    }

    ChatMessage get(int index) {
        return messages.get(index);
    }

    int tokens() {
        return total;
    }

    List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    String arguments(String requestId) {
        ToolExecutionRequest request = requestId == null ? null : requests.get(requestId);
        return request == null ? null : request.arguments();
    }

    void replace(int index, ChatMessage message) {
        int c = counter.message(message);
        total += c - cost.get(index);
        cost.set(index, c);
        messages.set(index, message);
    }

    /** Indices of the tool results that may be collapsed: all but the latest test output and latest step. */
    List<Integer> observations() {
        int pinnedTest = latestTestOutput();
        int lastStep = lastStepStart();
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < lastStep; i++) {
            if (messages.get(i) instanceof ToolExecutionResultMessage && i != pinnedTest) {
                result.add(i);
            }
        }
        return result;
    }

    void collapse(int index) {
        if (messages.get(index) instanceof ToolExecutionResultMessage result && !isStub(result.text())) {
            replace(index, ToolExecutionResultMessage.from(result.id(), result.toolName(), stub(result)));
        }
    }

    /** Moves the oldest unpinned step into the summary message; false when none is left. */
    boolean summariseOldestStep() {
        int pinnedTest = latestTestOutput();
        int lastStep = lastStepStart();
        for (int start = 0; start < lastStep; start++) {
            if (!(messages.get(start) instanceof AiMessage)) {
                continue;
            }
            int end = start + 1;
            while (end < messages.size() && messages.get(end) instanceof ToolExecutionResultMessage) {
                end++;
            }
            if (pinnedTest >= start && pinnedTest < end) {
                start = end - 1;
                continue;
            }
            summarise(start, end);
            return true;
        }
        return false;
    }

    private void summarise(int start, int end) {
        AiMessage ai = (AiMessage) messages.get(start);
        if (ai.hasToolExecutionRequests()) {
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                summary.add("- " + request.name() + " " + shorten(request.arguments(), 160));
            }
        } else if (ai.text() != null) {
            summary.add("- said: " + shorten(ai.text(), 160));
        }
        for (int i = end - 1; i >= start; i--) {
            total -= cost.remove(i);
            messages.remove(i);
        }
        if (summaryIndex < 0) {
            summaryIndex = start;
            messages.add(summaryIndex, UserMessage.from("(placeholder)"));
            cost.add(summaryIndex, 0);
        } else if (summaryIndex > start) {
            summaryIndex -= end - start;
        }
        replace(summaryIndex, UserMessage.from("Earlier steps, summarised to keep the context within budget "
                + "(their outputs are no longer shown; call a tool again if you need one):\n"
                + String.join("\n", summary)));
    }

    private int latestTestOutput() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ToolExecutionResultMessage result
                    && testTools.contains(result.toolName())) {
                return i;
            }
        }
        return -1;
    }

    /** Where the latest model message and its tool results begin (they stay as they are). */
    private int lastStepStart() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m instanceof AiMessage || m instanceof UserMessage || m instanceof SystemMessage) {
                return m instanceof AiMessage ? i : i + 1;
            }
        }
        return 0;
    }

    private String stub(ToolExecutionResultMessage result) {
        String text = result.text() == null ? "" : result.text();
        long lines = text.isEmpty() ? 0 : text.chars().filter(c -> c == '\n').count() + 1;
        return "[collapsed: an older " + result.toolName() + " output (" + lines + " lines) was here; "
                + "call the tool again if you still need it]";
    }

    private boolean isStub(String text) {
        return text != null && text.startsWith("[collapsed: ");
    }

    private static String shorten(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return TextCut.head(flat, max);
    }
}
