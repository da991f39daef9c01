package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Story and epic statuses move only along their tables, each move recorded; the epic follows its stories. */
class StoryLifecycleTest extends IntegrationTest {

    @Autowired
    Stories stories;
    @Autowired
    StoryLifecycle lifecycle;

    @Test
    void theTablesAllowOnlyTheDocumentedMoves() {
        assertThat(StoryStatus.READY.canMoveTo(StoryStatus.IN_PROGRESS)).isTrue();
        assertThat(StoryStatus.IN_REVIEW.canMoveTo(StoryStatus.IN_PROGRESS)).as("a change round").isTrue();
        assertThat(StoryStatus.PROPOSED.canMoveTo(StoryStatus.DONE)).isFalse();
        assertThat(StoryStatus.DONE.next()).isEmpty();
        assertThat(StoryStatus.CANCELLED.next()).isEmpty();
        for (StoryStatus status : StoryStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status + " to itself").isFalse();
            assertThat(status.isFinal() || status.canMoveTo(StoryStatus.CANCELLED)).as(status + " can be cancelled").isTrue();
        }
        assertThat(EpicStatus.REFINED.canMoveTo(EpicStatus.IN_PROGRESS)).isTrue();
        assertThat(EpicStatus.NEW.canMoveTo(EpicStatus.DONE)).isFalse();
        assertThat(EpicStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void theEpicStartsWithItsFirstStoryAndIsDoneWhenEveryStoryIsDoneOrCancelled() {
        long epic = refinedEpic();
        long first = stories.add(epic, new NewStory("Cart", null, null, 3, 1, null, null)).id();
        long second = stories.add(epic, new NewStory("Wishlist", null, null, 2, 2, null, null)).id();
        long task = jdbc.queryForObject("""
                insert into tasks (epic_id, story_id, type, assigned_to, status, trace_id)
                values (?, ?, 'dev.implement_story', 'dev', 'QUEUED', 't') returning id""", Long.class, epic, first);

        assertThat(lifecycle.move(first, StoryStatus.IN_PROGRESS, ChangedBy.task(task, "handed to the dev agent"))).isTrue();
        assertThat(epicStatus(epic)).isEqualTo("IN_PROGRESS");
        assertThat(lifecycle.move(first, StoryStatus.READY, ChangedBy.system("test"))).as("allowed: back to READY").isTrue();
        assertThat(lifecycle.move(first, StoryStatus.DONE, ChangedBy.system("merged"))).isTrue();
        assertThat(epicStatus(epic)).as("the second story is still open").isEqualTo("IN_PROGRESS");
        assertThat(lifecycle.move(first, StoryStatus.IN_REVIEW, ChangedBy.system("late event"))).as("DONE is final").isFalse();

        Reply cancelled = api.postJson("/api/stories/" + second + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(epicStatus(epic)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select done_at is not null from epics where id = ?", Boolean.class, epic)).isTrue();

        JsonNode history = api.get("/api/stories/" + first + "/history").json();
        assertThat(transitions(history)).containsExactly("null→READY", "READY→IN_PROGRESS", "IN_PROGRESS→READY",
                "READY→DONE");
        assertThat(history.get(1).get("task_id").asLong()).isEqualTo(task);
        JsonNode cancellation = api.get("/api/stories/" + second + "/history").json().get(1);
        assertThat(cancellation.get("to").asString()).isEqualTo("CANCELLED");
        assertThat(cancellation.get("user_id").asLong()).as("the admin who asked").isEqualTo(1);
        assertThat(transitions(api.get("/api/epics/" + epic + "/history").json()))
                .containsExactly("REFINED→IN_PROGRESS", "IN_PROGRESS→DONE");
    }

    @Test
    void anIllegalMoveRequestedThroughTheApiIsAConflict() {
        long epic = refinedEpic();
        long story = stories.add(epic, new NewStory("Cart", null, null, 3, 1, null, null)).id();
        lifecycle.move(story, StoryStatus.DONE, ChangedBy.system("merged"));

        Reply refused = api.postJson("/api/stories/" + story + "/cancel", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.detail()).isEqualTo("Story " + story + " is DONE and cannot move to CANCELLED: DONE is final.");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select count(*) from status_changes where subject = 'STORY' and subject_id = ?",
                Integer.class, story)).as("nothing recorded for the refused move").isEqualTo(2);
        assertThat(api.postJson("/api/stories/987654/cancel", "").status()).isEqualTo(404);
    }

    private long refinedEpic() {
        return jdbc.queryForObject("insert into epics (title, created_by, status) values ('Shop', 1, 'REFINED') returning id",
                Long.class);
    }

    private String epicStatus(long epic) {
        return jdbc.queryForObject("select status from epics where id = ?", String.class, epic);
    }

    private static List<String> transitions(JsonNode history) {
        List<String> moves = new ArrayList<>();
        history.forEach(change -> moves.add((change.get("from").isNull() ? "null" : change.get("from").asString())
                + "→" + change.get("to").asString()));
        return moves;
    }
}
