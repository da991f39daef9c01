package dev.agentteam.dev;

import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.workspace.FileListing;
import dev.agentteam.common.workspace.SearchHit;
import dev.agentteam.common.workspace.SearchResults;
import dev.agentteam.common.workspace.WorkspaceFiles;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Dev agent's hands on one task's checkout: the file tools of {@link WorkspaceFiles} (confined to the
 * workspace) and the test run in the sandbox. Results are text for the model, cut to a bounded size. The
 * last two tools end the loop: {@code finish} or {@code clarify}. One instance per task; not thread-safe.
 */
final class DevTools {

    private final WorkspaceFiles files;
    private final TestRunner tests;
    private final int outputLimit;
    private final CodeSearchTool codeSearch;
    private final Set<String> changedFiles = new TreeSet<>();
    private final List<String> trajectory = new ArrayList<>();
    private TestRunner.Outcome lastTests;
    private String finishSummary;
    private List<String> questions;

    DevTools(WorkspaceFiles files, TestRunner tests, int outputLimit, CodeSearchTool codeSearch) {
        this.files = files;
        this.tests = tests;
        this.outputLimit = outputLimit;
        this.codeSearch = codeSearch;
    }

    @Tool(name = "list_files", value = "Lists the files of the repository below a directory ('' for all), one path a line.")
    String listFiles(@P(value = "directory relative to the repository root; '' for the whole repository", required = false)
                     String directory) {
        FileListing listing = files.list(directory == null ? "" : directory);
        record("list_files " + (directory == null ? "" : directory));
        return bounded(String.join("\n", listing.files()) + (listing.truncated() ? "\n[… more files not listed]" : ""));
    }

    @Tool(name = "read_file", value = "Reads a text file of the repository, optionally only lines from_line..to_line (1-based).")
    String readFile(@P("path relative to the repository root") String path,
                    @P(value = "first line to read (1-based)", required = false) Integer fromLine,
                    @P(value = "last line to read (inclusive)", required = false) Integer toLine) {
        record("read_file " + path);
        required("read_file", "path", path);
        if (fromLine == null && toLine == null) {
            return bounded(files.read(path));
        }
        int from = fromLine == null ? 1 : fromLine;
        return bounded(files.read(path, from, toLine == null ? Integer.MAX_VALUE : toLine));
    }

    @Tool(name = "search_code", value = "Semantic search over the repository's index: describe what you look for in words "
            + "or identifiers ('where are words counted', 'parseHost'); answers the best matching code chunks with their "
            + "path and lines. Use grep_code for exact text.")
    String searchCode(@P("what you look for, in words or identifiers") String query,
                      @P(value = "only files below this path prefix; '' for all", required = false) String path) {
        record("search_code " + query);
        required("search_code", "query", query);
        return bounded(codeSearch.answer(query, path == null || path.isBlank() ? null : path.strip()));
    }

    @Tool(name = "grep_code", value = "Finds lines containing the exact text (or a Java regex when regex is true); "
            + "answers path:line: text.")
    String grepCode(@P("text to find") String query,
                    @P(value = "true to treat query as a regular expression", required = false) Boolean regex,
                    @P(value = "directory to search below; '' for all", required = false) String directory) {
        record("grep_code " + query);
        required("grep_code", "query", query);
        SearchResults results = files.search(query, Boolean.TRUE.equals(regex), directory == null ? "" : directory);
        if (results.hits().isEmpty()) {
            return "no matches";
        }
        StringBuilder text = new StringBuilder();
        for (SearchHit hit : results.hits()) {
            text.append(hit.path()).append(':').append(hit.line()).append(": ").append(hit.text()).append('\n');
        }
        return bounded(text + (results.truncated() ? "[… more matches not shown]" : ""));
    }

    @Tool(name = "edit_file", value = "Replaces the exact text 'search', which must occur exactly once in the file, by 'replace'.")
    String editFile(@P("path relative to the repository root") String path,
                    @P("the exact current text to replace, including whitespace") String search,
                    @P("the new text") String replace) {
        record("edit_file " + path);
        required("edit_file", "path", path);
        required("edit_file", "search", search);
        required("edit_file", "replace", replace);
        files.edit(path, search, replace);
        changedFiles.add(path);
        return "edited " + path;
    }

    @Tool(name = "write_file", value = "Creates a file or replaces its whole content (parent directories are created).")
    String writeFile(@P("path relative to the repository root") String path, @P("the complete new content") String content) {
        record("write_file " + path);
        required("write_file", "path", path);
        required("write_file", "content", content);
        files.write(path, content);
        changedFiles.add(path);
        return "wrote " + path + " (" + (content == null ? 0 : content.length()) + " characters)";
    }

    @Tool(name = "run_tests", value = "Runs the repository's test command in an isolated sandbox; answers the exit code "
            + "(0 means all tests pass) and the output.")
    String runTests() {
        lastTests = tests.run();
        record("run_tests → exit " + lastTests.exitCode());
        return bounded(lastTests.describe());
    }

    @Tool(name = "finish", value = "Call once the story is implemented and the tests pass, with a short summary of the change.")
    String finish(@P("what you changed and why, for the pull request description") String summary) {
        record("finish");
        finishSummary = summary == null || summary.isBlank() ? "(no summary given)" : summary.strip();
        return "Recorded. The system now runs the tests, commits, pushes and opens the pull request. Reply with 'done'.";
    }

    @Tool(name = "clarify", value = "Call instead of guessing when the story is ambiguous: at most 5 concrete questions for a human.")
    String clarify(@P("the questions, at most 5") List<String> questions) {
        record("clarify");
        List<String> asked = questions == null ? List.of()
                : questions.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
        if (asked.isEmpty() || asked.size() > 5) {
            return "error: give 1 to 5 non-empty questions, got " + asked.size();
        }
        this.questions = asked;
        return "Recorded. A human will answer; reply with 'waiting'.";
    }

    boolean finished() {
        return finishSummary != null;
    }

    String finishSummary() {
        return finishSummary;
    }

    /** The questions of a {@code clarify} call, or null. */
    List<String> questions() {
        return questions;
    }

    Set<String> changedFiles() {
        return Set.copyOf(changedFiles);
    }

    List<String> trajectory() {
        return List.copyOf(trajectory);
    }

    /** The last test run the model asked for, or null. */
    TestRunner.Outcome lastTests() {
        return lastTests;
    }

    /** A missing argument is the model's mistake: it goes back to it by name (the loop's error handler). */
    private static void required(String tool, String argument, String value) {
        if (value == null) {
            throw new IllegalArgumentException(tool + " needs the argument '" + argument + "'");
        }
    }

    private void record(String step) {
        trajectory.add(step);
    }

    private String bounded(String text) {
        return TextCut.headAndTail(text, outputLimit);
    }
}
