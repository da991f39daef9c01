package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.support.QueueClaims;
import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.SprintText;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.orchestrator.backlog.NewStory;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity planning on a seeded backlog, the sprint lifecycle and the Scrum agent's texts. The agent is played by
 * the test through the real queue: it claims the scrum task the orchestrator queued and completes it with output of
 * the shape the scrum-agent produces.
 */
class SprintPlanningApiTest extends IntegrationTest {

    @Autowired
    Stories stories;
    @Autowired
    TaskQueue queue;
    @Autowired
    StringRedisTemplate redis;

    long epic;

    @BeforeEach
    void emptyQueues() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Shop', 1) returning id", Long.class);
    }

    @Test
    void planningPicksByPriorityWithinCapacityWithDependenciesAndExplainsEveryChoice() {
        long done = add("Catalogue", 3, 1, StoryStatus.DONE);
        long inProgress = add("Payments API", 5, 1, StoryStatus.IN_PROGRESS);
        long a = add("Cart", 5, 1, StoryStatus.READY);
        long c = add("Stock levels", 3, 4, StoryStatus.READY);
        long b = add("Checkout", 8, 1, StoryStatus.READY, c);
        long d = add("Pay by card", 5, 2, StoryStatus.READY, inProgress);
        long taken = add("Wishlist", 3, 2, StoryStatus.READY);
        long unestimated = add("Gift cards", null, 2, StoryStatus.READY);
        long big = add("Recommendations", 13, 3, StoryStatus.READY);
        long h = add("Order history", 2, 3, StoryStatus.READY);
        long z = add("Search by name", 1, 5, StoryStatus.READY, done);
        add("Loyalty points", 2, 1, StoryStatus.PROPOSED);
        long cancelledEpic = jdbc.queryForObject(
                "insert into epics (title, created_by, status) values ('Old shop', 1, 'CANCELLED') returning id", Long.class);
        stories.add(cancelledEpic, new NewStory("Fax orders", null, null, 1, 1, StoryStatus.READY, List.of()));
        long other = api.postJson("/api/sprints", """
                {"name": "Running", "start": "2026-11-16", "end": "2026-11-29", "stories": [%d]}""".formatted(taken))
                .json().get("id").asLong();

        String request = """
                {"name": "Sprint 7", "goal": "Sell online", "start": "2026-12-01", "end": "2026-12-14",
                 "capacity_points": 20}""";
        Reply preview = api.postJson("/api/sprints/plan?dry_run=true", request);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from sprints where name = 'Sprint 7'", Long.class)).isZero();

        Reply reply = api.postJson("/api/sprints/plan", request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode sprint = reply.json();
        long id = sprint.get("id").asLong();
        assertThat(reply.location()).endsWith("/api/sprints/" + id);
        assertThat(sprint.get("status").asString()).isEqualTo("PLANNED");
        JsonNode plan = sprint.get("plan");
        // a 5 → 15 left; b 8 brings c 3 → 4 left; d blocked; taken is in "Running"; unestimated; big 13 > 4;
        // h 2 → 2 left; z 1 (its dependency is DONE) → 1 left
        assertThat(ids(plan.get("selected"))).containsExactly(a, c, b, h, z);
        assertThat(plan.get("selected_points").asInt()).isEqualTo(19);
        assertThat(preview.json()).isEqualTo(plan);
        assertThat(sprint.get("planned_points").asInt()).isEqualTo(19);
        assertThat(ids(plan.get("skipped"))).containsExactlyInAnyOrder(d, unestimated, big, taken);
        assertThat(reason(plan.get("skipped"), d)).isEqualTo("depends on story " + inProgress
                + " (\"Payments API\", IN_PROGRESS), which is neither DONE nor selected");
        assertThat(reason(plan.get("skipped"), big)).isEqualTo("does not fit: needs 13 points, only 4 of 20 points left");
        assertThat(reason(plan.get("skipped"), taken)).isEqualTo("already in open sprint " + other + " (\"Running\")");
        assertThat(reason(plan.get("skipped"), unestimated)).startsWith("not estimated");
        assertThat(reason(plan.get("selected"), c)).isEqualTo("pulled in first: story " + b + " (priority 1) depends on it");
        assertThat(jdbc.queryForList("select story_id from sprint_stories where sprint_id = ? order by story_id",
                Long.class, id)).containsExactlyInAnyOrder(a, b, c, h, z);

        ClaimedTask narrative = claimScrumTask();
        assertThat(narrative.task().type()).isEqualTo("scrum.plan_sprint");
        assertThat(narrative.task().taskId()).isEqualTo(sprint.get("plan_task_id").asLong());
        Map<String, Object> payload = narrative.task().payload();
        assertThat(payload).containsEntry("sprint_id", (int) id).containsEntry("capacity_points", 20)
                .containsEntry("selected_points", 19).containsEntry("goal", "Sell online");
        assertThat((List<?>) payload.get("selected")).hasSize(5);

        queue.complete(narrative, TaskResult.succeeded(narrative.task(), "scrum-test", new SprintText.Planning(
                "We start with the cart and bring stock levels in before checkout.",
                List.of("Card payments wait for the payments API.")), TokenUsage.NONE));

        // the narrative is stored by the reaction to the task's success, which has run once that is recorded
        domainEvents.awaitTaskEnd(narrative.task().taskId(), Duration.ofSeconds(20));
        assertThat(api.get("/api/sprints/" + id).json().get("plan_rationale").asString()).isEqualTo(
                "We start with the cart and bring stock levels in before checkout.\n\nRisks:\n"
                        + "- Card payments wait for the payments API.");
    }

    @Test
    void closingASprintQueuesTheRetroWithItsMetricsAndServesTheStoredRetro() {
        long shipped = add("Cart", 5, 1, StoryStatus.READY);
        long slipped = add("Checkout", 3, 2, StoryStatus.READY);
        long id = api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": 10}""").json().get("id").asLong();
        claimScrumTask();

        assertProblem(api.get("/api/sprints/" + id + "/retro"), 409, "Sprint " + id + " is PLANNED");
        assertProblem(api.postJson("/api/sprints/" + id + "/close", ""), 409,
                "Sprint " + id + " is PLANNED and cannot be closed: only an ACTIVE sprint can be closed.");
        JsonNode started = api.postJson("/api/sprints/" + id + "/start", "").json();
        assertThat(started.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(started.get("started_at").isNull()).isFalse();
        assertProblem(api.postJson("/api/sprints/" + id + "/start", ""), 409, "is ACTIVE and cannot be started");
        long next = api.postJson("/api/sprints", """
                {"start": "2026-12-15", "end": "2026-12-28", "stories": []}""").json().get("id").asLong();
        assertProblem(api.postJson("/api/sprints/" + next + "/start", ""), 409,
                "Sprint " + id + " is ACTIVE: close it before starting sprint " + next + ".");

        jdbc.update("update stories set status = 'DONE', done_at = now() where id = ?", shipped);
        JsonNode closed = api.postJson("/api/sprints/" + id + "/close", "").json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        long retroTask = closed.get("retro_task_id").asLong();
        assertProblem(api.get("/api/sprints/" + id + "/retro"), 404, "(task " + retroTask + " is QUEUED)");

        assertProblem(api.postJson("/api/sprints/" + id + "/retro", ""), 409,
                "The retrospective of sprint " + id + " is under way: task " + retroTask + " is QUEUED.");
        ClaimedTask retro = claimScrumTask();
        assertThat(retro.task().type()).isEqualTo("scrum.write_retro");
        assertThat(retro.task().taskId()).isEqualTo(retroTask);
        Map<String, Object> payload = retro.task().payload();
        assertThat(payload.get("committed")).isEqualTo(Map.of("stories", 2, "points", 8));
        assertThat(payload.get("completed")).isEqualTo(Map.of("stories", 1, "points", 5));
        assertThat(payload.get("metrics")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("sprint_id", (int) id).containsKeys("lead_time_hours", "tokens_by_agent", "clarifications");
        assertThat(payload.get("stories").toString()).contains("Checkout", "READY", "Cart", "DONE");

        queue.complete(retro, TaskResult.succeeded(retro.task(), "scrum-test", new SprintText.Retro(
                "Half of the points shipped; checkout slipped.", List.of("The cart shipped on day three."),
                List.of("Checkout waited for review."), List.of("Review pull requests every morning.")), TokenUsage.NONE));

        domainEvents.awaitTaskEnd(retro.task().taskId(), Duration.ofSeconds(20));
        assertThat(api.get("/api/sprints/" + id + "/retro").status()).isEqualTo(200);
        JsonNode served = api.get("/api/sprints/" + id + "/retro").json();
        assertThat(served.get("sprint_id").asLong()).isEqualTo(id);
        assertThat(served.get("summary").asString()).isEqualTo("Half of the points shipped; checkout slipped.");
        assertThat(served.get("went_well").get(0).asString()).isEqualTo("The cart shipped on day three.");
        assertThat(served.get("to_improve").get(0).asString()).isEqualTo("Checkout waited for review.");
        assertThat(served.get("actions").get(0).asString()).isEqualTo("Review pull requests every morning.");
        assertThat(served.get("task_id").asLong()).isEqualTo(retroTask);
        assertThat(served.get("metrics").get("stories_by_status").get("DONE").asInt()).isEqualTo(1);
        assertThat(api.get("/api/sprints/" + id).json().get("retro").get("summary").asString())
                .isEqualTo("Half of the points shipped; checkout slipped.");
        assertProblem(api.postJson("/api/sprints/" + id + "/retro", ""), 409,
                "Sprint " + id + " already has its retrospective.");
        assertThat(api.getAnything("/actuator/prometheus").body()).contains("agentteam_sprints_total{event=\"closed\"}");
        // closed, its unfinished story is free to be planned again
        assertThat(ids(api.postJson("/api/sprints/plan", """
                {"start": "2026-12-15", "end": "2026-12-28", "capacity_points": 5}""").json().get("plan").get("selected")))
                .containsExactly(slipped);
    }

    @Test
    void aRetroWhoseTaskDiedCanBeAskedForAgain() {
        add("Cart", 5, 1, StoryStatus.READY);
        long id = api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": 10}""").json().get("id").asLong();
        claimScrumTask();
        api.postJson("/api/sprints/" + id + "/start", "");
        long first = api.postJson("/api/sprints/" + id + "/close", "").json().get("retro_task_id").asLong();
        ClaimedTask dying = claimScrumTask();
        queue.complete(dying, TaskResult.failed(dying.task(), "scrum-test", "budget spent", false, TokenUsage.NONE));
        domainEvents.awaitTaskEnd(first, Duration.ofSeconds(20));
        assertThat(api.get("/api/sprints/" + id + "/retro").detail()).contains("(task " + first + " is FAILED)");

        Reply again = api.postJson("/api/sprints/" + id + "/retro", "");

        assertThat(again.status()).as(again.body()).isEqualTo(202);
        long second = again.json().get("retro_task_id").asLong();
        assertThat(second).isNotEqualTo(first);
        ClaimedTask retried = claimScrumTask();
        assertThat(retried.task().taskId()).isEqualTo(second);
        assertThat(retried.task().type()).isEqualTo("scrum.write_retro");
        assertProblem(api.postJson("/api/sprints/424242/retro", ""), 404, "No sprint with id 424242.");
    }

    @Test
    void theNarrativeTaskCarriesTheVelocityOfTheLastClosedSprints() {
        long a = add("A", 5, 1, StoryStatus.DONE);
        long b = add("B", 3, 1, StoryStatus.DONE);
        long late = add("Late", 8, 1, StoryStatus.DONE);
        long c = add("C", 2, 1, StoryStatus.DONE);
        long d = add("D", 13, 1, StoryStatus.DONE);
        add("Next", 3, 1, StoryStatus.READY);
        // oldest first: D (13) is in a sprint older than the last three, so it does not count
        closedSprint("2026-09-30T18:00:00Z", d, "2026-09-29T10:00:00Z");
        long s1 = closedSprint("2026-10-30T18:00:00Z", a, "2026-10-20T10:00:00Z");
        addDone(s1, b, "2026-10-30T17:00:00Z");
        addDone(s1, late, "2026-11-02T09:00:00Z");     // done after the close: not this sprint's velocity
        closedSprint("2026-11-13T18:00:00Z", c, "2026-11-10T10:00:00Z");
        jdbc.update("insert into sprints (name, start_date, end_date, status, closed_at) values "
                + "('Empty', '2026-11-14', '2026-11-27', 'CLOSED', '2026-11-27T18:00:00Z')");

        api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": 5}""");

        // the last three closed sprints did 5 + 3, 2 and 0 points: mean 10 / 3 = 3.3
        assertThat(claimScrumTask().task().payload().get("velocity_points")).isEqualTo(3.3);
    }

    @Test
    void badPlanningRequestsAreExplained() {
        add("Recommendations", 13, 1, StoryStatus.READY);

        assertProblem(api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": 0}"""), 400,
                "capacity_points: must be greater than 0");
        assertProblem(api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14"}"""), 400, "capacity_points: must not be null");
        assertProblem(api.postJson("/api/sprints/plan", """
                {"start": "2026-12-14", "end": "2026-12-01", "capacity_points": 20}"""), 400,
                "end (2026-12-01) is before start (2026-12-14).");
        assertProblem(api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": "lots"}"""), 400,
                "'capacity_points' must be");

        Reply nothing = api.postJson("/api/sprints/plan", """
                {"start": "2026-12-01", "end": "2026-12-14", "capacity_points": 8}""");
        assertProblem(nothing, 422, "No READY story fits a sprint of 8 points");
        assertThat(nothing.json().get("skipped").get(0).get("reason").asString())
                .isEqualTo("does not fit: needs 13 points, only 8 of 8 points left");
        assertThat(jdbc.queryForObject("select count(*) from sprints", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tasks", Long.class)).isZero();

        assertProblem(api.postJson("/api/sprints/424242/start", ""), 404, "No sprint with id 424242.");
        assertProblem(api.get("/api/sprints/424242/retro"), 404, "No sprint with id 424242.");
    }

    private long add(String title, Integer estimate, int priority, StoryStatus status, Long... dependsOn) {
        return stories.add(epic, new NewStory(title, null, null, estimate, priority, status, List.of(dependsOn))).id();
    }

    private long closedSprint(String closedAt, long story, String doneAt) {
        long sprint = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date, status, closed_at)
                values ('Old', '2026-01-01', '2026-01-14', 'CLOSED', ?::timestamptz) returning id""", Long.class, closedAt);
        addDone(sprint, story, doneAt);
        return sprint;
    }

    private void addDone(long sprint, long story, String doneAt) {
        jdbc.update("update stories set done_at = ?::timestamptz where id = ?", doneAt, story);
        jdbc.update("insert into sprint_stories (sprint_id, story_id) values (?, ?)", sprint, story);
    }

    private ClaimedTask claimScrumTask() {
        return QueueClaims.next(queue, AgentRole.SCRUM, "scrum-test", Duration.ofSeconds(20));
    }

    private static List<Long> ids(JsonNode stories) {
        List<Long> ids = new ArrayList<>();
        stories.forEach(story -> ids.add(story.get("story_id").asLong()));
        return ids;
    }

    private static String reason(JsonNode stories, long id) {
        for (JsonNode story : stories) {
            if (story.get("story_id").asLong() == id) {
                return story.get("reason").asString();
            }
        }
        throw new AssertionError("story " + id + " not in " + stories);
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.detail()).as(reply.body()).contains(detail);
    }
}
