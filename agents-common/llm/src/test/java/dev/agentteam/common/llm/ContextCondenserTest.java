package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The invariants of the bounded context, counted with the real tokenizer. */
class ContextCondenserTest {

    private static final TokenCounter COUNTER = TokenCounter.forModel("gpt-4o-mini");
    private static final String TASK = "Implement story 42: count words per line. Acceptance criteria: AC-1 empty "
            + "lines count zero; AC-2 punctuation is not a word.";
    private static final String FAILURE = "FAILED WordCounterTest.emptyLineCountsZero expected 0 but was 1";
    private static final List<ToolSpecification> TOOLS = List.of(ToolSpecification.builder().name("read_file")
            .description("Reads a text file of the repository, optionally only lines from_line..to_line.").build());

    private final ContextCondenser condenser = new ContextCondenser(COUNTER,
            new LlmProperties.Context(6000, 1200, 3, List.of("run_tests")));

    @Test
    void everyPrefixOfALongLoopStaysWithinTheBudgetAndKeepsThePinnedParts() {
        List<ChatMessage> history = trajectory(40, new Random(7));
        int longest = 0;
        for (int end = 2; end <= history.size(); end++) {
            if (!(history.get(end - 1) instanceof ToolExecutionResultMessage || end == 2)) {
                continue;
            }
            List<ChatMessage> sent = condenser.condense(history.subList(0, end), TOOLS);
            int tokens = condenser.inputTokens(sent, TOOLS);
            assertThat(tokens).as("input tokens of the call after %d messages", end).isLessThanOrEqualTo(6000);
            longest = Math.max(longest, condenser.inputTokens(history.subList(0, end), TOOLS));
            String all = text(sent);
            assertThat(all).contains(TASK).contains("You are the developer");
            String latestFailure = latestTestFailure(history.subList(0, end));
            if (latestFailure != null) {
                assertThat(all).as("latest test failure kept").contains(latestFailure);
            }
            assertThat(sent.get(sent.size() - 1)).isEqualTo(lastOrTruncated(history.get(end - 1), sent));
            assertPairedToolCalls(sent);
        }
        assertThat(longest).as("the uncondensed history does outgrow the budget").isGreaterThan(30_000);
    }

    @Test
    void aLargeFileKeepsHeadAndTailAndSaysWhichLinesToReadNext() {
        String file = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i + ": int value" + i + " = compute(" + i + ");")
                .collect(Collectors.joining("\n"));
        List<ChatMessage> history = List.of(SystemMessage.from("You are the developer."), UserMessage.from(TASK),
                call("c1", "read_file", "{\"path\":\"src/Big.java\",\"from_line\":101}"),
                ToolExecutionResultMessage.from("c1", "read_file", file));

        ToolExecutionResultMessage sent = (ToolExecutionResultMessage) condenser.condense(history, TOOLS).get(3);

        assertThat(COUNTER.text(sent.text())).isLessThanOrEqualTo(1200);
        assertThat(sent.text()).startsWith("line 1: ").endsWith("line 2000: int value2000 = compute(2000);")
                .containsPattern("read them with read_file and from_line=\\d+, to_line=\\d+");
        int from = Integer.parseInt(sent.text().replaceAll("(?s).*from_line=(\\d+).*", "$1"));
        int firstHidden = Integer.parseInt(sent.text().split("\n\\[… ")[0].replaceAll("(?s).*\nline (\\d+):[^\n]*$", "$1")) + 1;
        assertThat(from).as("file line numbers, offset by the call's from_line").isEqualTo(100 + firstHidden);
    }

    @Test
    void aShortConversationIsSentUnchanged() {
        List<ChatMessage> history = List.of(SystemMessage.from("You are the developer."), UserMessage.from(TASK),
                call("c1", "read_file", "{\"path\":\"README.md\"}"),
                ToolExecutionResultMessage.from("c1", "read_file", "# Demo\nCounts words."));

        assertThat(condenser.condense(history, TOOLS)).isEqualTo(history);
    }

    @Test
    void whenThePinnedPartsAloneDoNotFitTheCallIsRefusedNotSentOverBudget() {
        String hugeTask = TASK + " " + "criterion ".repeat(8000);
        List<ChatMessage> history = List.of(SystemMessage.from("You are the developer."), UserMessage.from(hugeTask));

        assertThatThrownBy(() -> condenser.condense(history, TOOLS))
                .isInstanceOfSatisfying(BudgetExceededException.class,
                        e -> assertThat(e.budget()).isEqualTo("max-input-tokens"))
                .hasMessageContaining("6000 per call");
    }

    @Test
    void aRoleOwnInputBudgetOverridesTheSharedOne() {
        LlmProperties.Context shared = new LlmProperties.Context(24000, 2000, 5, List.of("run_tests"));
        LlmProperties properties = new LlmProperties(LlmProvider.SCRIPTED, null, null, null, null,
                java.time.Duration.ofSeconds(5), 0, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1),
                Map.of("dev", new LlmProperties.RoleOverride(null, null, null, null, null, null, null, 64000)),
                Map.of(), new LlmProperties.Scripted("classpath:prompts/scenarios"),
                new LlmProperties.Budget(40, 400000, java.math.BigDecimal.TEN, 3), shared);

        assertThat(properties.contextFor(AgentRole.DEV).maxInputTokens()).isEqualTo(64000);
        assertThat(properties.contextFor(AgentRole.QA)).isEqualTo(shared);
        assertThatThrownBy(() -> new LlmProperties.Context(500, 100, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-input-tokens");
    }

    /** A dev-agent-like loop: reads of large files, greps, test runs failing until the end. */
    static List<ChatMessage> trajectory(int steps, Random random) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are the developer of this "
                + "repository. Use the tools; run the tests before you finish."), UserMessage.from(TASK)));
        for (int step = 1; step <= steps; step++) {
            String id = "call-" + step;
            if (step % 7 == 0) {
                messages.add(call(id, "run_tests", "{}"));
                String output = "[INFO] Tests run: 12\n".repeat(40 + random.nextInt(200)) + (step == 35 ? "" : "step "
                        + step + " " + FAILURE + "\n");
                messages.add(ToolExecutionResultMessage.from(id, "run_tests", output));
            } else {
                messages.add(call(id, "read_file", "{\"path\":\"src/File" + step + ".java\"}"));
                int lines = 20 + random.nextInt(step % 3 == 0 ? 1500 : 150);
                int n = step;
                String body = IntStream.rangeClosed(1, lines).mapToObj(i -> "    int field" + i + " = " + random.nextInt()
                        + "; // step " + n).collect(Collectors.joining("\n"));
                messages.add(ToolExecutionResultMessage.from(id, "read_file", body));
            }
        }
        return messages;
    }

    static AiMessage call(String id, String tool, String arguments) {
        return AiMessage.from(List.of(ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build()));
    }

    private static ChatMessage lastOrTruncated(ChatMessage last, List<ChatMessage> sent) {
        ChatMessage candidate = sent.get(sent.size() - 1);
        if (last instanceof ToolExecutionResultMessage original && candidate instanceof ToolExecutionResultMessage kept) {
            assertThat(kept.id()).isEqualTo(original.id());
            assertThat(kept.text()).doesNotStartWith("[collapsed");
            return candidate;
        }
        return last;
    }

    /** The failure line of the latest run_tests output, or null when the latest run passed or none ran. */
    private static String latestTestFailure(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof ToolExecutionResultMessage r && r.toolName().equals("run_tests")) {
                return r.text().lines().filter(l -> l.contains(FAILURE)).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static void assertPairedToolCalls(List<ChatMessage> sent) {
        Set<String> open = new HashSet<>();
        for (ChatMessage m : sent) {
            if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                assertThat(open).as("every call answered before the next model message").isEmpty();
                ai.toolExecutionRequests().forEach(r -> open.add(r.id()));
            } else if (m instanceof ToolExecutionResultMessage result) {
                assertThat(open.remove(result.id())).as("result %s follows its call", result.id()).isTrue();
            }
        }
    }

    private static String text(List<ChatMessage> messages) {
        return messages.stream().map(ContextCondenserTest::text).collect(Collectors.joining("\n"));
    }

    private static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.singleText();
        }
        if (m instanceof ToolExecutionResultMessage r) {
            return r.text();
        }
        return m instanceof AiMessage a ? String.valueOf(a.text()) : "";
    }
}
