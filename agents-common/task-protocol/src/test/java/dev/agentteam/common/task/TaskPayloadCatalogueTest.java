package dev.agentteam.common.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payload records of the PO, Scrum, QA, Review and CI/CD task types: each round-trips through JSON and the
 * envelope's map, reads the map shape the orchestrator queued before the records existed, and names the field that
 * is missing or of the wrong type.
 */
class TaskPayloadCatalogueTest {

    private static final String SHA = "d".repeat(40);
    private static final RepositoryTarget REPOSITORY = new RepositoryTarget(3L, "demo", "http://127.0.0.1:8080/git/demo.git",
            "embedded", "agent-team/demo", "main", "python3 -m unittest", "ruff check .", "coverage run", 80.0, null,
            List.of("lint"));
    private static final PullRequestTarget PR = new PullRequestTarget(9L, 2, "feature/ISSUE-4", SHA, "main",
            "http://127.0.0.1:8080/pulls/2");

    private static <T> void roundTrips(T payload, Class<T> type) {
        assertThat(TaskPayloads.fromJson(TaskPayloads.toJson(payload), type)).isEqualTo(payload);
        assertThat(TaskPayloads.read(TaskPayloads.toMap(payload), type)).isEqualTo(payload);
    }

    @Test
    void refineEpicRoundTripsAndReadsTitlesOrObjectsAsExistingStories() {
        roundTrips(new RefineEpic(7L, "Accounts", "Sign up and in.", 1L, 3L,
                List.of(new RefineEpic.ExistingStory(4L, "Sign up")), List.of(new Clarification("Who?", "Visitors"))),
                RefineEpic.class);
        RefineEpic old = TaskPayloads.read(Map.of("epic_id", 7, "title", "Accounts", "owner_id", 1,
                "existing_stories", List.of("Sign up", Map.of("title", "Log in"))), RefineEpic.class);
        assertThat(old.existingStories()).extracting(RefineEpic.ExistingStory::title).containsExactly("Sign up", "Log in");
        assertThat(old.clarifications()).isEmpty();
        assertThat(TaskPayloads.toMap(new RefineEpic(7L, "Accounts", null, 1L, null)))
                .containsOnlyKeys("epic_id", "title", "owner_id", "existing_stories", "clarifications");
    }

    @Test
    void sprintBriefsRoundTripAndKeepTheirWireNames() {
        SprintBrief.PlanSprint plan = new SprintBrief.PlanSprint(4L, "Sprint 4", null, "2026-12-01", "2026-12-14", 17.5, 20,
                5, List.of(new SprintBrief.SprintStory(12L, "Cart", null, 1, 5, List.of(3L), "fits")), List.of());
        roundTrips(plan, SprintBrief.PlanSprint.class);
        assertThat(TaskPayloads.toMap(plan)).containsEntry("capacity_points", 20).containsEntry("velocity_points", 17.5)
                .containsKeys("sprint_id", "sprint_name", "selected_points", "selected", "skipped");
        SprintBrief.WriteRetro retro = new SprintBrief.WriteRetro(4L, "Sprint 4", "Sell", "2026-12-01", "2026-12-14", 20,
                null, new SprintBrief.Tally(2, 8), new SprintBrief.Tally(1, 5),
                List.of(new SprintBrief.SprintStory(12L, "Cart", "DONE", null, 5, null, null)),
                Map.of("lead_time_hours", Map.of("count", 1, "avg", 30.5)));
        roundTrips(retro, SprintBrief.WriteRetro.class);
        assertThat(TaskPayloads.read(Map.of("sprint_id", 4), SprintBrief.WriteRetro.class).committed())
                .isEqualTo(new SprintBrief.Tally(0, 0));
    }

    @Test
    void qualityTaskPayloadsRoundTrip() {
        roundTrips(new QualityTask.RunCi(REPOSITORY, PR, 4L), QualityTask.RunCi.class);
        roundTrips(new QualityTask.FollowCi(REPOSITORY, PR, 4L, true), QualityTask.FollowCi.class);
        roundTrips(new QualityTask.Deploy(REPOSITORY, SHA, 9L), QualityTask.Deploy.class);
        roundTrips(new QualityTask.Triage(REPOSITORY, PR, 4L, new QualityTask.CiOutcome(30L,
                Map.of("tests", 5, "failures", 1, "failed", List.of(Map.of("name", "t", "message", "boom"))), false, 1,
                "FAILED")), QualityTask.Triage.class);
        roundTrips(new QualityTask.ReviewPullRequest(REPOSITORY, PR, 4L, new ImplementStory.Story(4L, null, "Count words",
                "As a writer…", List.of(new ImplementStory.Criterion("a text", "counted", "top words first", null))), 2,
                "octocat"), QualityTask.ReviewPullRequest.class);
    }

    @Test
    void theRepositoryCarriesTheQualityCommandsFlatAsCiPayloadsDidBefore() {
        Map<String, Object> wire = TaskPayloads.toMap(new QualityTask.RunCi(REPOSITORY, PR, 4L));
        @SuppressWarnings("unchecked")
        Map<String, Object> repository = (Map<String, Object>) wire.get("repository");
        assertThat(repository).containsEntry("lint_command", "ruff check .")
                .containsEntry("coverage_threshold", 80.0).containsEntry("required_checks", List.of("lint"))
                .doesNotContainKey("security_command");
        assertThat(REPOSITORY.quality()).isEqualTo(new QualityCommands("ruff check .", "coverage run", 80.0, null,
                List.of("lint")));
        RepositoryTarget plain = TaskPayloads.read(Map.of("full_name", "a/b", "clone_url", "x"), RepositoryTarget.class);
        assertThat(plain.quality()).isEqualTo(QualityCommands.none());
    }

    @Test
    void payloadsQueuedBeforeTheRecordsStillDecode() {
        // as PullRequestChecks and QualityResults built them from maps: repository with quality commands, extra keys
        Map<String, Object> repository = Map.of("id", 3, "name", "demo", "forge", "embedded", "full_name", "agent-team/demo",
                "clone_url", "http://x/git/demo.git", "test_command", "make test", "coverage_threshold", 75,
                "required_checks", List.of());
        Map<String, Object> pr = Map.of("id", 9, "number", 2, "head", "feature/ISSUE-4", "head_sha", SHA, "base", "main",
                "url", "http://x/pulls/2");
        QualityTask.Triage triage = TaskPayloads.read(Map.of("repository", repository, "pull_request", pr, "story_id", 4,
                "ci", Map.of("task_id", 30, "report", Map.of("tests", 1), "timed_out", false, "exit_code", 1)),
                QualityTask.Triage.class);
        assertThat(triage.ci().exitCode()).isEqualTo(1);
        assertThat(triage.repository().quality().coverageThreshold()).isEqualTo(75.0);
        QualityTask.ReviewPullRequest review = TaskPayloads.read(Map.of("repository", repository, "pull_request", pr,
                "story", Map.of("id", 4, "title", "Count", "acceptance_criteria",
                        List.of(Map.of("given", "g", "when", "w", "then", "t"))), "round", 2, "later_field", true),
                QualityTask.ReviewPullRequest.class);
        assertThat(review.story().acceptanceCriteria().get(0).asText()).isEqualTo("Given g, when w, then t");
        assertThat(TaskPayloads.read(Map.of("repository", repository, "pull_request", pr), QualityTask.FollowCi.class)
                .rerunFailed()).isFalse();
        assertThat(TaskPayloads.read(Map.of("repository", repository, "merge_sha", SHA, "pr_id", 9),
                QualityTask.Deploy.class).prId()).isEqualTo(9L);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("title", "x"), RefineEpic.class))
                .isInstanceOf(InvalidPayloadException.class).hasMessage("invalid payload: required field 'epic_id' is missing");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("epic_id", 1, "title", " "), RefineEpic.class))
                .hasMessage("invalid payload: required field 'title' is missing (blank)");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("sprint_id", 1), SprintBrief.PlanSprint.class))
                .hasMessageContaining("'capacity_points'");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("repository", Map.of("full_name", "a/b", "clone_url", "x"),
                "pull_request", Map.of("id", 9, "head_sha", SHA)), QualityTask.FollowCi.class))
                .hasMessageContaining("'pull_request.number'");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("repository", Map.of("full_name", "a/b"), "merge_sha", SHA),
                QualityTask.Deploy.class)).hasMessageContaining("'repository.clone_url'");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of(), QualityTask.Triage.class)).hasMessageContaining("'repository'");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithItsPath() {
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("epic_id", "seven", "title", "x"), RefineEpic.class))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageStartingWith("invalid RefineEpic payload: field 'epic_id' has the wrong type");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("repository", Map.of(), "pull_request", Map.of("number", "two")),
                QualityTask.RunCi.class)).hasMessageContaining("field 'pull_request.number' has the wrong type");
        assertThatThrownBy(() -> TaskPayloads.read(Map.of("sprint_id", 1, "capacity_points", 5,
                "selected", List.of(Map.of("story_id", 1), Map.of("story_id", "x"))), SprintBrief.PlanSprint.class))
                .hasMessageContaining("field 'selected[1].story_id' has the wrong type").hasMessageNotContaining("\n");
    }
}
