package dev.agentteam.common.task;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The result records of every task type: each round-trips through JSON and the envelope's map, reads the maps the
 * agents wrote before the records existed (fields an agent adds later are ignored, fields an older one left out take
 * the record's default), and names the field that does not fit.
 */
class TaskResultCatalogueTest {

    private static final String SHA = "e".repeat(40);
    private static final QualityResult.TestOutcome REPORT = QualityResult.TestOutcome.of(14, 1, 0, 0, "junit-xml",
            List.of(QualityResult.FailedTest.of("tests.test_core.CountTest.test_top", false, "AssertionError: 2 != 3")));
    private static final ChangeRound.Failure REGRESSION = new ChangeRound.Failure("tests.test_core.CountTest.test_top",
            "AssertionError: 2 != 3", "regression", "failed again on the rerun");

    /** One complete result per task type, every field set. */
    private static TaskOutput sample(TaskType type) {
        return switch (type) {
            case PO_REFINE_EPIC -> new RefinedStories(List.of(new RefinedStories.Story("A", "Count words", "As a writer…",
                    List.of(new ImplementStory.Criterion("a text", "counted", "top words first", null)), 3, 1, List.of("B"),
                    false)), "po_agent_v2");
            case SCRUM_PLAN_SPRINT -> new SprintText.Planning("Cart first.", List.of("Payments API late."));
            case SCRUM_WRITE_RETRO -> new SprintText.Retro("Half shipped.", List.of("Cart"), List.of("Reviews"),
                    List.of("Review every morning."));
            case DEV_IMPLEMENT_STORY -> new StoryDelivered(2, "http://127.0.0.1:8080/pulls/2", "feature/ISSUE-4", "main", SHA,
                    true, "[ISSUE-4] Count words", new StoryDelivered.TestsRun("make test", true, 0, "14 passed", null),
                    List.of("core.py"), "Counted.", 6, List.of("read core.py", "finish"));
            case DEV_ADDRESS_REVIEW, DEV_FIX_REGRESSION -> new ChangeRound.Result(9L, 2, "feature/ISSUE-4", SHA, true, "Fixed.",
                    List.of("core.py"), List.of(new ChangeRound.Reply("core.py", 3, "changed")), "14 passed",
                    List.of("edit core.py"));
            case QA_TRIAGE -> new QualityResult.Triage("regression", 9L, 2, SHA, 30L, List.of(REGRESSION), List.of(REGRESSION),
                    List.of("tests.test_io.test_slow"), List.of(), new QualityResult.Rerun(REPORT, 1, false, 2100L), true);
            case REVIEW_PR -> new QualityResult.Review(QualityResult.Review.CHANGES_REQUESTED, "One thing.",
                    List.of(new ChangeRound.ReviewComment("core.py", 42, "minor", "Name n.", "raise ValueError(n)")), 1,
                    "agent-review:changes-requested", 1, false, 9L, 2, SHA);
            case CICD_RUN_CI -> new QualityResult.Ci("failure", "14 tests, 13 passed", "make test", 9L, 2, SHA, 1, false, 5400L,
                    REPORT, "FAILED (failures=1)", List.of(new QualityResult.Artifact("ci-log", "ci-log.txt", "tasks/40/1/ci-log.txt",
                    "text/plain;charset=utf-8", 812L)), List.of(new QualityResult.Check("lint", "agent-team/lint", "SUCCESS",
                    "`ruff check .` passed", "ruff check .", 0, null, "")), List.of(), List.of());
            case CICD_FOLLOW_CI -> new QualityResult.Ci("rerun_requested", null, null, 9L, 2, SHA, null, null, null, null, null,
                    null, null, List.of(new QualityResult.WorkflowRun(77L, "ci", "completed", "failure", 1)), List.of(77L));
            case CICD_DEPLOY -> new QualityResult.Deploy(SHA, "success", new QualityResult.Step(0, false, "deployed"),
                    new QualityResult.Step(0, false, "smoke ok"), List.of());
        };
    }

    @Test
    void everyTaskTypeHasAResultRecordThatRoundTrips() {
        for (TaskType type : TaskType.values()) {
            TaskOutput result = sample(type);
            assertThat(result).as(type.key()).isInstanceOf(TaskResults.recordOf(type));
            assertThat(TaskResults.read(type, TaskPayloads.toMap(result))).as(type.key()).isEqualTo(result);
            assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(result), TaskResults.recordOf(type))).as(type.key())
                    .isEqualTo(result);
        }
        assertThat(Arrays.stream(TaskType.values()).map(TaskResults::recordOf).distinct()).hasSize(9);
    }

    @Test
    void aFieldANewerAgentAddedIsIgnored() {
        for (TaskType type : TaskType.values()) {
            Map<String, Object> wire = new HashMap<>(TaskPayloads.toMap(sample(type)));
            wire.put("added_in_a_later_release", Map.of("anything", List.of(1, 2)));
            assertThat(TaskResults.read(type, wire)).as(type.key()).isEqualTo(sample(type));
        }
    }

    @Test
    void theMapsAgentsWroteBeforeTheRecordsStillDecode() {
        // cicd.run_ci as RunCiHandler built it: report with "passed", quality outcomes with "percent" only when known
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("conclusion", "success");
        ci.put("pr_id", 9);
        ci.put("number", 2);
        ci.put("head_sha", SHA);
        ci.put("report", Map.of("tests", 14, "passed", 14, "failures", 0, "errors", 0, "skipped", 0, "source", "junit-xml",
                "failed", List.of()));
        ci.put("artifacts", List.of(Map.of("kind", "ci-log", "name", "ci-log.txt", "key", "k", "content_type", "text/plain",
                "size_bytes", 12)));
        ci.put("quality", List.of(Map.of("check", "coverage", "state", "SUCCESS", "command", "coverage run", "exit_code", 0,
                "percent", 87.5)));
        QualityResult.Ci read = TaskResults.read(TaskType.CICD_RUN_CI, ci, QualityResult.Ci.class);
        assertThat(read.green()).isTrue();
        assertThat(read.report().passed()).isEqualTo(14);
        assertThat(read.quality().get(0).percent()).isEqualTo(87.5);
        assertThat(read.artifacts().get(0).sizeBytes()).isEqualTo(12L);
        assertThat(read.runs()).isEmpty();

        // review.review_pr without needs_human and round (an agent from before the change rounds)
        QualityResult.Review review = TaskResults.read(TaskType.REVIEW_PR, Map.of("verdict", "approve", "pr_id", 9,
                "head_sha", SHA), QualityResult.Review.class);
        assertThat(review.approved()).isTrue();
        assertThat(review.needsHuman()).isFalse();
        assertThat(review.round()).isZero();
        assertThat(review.comments()).isEmpty();

        // po.refine_epic as the PO agent wrote it, estimate null, depends_on as numbers, a criterion as a sentence
        RefinedStories stories = TaskResults.read(TaskType.PO_REFINE_EPIC, Map.of("stories", List.of(Map.of("key", "1",
                "title", "Sign up", "acceptance_criteria", List.of("Visitors can sign up"), "depends_on", List.of(2))),
                "prompt_version", "po_agent_v1"), RefinedStories.class);
        assertThat(stories.stories().get(0).dependsOn()).containsExactly("2");
        assertThat(stories.stories().get(0).acceptanceCriteria().get(0).asText()).isEqualTo("Visitors can sign up");
        assertThat(stories.stories().get(0).needsSplit()).isFalse();

        // qa.triage of a green CI carries no pull-request fields it needs; scrum texts without their lists
        assertThat(((QualityResult.Triage) TaskResults.read(TaskType.QA_TRIAGE, Map.of("verdict", "clean"))).clean()).isTrue();
        assertThat(TaskResults.read(TaskType.SCRUM_WRITE_RETRO, Map.of("summary", "ok")))
                .isEqualTo(new SprintText.Retro("ok", List.of(), List.of(), List.of()));
        assertThat(TaskResults.read(TaskType.DEV_ADDRESS_REVIEW, Map.of("head_sha", SHA, "committed", false),
                ChangeRound.Result.class).trajectory()).isEmpty();
    }

    @Test
    void aResultThatDoesNotFitNamesTheField() {
        assertThatThrownBy(() -> TaskResults.read(TaskType.DEV_IMPLEMENT_STORY, Map.of("branch", "feature/ISSUE-4")))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("invalid dev.implement_story result: required field 'pr_number' is missing");
        assertThatThrownBy(() -> TaskResults.read(TaskType.REVIEW_PR, Map.of("verdict", "approve", "pr_id", 9,
                "head_sha", SHA, "round", "second")))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageStartingWith("invalid review.review_pr result: field 'round' has the wrong type");
        assertThatThrownBy(() -> TaskResults.read(TaskType.CICD_RUN_CI, Map.of("conclusion", "success", "pr_id", 9,
                "head_sha", SHA, "report", Map.of("tests", "many"))))
                .hasMessageStartingWith("invalid cicd.run_ci result: field 'report.tests' has the wrong type");
        assertThatThrownBy(() -> TaskResults.read(TaskType.QA_TRIAGE, Map.of("verdict", "regression", "pr_id", 9)))
                .hasMessage("invalid qa.triage result: required field 'head_sha' is missing");
        assertThatThrownBy(() -> TaskResults.read(TaskType.REVIEW_PR, Map.of(), QualityResult.Ci.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("are Review, not Ci");
    }
}
