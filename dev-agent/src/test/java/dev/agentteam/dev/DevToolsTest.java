package dev.agentteam.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.workspace.PathOutsideWorkspaceException;
import dev.agentteam.common.workspace.EditMatchException;
import dev.agentteam.common.workspace.WorkspaceFiles;
import dev.agentteam.common.workspace.WorkspaceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.agentteam.common.llm.ModelCallContext;
import dev.agentteam.common.task.AgentRole;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools on a real directory, with the test command run in the real sandbox. */
class DevToolsTest {

    private static final Sandbox SANDBOX = new Sandbox(SandboxProperties.defaults());

    @TempDir
    Path workspace;

    private DevTools tools;

    @BeforeEach
    void workspace() throws Exception {
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/app.py"), "line 1\nline 2\nline 3\nline 4\n");
        Files.writeString(workspace.resolve("README.md"), "x".repeat(5000));
        tools = tools("printf 'ran 1 test\\nOK\\n'; exit 0");
    }

    private DevTools tools(String testCommand) {
        return new DevTools(new WorkspaceFiles(workspace, WorkspaceProperties.defaults()),
                new TestRunner(SANDBOX, workspace, testCommand, Duration.ofMinutes(1)), 1000,
                new CodeSearchTool(DevFixtures.noRetrieval(), new ModelCallContext(AgentRole.DEV, 1L, 1, "trace", "dev_agent_v3"),
                        new StoryAssignment.TargetRepository(null, "demo", "file:///nowhere", "embedded", null, "main", "true"),
                        new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("agentteam.dev", DevAgentProperties.class)));
    }

    @Test
    void readsWholeFilesOrLineRangesAndBoundsWhatTheModelGets() {
        assertThat(tools.readFile("src/app.py", null, null)).isEqualTo("line 1\nline 2\nline 3\nline 4\n");
        assertThat(tools.readFile("src/app.py", 2, 3)).isEqualTo("line 2\nline 3\n");
        assertThat(tools.readFile("src/app.py", 3, null)).isEqualTo("line 3\nline 4\n");
        String readme = tools.readFile("README.md", null, null);
        assertThat(readme).hasSizeLessThan(1100).contains("characters cut");
        assertThat(tools.listFiles(null)).isEqualTo("README.md\nsrc/app.py");
        assertThat(tools.grepCode("line 3", null, "src")).isEqualTo("src/app.py:3: line 3\n");
        assertThat(tools.grepCode("nothing like this", false, null)).isEqualTo("no matches");
        assertThat(tools.searchCode("where are lines counted", null)).as("no index behind this task: the model is told why")
                .isEqualTo("no matches (the task names no repository id, so there is no index to search)");
    }

    @Test
    void editsAndWritesAreConfinedAndRecorded() throws Exception {
        assertThat(tools.editFile("src/app.py", "line 2\n", "line two\n")).isEqualTo("edited src/app.py");
        assertThat(tools.writeFile("src/new.py", "print(1)\n")).startsWith("wrote src/new.py");
        assertThatThrownBy(() -> tools.editFile("src/app.py", "line", "x")).isInstanceOf(EditMatchException.class)
                .hasMessageContaining("occurs 4 times");
        assertThatThrownBy(() -> tools.writeFile("../outside.py", "x")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> tools.readFile("/etc/passwd", null, null)).isInstanceOf(PathOutsideWorkspaceException.class);

        assertThat(Files.readString(workspace.resolve("src/app.py"))).contains("line two");
        assertThat(workspace.getParent().resolve("outside.py")).doesNotExist();
        assertThat(tools.changedFiles()).containsExactlyInAnyOrder("src/app.py", "src/new.py");
    }

    @Test
    void runTestsReportsTheExitCodeAndOutputOfTheSandboxedCommand() {
        DevTools failing = tools("echo 'FAILED (failures=1)'; echo \"home=$HOME\"; exit 3");

        String answer = failing.runTests();

        assertThat(answer).contains("exit code 3 (tests fail)", "FAILED (failures=1)", "home=/tmp/sandbox");
        assertThat(failing.lastTests().passed()).isFalse();
        assertThat(failing.lastTests().summary()).isEqualTo("exit 3: FAILED (failures=1) | home=/tmp/sandbox/home");
        assertThat(tools.runTests()).contains("exit code 0 (tests pass)", "ran 1 test");
        assertThat(tools.trajectory()).containsExactly("run_tests → exit 0");
    }

    @Test
    void finishAndClarifyEndTheLoopAndQuestionsAreBounded() {
        assertThat(tools.clarify(List.of("1?", "2?", "3?", "4?", "5?", "6?"))).startsWith("error: give 1 to 5");
        assertThat(tools.clarify(List.of(" ", ""))).startsWith("error: give 1 to 5");
        assertThat(tools.questions()).isNull();
        tools.clarify(List.of(" Which unit? "));
        assertThat(tools.questions()).containsExactly("Which unit?");

        assertThat(tools.finished()).isFalse();
        tools.finish("  Added it.  ");
        assertThat(tools.finished()).isTrue();
        assertThat(tools.finishSummary()).isEqualTo("Added it.");
    }
}
