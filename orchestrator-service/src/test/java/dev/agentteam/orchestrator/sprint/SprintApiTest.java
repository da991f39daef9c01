package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.NewStory;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SprintApiTest extends IntegrationTest {

    @Autowired
    Stories stories;

    long small;
    long large;
    long unestimated;

    @BeforeEach
    void backlog() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Shop', 1) returning id", Long.class);
        small = stories.add(epic, new NewStory("Cart", null, null, 3, 1, null, null)).id();
        large = stories.add(epic, new NewStory("Checkout", null, null, 8, 2, null, null)).id();
        unestimated = stories.add(epic, new NewStory("Wishlist", null, null, null, 3, null, null)).id();
    }

    @Test
    void aSprintIsPlannedWithItsStoriesAndPoints() {
        Reply reply = api.postJson("/api/sprints", """
                {"name": "Sprint 1", "start": "2026-12-01", "end": "2026-12-14", "goal": "Sell things",
                 "capacity_points": 20, "stories": [%d, %d, %d]}""".formatted(large, small, unestimated));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode sprint = reply.json();
        long id = sprint.get("id").asLong();
        assertThat(reply.location()).endsWith("/api/sprints/" + id);
        assertThat(sprint.get("status").asString()).isEqualTo("PLANNED");
        assertThat(sprint.get("planned_points").asInt()).isEqualTo(11);
        assertThat(sprint.get("unestimated_stories").asInt()).isEqualTo(1);
        assertThat(sprint.get("capacity_points").asInt()).isEqualTo(20);

        JsonNode fetched = api.get("/api/sprints/" + id).json();
        assertThat(fetched.get("name").asString()).isEqualTo("Sprint 1");
        assertThat(fetched.get("start").asString()).isEqualTo("2026-12-01");
        assertThat(fetched.get("end").asString()).isEqualTo("2026-12-14");
        assertThat(fetched.get("goal").asString()).isEqualTo("Sell things");
        assertThat(fetched.get("stories")).hasSize(3);
        assertThat(fetched.get("stories").get(0).get("id").asLong()).isEqualTo(small);
        assertThat(fetched.get("stories").get(0).get("estimate").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from sprint_stories where sprint_id = ?", Long.class, id))
                .isEqualTo(3);
    }

    @Test
    void aSprintWithoutANameIsNamedByItsDates() {
        JsonNode sprint = api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "2026-12-01", "stories": []}""").json();
        assertThat(sprint.get("name").asString()).isEqualTo("Sprint 2026-12-01 – 2026-12-01");
        assertThat(sprint.get("planned_points").asInt()).isZero();
    }

    @Test
    void aStoryIsInOneOpenSprintAtATime() {
        long first = api.postJson("/api/sprints", """
                {"name": "First", "start": "2026-12-01", "end": "2026-12-14", "stories": [%d]}""".formatted(small))
                .json().get("id").asLong();

        Reply taken = api.postJson("/api/sprints", """
                {"start": "2026-12-15", "end": "2026-12-28", "stories": [%d, %d]}""".formatted(large, small));
        assertProblem(taken, 409, "Story " + small + " is already in open sprint " + first + " (\"First\").");

        jdbc.update("update sprints set status = 'CLOSED' where id = ?", first);
        assertThat(api.postJson("/api/sprints", """
                {"start": "2026-12-15", "end": "2026-12-28", "stories": [%d]}""".formatted(small)).status()).isEqualTo(201);
    }

    @Test
    void invalidSprintsAreRejectedWithTheReason() {
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-14", "end": "2026-12-01", "stories": []}"""), 400,
                "end (2026-12-01) is before start (2026-12-14).");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "2026-12-14", "stories": [%d, 999998, 999999]}""".formatted(small)), 422,
                "stories refers to unknown story ids [999998, 999999].");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "2026-12-14", "stories": [%d, %d, %d]}""".formatted(small, large, small)), 400,
                "stories lists these ids more than once: [" + small + "].");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "1 December", "end": "2026-12-14", "stories": []}"""), 400,
                "'start' must be a date (yyyy-MM-dd), got '1 December'.");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "2026-12-14", "stories": [1, "two"]}"""), 400,
                "'stories[1]' must be a number, got 'two'.");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "stories": [], "capacity_points": 0}"""), 400,
                "capacity_points: must be greater than 0; end: must not be null");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "2026-12-14"}"""), 400, "stories: must not be null");
        assertProblem(api.postJson("/api/sprints", """
                {"start": "2026-12-01", "end": "+1000000-01-01", "stories": []}"""), 400,
                "start and end must lie between 2000-01-01 and 9999-12-31.");
        assertThat(jdbc.queryForObject("select count(*) from sprints", Long.class)).isZero();
    }

    @Test
    void unknownSprintsAreNotFound() {
        assertProblem(api.get("/api/sprints/424242"), 404, "No sprint with id 424242.");
        assertProblem(api.get("/api/sprints/x"), 400, "'id' must be a number, got 'x'.");
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.detail()).as(reply.body()).contains(detail);
    }
}
