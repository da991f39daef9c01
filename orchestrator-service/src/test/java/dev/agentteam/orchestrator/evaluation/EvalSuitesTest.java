package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;

/** Suites as data: the bundled suite, a suite directory, SWE-bench JSONL, and refusals of what is not a suite. */
class EvalSuitesTest {

    @TempDir
    Path dir;

    private EvalSuites suites() {
        return new EvalSuites(new EvalProperties(dir, Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMinutes(10)));
    }

    @Test
    void theBundledSuiteHasTwelveTasksOverThreeStacksEachWithHeldOutTests() {
        List<EvalTask> tasks = suites().load("bundled");

        assertThat(tasks).hasSize(12);
        Map<String, Long> perTemplate = tasks.stream().collect(Collectors.groupingBy(t -> t.source().template(), Collectors.counting()));
        assertThat(perTemplate).containsOnly(Map.entry("eval-python", 4L), Map.entry("eval-java", 4L), Map.entry("eval-node", 4L));
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.heldOut()).as(task.id()).isNotEmpty();
            assertThat(task.acceptanceCriteria()).as(task.id()).isNotEmpty();
            assertThat(task.difficulty()).as(task.id()).isIn("one-line fix", "new function with edge cases",
                    "change across files", "bug found by reading a stack trace");
        });
        EvalTask negative = tasks.stream().filter(t -> t.id().equals("py-negative-amounts")).findFirst().orElseThrow();
        assertThat(negative.heldOut()).containsOnlyKeys("tests/test_heldout_negative.py");
        assertThat(new String(negative.heldOut().get("tests/test_heldout_negative.py"))).contains("-$1,234.50");
    }

    @Test
    void aSuiteDirectoryHoldsOneFolderPerTask() throws Exception {
        Path task = Files.createDirectories(dir.resolve("mine/fix-it/heldout/tests"));
        Files.writeString(task.getParent().getParent().resolve("task.yaml"), """
                title: Fix it
                repository: {path: /srv/code/app}
                test_command: make test
                acceptance_criteria: [it works]
                """);
        Files.writeString(task.resolve("test_fix.py"), "assert True\n");

        List<EvalTask> tasks = suites().load("mine");

        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("fix-it");
            assertThat(t.source().path()).isEqualTo("/srv/code/app");
            assertThat(t.testCommand()).isEqualTo("make test");
            assertThat(t.heldOut()).containsOnlyKeys("tests/test_fix.py");
        });
    }

    @Test
    void sweBenchInstancesBecomeTasksWithTheirTestPatchAndTests() throws Exception {
        Files.writeString(dir.resolve("swe.jsonl"), """
                {"instance_id": "psf__requests-1", "repo": "psf/requests", "base_commit": "abc123", "problem_statement": "Headers are lost on redirect\\nDetails...", "test_patch": "diff --git a/t.py b/t.py\\n", "FAIL_TO_PASS": "[\\"tests/test_a.py::test_x\\"]", "PASS_TO_PASS": ["tests/test_a.py::test_y"]}

                """);

        List<EvalTask> tasks = suites().load("swe.jsonl");

        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("psf__requests-1");
            assertThat(t.title()).isEqualTo("Headers are lost on redirect");
            assertThat(t.source().gitUrl()).isEqualTo("https://github.com/psf/requests.git");
            assertThat(t.source().baseCommit()).isEqualTo("abc123");
            assertThat(t.testPatch()).startsWith("diff --git");
            assertThat(t.testCommand()).isEqualTo("python -m pytest 'tests/test_a.py::test_x' 'tests/test_a.py::test_y'");
        });
    }

    @Test
    void unknownOrMalformedSuitesAreRefusedAsClientErrors() throws Exception {
        assertThatThrownBy(() -> suites().load("nope")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> suites().load("../etc")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        Files.writeString(dir.resolve("bad.jsonl"), "{\"instance_id\": \"x\"}\n");
        assertThatThrownBy(() -> suites().load("bad.jsonl")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
    }
}
