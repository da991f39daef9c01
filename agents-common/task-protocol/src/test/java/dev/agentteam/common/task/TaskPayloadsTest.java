package dev.agentteam.common.task;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed payloads and results of the protocol: JSON round trips, and payloads of older or newer producers. */
class TaskPayloadsTest {

    private static final RepositoryTarget REPOSITORY = new RepositoryTarget(3L, "demo",
            "http://127.0.0.1:8080/git/demo.git", "embedded", "agent-team/demo", "main", "python3 -m unittest");
    private static final PullRequestTarget PR = new PullRequestTarget(9L, 2, "feature/ISSUE-4", "a".repeat(40),
            "main", "http://127.0.0.1:8080/pulls/2");

    @Test
    void addressReviewRoundTripsThroughJsonAndTheEnvelopeMap() {
        ChangeRound.AddressReview payload = new ChangeRound.AddressReview(REPOSITORY, PR, 4L, new ChangeRound.Review(12L, 1,
                "Handle empty input.", List.of(new ChangeRound.ReviewComment("core.py", 3, "major", "empty text", "    return 0"))));

        assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(payload), ChangeRound.AddressReview.class)).isEqualTo(payload);
        Map<String, Object> wire = TaskPayloads.toMap(payload);
        assertThat(wire).containsKeys("repository", "pull_request", "story_id", "review");
        assertThat(wire.get("pull_request").toString()).contains("head_sha=" + "a".repeat(40));
        assertThat(wire.get("review").toString()).contains("suggested_change=    return 0");
        assertThat(TaskPayloads.read(wire, ChangeRound.AddressReview.class)).isEqualTo(payload);
    }

    @Test
    void fixRegressionRoundTripsThroughJsonAndTheEnvelopeMap() {
        ChangeRound.FixRegression payload = new ChangeRound.FixRegression(REPOSITORY, PR, 4L, List.of(
                new ChangeRound.Failure("test_empty (tests.test_core.CoreTest)", "AssertionError: 1 != 0", "regression",
                        "fails on every run")), 15L, "FAILED (failures=1)");

        assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(payload), ChangeRound.FixRegression.class)).isEqualTo(payload);
        assertThat(TaskPayloads.read(TaskPayloads.toMap(payload), ChangeRound.FixRegression.class)).isEqualTo(payload);
        assertThat(TaskPayloads.toMap(payload)).containsKeys("qa_task_id", "ci_log", "failures");
    }

    @Test
    void theResultRoundTripsAndLeavesNullsOut() {
        ChangeRound.Result result = new ChangeRound.Result(9L, 2, "feature/ISSUE-4", "b".repeat(40), true, "Fixed.",
                List.of("core.py"), List.of(new ChangeRound.Reply("core.py", 3, "changed `core.py` in this commit")), null, List.of());

        Map<String, Object> wire = TaskPayloads.toMap(result);
        assertThat(wire).doesNotContainKey("tests").containsEntry("committed", true).containsEntry("pr_number", 2);
        assertThat(TaskPayloads.read(wire, ChangeRound.Result.class)).isEqualTo(result);
        assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(result), ChangeRound.Result.class)).isEqualTo(result);
    }

    @Test
    void aPayloadFromAnOlderOrchestratorStillDecodes() {
        // PR #…'s payload as QualityResults queued it before the typed records: no story_id, no ci_log, raw maps
        Map<String, Object> old = Map.of(
                "repository", Map.of("name", "demo", "clone_url", "http://x/git/demo.git", "test_command", "make test"),
                "pull_request", Map.of("id", 9, "number", 2, "head", "feature/ISSUE-4", "head_sha", "c".repeat(40)),
                "failures", List.of(Map.of("name", "t", "message", "boom", "classification", "regression", "reason", "r")),
                "qa_task_id", 15);

        ChangeRound.FixRegression decoded = TaskPayloads.read(old, ChangeRound.FixRegression.class);

        assertThat(decoded.storyId()).isNull();
        assertThat(decoded.ciLog()).isNull();
        assertThat(decoded.repository().forge()).isNull();
        assertThat(decoded.failures()).singleElement().extracting(ChangeRound.Failure::message).isEqualTo("boom");
        assertThat(decoded.pullRequest().number()).isEqualTo(2);
    }

    @Test
    void aPayloadFromANewerOrchestratorWithExtraFieldsStillDecodes() {
        Map<String, Object> newer = new LinkedHashMap<>(TaskPayloads.toMap(new ChangeRound.AddressReview(REPOSITORY, PR, 4L,
                new ChangeRound.Review(12L, 1, "s", List.of()))));
        newer.put("priority", "high");
        newer.put("review", Map.of("task_id", 12, "round", 1, "summary", "s", "comments", List.of(), "reviewer", "bot"));

        ChangeRound.AddressReview decoded = TaskPayloads.read(newer, ChangeRound.AddressReview.class);

        assertThat(decoded.review().summary()).isEqualTo("s");
        assertThat(decoded.review().comments()).isEmpty();
        assertThat(decoded.repository()).isEqualTo(REPOSITORY);
    }

    @Test
    void aFieldOfTheWrongShapeIsAClearError() {
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("failures", "not a list"), ChangeRound.FixRegression.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FixRegression");
    }

    @Test
    void implementStoryRoundTripsThroughJsonAndTheEnvelopeMap() {
        ImplementStory payload = new ImplementStory(new ImplementStory.Story(12L, 3L, "Most common words", "As a writer…",
                List.of(new ImplementStory.Criterion("a text", "counted", "the top words come first", null))),
                REPOSITORY, List.of(new Clarification("Which n?", "Ten")));

        assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(payload), ImplementStory.class)).isEqualTo(payload);
        Map<String, Object> wire = TaskPayloads.toMap(payload);
        assertThat(wire.get("story").toString()).contains("epic_id=3", "acceptance_criteria=[{given=a text, when=counted, "
                + "then=the top words come first}]");
        assertThat(TaskPayloads.read(wire, ImplementStory.class)).isEqualTo(payload);
    }

    @Test
    void anImplementStoryPayloadWithSentenceCriteriaAndNoClarificationsStillDecodes() {
        Map<String, Object> old = Map.of(
                "story", Map.of("id", 12, "title", "t", "acceptance_criteria", List.of("plain text criterion",
                        Map.of("given", "a", "when", "b", "then", "c"))),
                "repository", Map.of("clone_url", "http://x/git/demo.git", "test_command", "make test", "owner", "new field"));

        ImplementStory decoded = TaskPayloads.read(old, ImplementStory.class);

        assertThat(decoded.clarifications()).isEmpty();
        assertThat(decoded.story().epicId()).isNull();
        assertThat(decoded.story().acceptanceCriteria()).extracting(ImplementStory.Criterion::asText)
                .containsExactly("plain text criterion", "Given a, when b, then c");
    }
}
