package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.BenchmarkRecord;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bounded context, condensed vs not, side by side: the same 40-call scripted trajectory (list, read the largest files,
 * grep, failing test runs, then a passing one) over a large real repository (this one, or {@code benchmark.repo})
 * through a LangChain4j AI service backed by a {@link ModelSession}, once with the role's {@link ContextCondenser}
 * and once without. Tokens are counted on what the model receives, with the real tokenizer. Runs only from
 * scripts/bench.sh (tag "benchmark").
 */
@Tag("benchmark")
class ContextBenchmark {

    private static final int CALLS = 40;
    private static final String TASK = "Story 17: bound the context. Acceptance criteria: AC-1 no call above the "
            + "budget; AC-2 the task, its criteria and the latest test failure are never dropped.";
    private static final Path REPO = Path.of(System.getProperty("benchmark.repo", "../..")).toAbsolutePath().normalize();
    /** Today's dev tools cut every answer to 12 KB characters (agentteam.dev.tool-output-limit); both runs keep that. */
    private static final int TOOL_CHARS = 12 * 1024;

    interface Coder {
        String implement(String story);
    }

    @Test
    void condensedAgainstUncondensed() {
        TokenCounter counter = TokenCounter.forModel(System.getProperty("benchmark.model", "gpt-4o"));
        LlmProperties.Context limits = LlmProperties.Context.defaults();
        Run plain = run(counter, null);
        Run condensed = run(counter, new ContextCondenser(counter, limits));

        assertThat(condensed.answer).isEqualTo(plain.answer);
        assertThat(condensed.tools.calls).isEqualTo(plain.tools.calls);
        assertThat(condensed.model.pinnedMissing).as("calls missing the task or the latest failure").isZero();
        long total = condensed.model.total();
        long baseline = plain.model.total();
        int max = condensed.model.max();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("calls", condensed.model.tokens.size());
        details.put("budget", limits.maxInputTokens());
        details.put("max_condensed", max);
        details.put("max_uncondensed", plain.model.max());
        details.put("mean_condensed", total / condensed.model.tokens.size());
        details.put("mean_uncondensed", baseline / plain.model.tokens.size());
        details.put("tokenizer", counter.encodingModel());
        details.put("repository_files_read", condensed.tools.reads);
        new BenchmarkRecord("context-total-tokens", "bounded context: total input tokens of a 40-call trajectory, "
                + "condensed vs uncondensed", total, baseline, "tokens", "ratio <= 0.4, no call above "
                + limits.maxInputTokens(), total <= 0.4 * baseline && max <= limits.maxInputTokens(), details).write();
    }

    private static Run run(TokenCounter counter, ContextCondenser condenser) {
        TrajectoryModel model = new TrajectoryModel(new ContextCondenser(counter,
                LlmProperties.Context.defaults()), largestFiles());
        ModelSession session = new ModelSession(new ModelCallContext(AgentRole.DEV, 1L, 1, "bench", "dev_agent_bench"),
                model, "gpt-4o", new LlmProperties.Budget(1000, Long.MAX_VALUE, new BigDecimal("1000000"), 0),
                new PriceTable(Map.of()), null, condenser);
        RepoTools tools = new RepoTools();
        Coder coder = AiServices.builder(Coder.class).chatModel(session).tools(tools)
                .systemMessageProvider(id -> "You are the developer of this repository. Read before you edit; run the "
                        + "tests before you finish.")
                .maxSequentialToolsInvocations(CALLS + 5).build();
        String answer = coder.implement(TASK);
        return new Run(answer, model, tools);
    }

    private record Run(String answer, TrajectoryModel model, RepoTools tools) {
    }

    private static List<String> largestFiles() {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .sorted(Comparator.comparingLong(ContextBenchmark::size).reversed())
                    .limit(CALLS).map(p -> REPO.relativize(p).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The scripted model: a fixed sequence of tool calls; it counts what it receives. */
    static final class TrajectoryModel implements ChatModel {

        private final ContextCondenser counting;
        private final List<String> files;
        private final List<Integer> tokens = new ArrayList<>();
        private int pinnedMissing;

        TrajectoryModel(ContextCondenser counting, List<String> files) {
            this.counting = counting;
            this.files = files;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            tokens.add(counting.inputTokens(request.messages(), request.toolSpecifications()));
            checkPinned(request.messages());
            int step = tokens.size();
            if (step == CALLS) {
                return ChatResponse.builder().aiMessage(AiMessage.from("done: context bounded")).build();
            }
            String name;
            String args;
            if (step == 1) {
                name = "list_files";
                args = "{\"directory\":\"\"}";
            } else if (step % 8 == 0 || step == CALLS - 1) {
                name = "run_tests";
                args = "{}";
            } else if (step % 5 == 0) {
                name = "grep_code";
                args = "{\"query\":\"" + List.of("record", "final class", "@Test", "import java.util", "return new")
                        .get(step % 5 == 0 ? (step / 5) % 5 : 0) + "\"}";
            } else {
                name = "read_file";
                args = "{\"path\":\"" + files.get(step % files.size()) + "\"}";
            }
            ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_" + step).name(name).arguments(args).build();
            return ChatResponse.builder().aiMessage(AiMessage.from(List.of(call))).build();
        }

        private void checkPinned(List<ChatMessage> messages) {
            boolean task = messages.stream().anyMatch(m -> m instanceof UserMessage u && u.singleText().contains(TASK));
            String latestFailure = null;
            boolean failureShown = true;
            for (ChatMessage m : messages) {
                if (m instanceof ToolExecutionResultMessage r && r.toolName().equals("run_tests")) {
                    latestFailure = r.text();
                }
            }
            if (latestFailure != null && latestFailure.contains("FAILED")) {
                failureShown = latestFailure.contains("expected 0 but was 1");
            }
            if (!task || !failureShown) {
                pinnedMissing++;
            }
        }

        long total() {
            return tokens.stream().mapToLong(Integer::longValue).sum();
        }

        int max() {
            return tokens.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** Tools over the real repository, cut like today's dev tools. */
    static final class RepoTools {

        private final List<String> calls = new ArrayList<>();
        private int reads;
        private int testRuns;

        @Tool(name = "list_files", value = "Lists the repository's files below a directory.")
        String listFiles(@P(value = "directory", required = false) String directory) {
            calls.add("list_files");
            try (Stream<Path> files = Files.walk(REPO)) {
                return cut(files.filter(Files::isRegularFile).map(p -> REPO.relativize(p).toString())
                        .filter(p -> !p.contains("target/") && !p.startsWith(".git/")).sorted()
                        .collect(Collectors.joining("\n")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Tool(name = "read_file", value = "Reads a text file, optionally only lines from_line..to_line (1-based).")
        String readFile(@P("path") String path, @P(value = "first line", required = false) Integer fromLine,
                        @P(value = "last line", required = false) Integer toLine) throws IOException {
            calls.add("read_file " + path);
            reads++;
            return cut(Files.readString(REPO.resolve(path)));
        }

        @Tool(name = "grep_code", value = "Finds lines containing the exact text; answers path:line: text.")
        String grepCode(@P("text to find") String query) throws IOException {
            calls.add("grep_code " + query);
            List<String> hits = new ArrayList<>();
            try (Stream<Path> files = Files.walk(REPO)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                        .sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains(query)) {
                            hits.add(REPO.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
            return cut(String.join("\n", hits));
        }

        @Tool(name = "run_tests", value = "Runs the repository's tests; answers the exit code and the output.")
        String runTests() {
            calls.add("run_tests");
            testRuns++;
            StringBuilder log = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                log.append("[INFO] Running dev.agentteam.Suite").append(i).append("Test\n[INFO] Tests run: 7, Failures: 0, ")
                        .append("Errors: 0, Skipped: 0, Time elapsed: 0.").append(i % 10).append(" s\n");
            }
            boolean last = calls.size() >= CALLS - 1;
            log.append(last ? "[INFO] BUILD SUCCESS\n" : "[ERROR] FAILED WordCounterTest.run" + testRuns
                    + " expected 0 but was 1\n[INFO] BUILD FAILURE\n");
            return "exit code " + (last ? 0 : 1) + "\n" + cut(log.toString());
        }

        private static String cut(String text) {
            if (text.length() <= TOOL_CHARS) {
                return text;
            }
            int head = TOOL_CHARS / 3;
            return text.substring(0, head) + "\n[… " + (text.length() - TOOL_CHARS) + " characters cut …]\n"
                    + text.substring(text.length() - (TOOL_CHARS - head));
        }
    }
}
