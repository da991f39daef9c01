package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EpicApiTest extends IntegrationTest {

    @Autowired
    Stories stories;

    @Test
    void submittingAnEpicStoresItAsRefiningAndQueuesThePoTask() {
        Reply reply = api.postJson("/api/epics", """
                {"title": "  Password reset  ", "description": "Users forget passwords.", "owner_id": 1}""");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode epic = reply.json();
        long id = epic.get("id").asLong();
        assertThat(reply.location()).endsWith("/api/epics/" + id);
        assertThat(epic.get("title").asString()).isEqualTo("Password reset");
        assertThat(epic.get("owner_id").asLong()).isEqualTo(1);
        assertThat(epic.get("status").asString()).isEqualTo("REFINING");
        assertThat(epic.get("tasks")).hasSize(1);
        assertThat(epic.get("tasks").get(0).get("type").asString()).isEqualTo("po.refine_epic");
        assertThat(epic.get("tasks").get(0).get("assigned_to").asString()).isEqualTo("po");

        Map<String, Object> row = jdbc.queryForMap("select status, created_by from epics where id = ?", id);
        assertThat(row).containsEntry("status", "REFINING").containsEntry("created_by", 1L);
        Map<String, Object> task = jdbc.queryForMap("""
                select type, epic_id, payload->>'epic_id' as p_epic, payload->>'title' as p_title,
                       payload->>'description' as p_description, payload->>'owner_id' as p_owner
                from tasks where epic_id = ?""", id);
        assertThat(task).containsEntry("type", "po.refine_epic").containsEntry("p_epic", String.valueOf(id))
                .containsEntry("p_title", "Password reset").containsEntry("p_description", "Users forget passwords.")
                .containsEntry("p_owner", "1");
    }

    @Test
    void anEpicIsShownWithItsStoriesAndTheirTasks() {
        long id = api.postJson("/api/epics", """
                {"title": "Checkout", "description": "Pay with card", "owner_id": 1}""").json().get("id").asLong();
        StoryView pay = stories.add(id, new NewStory("Pay by card", "As a buyer I want to pay by card",
                List.of(new AcceptanceCriterion("a cart", "the buyer pays by card", "the card is charged"),
                        new AcceptanceCriterion("a paid order", "the payment succeeds", "a receipt is sent")), 5, 1, null, null));
        stories.add(id, new NewStory("Refund", null, null, null, 2, StoryStatus.PROPOSED, List.of(pay.id())));
        jdbc.update("insert into tasks (epic_id, story_id, type, assigned_to, trace_id) values (?, ?, 'dev.implement', 'dev', 't')",
                id, pay.id());

        Reply reply = api.get("/api/epics/" + id);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode epic = reply.json();
        assertThat(epic.get("stories")).hasSize(2);
        JsonNode first = epic.get("stories").get(0);
        assertThat(first.get("title").asString()).isEqualTo("Pay by card");
        assertThat(first.get("acceptance_criteria").get(1).get("then").asString()).isEqualTo("a receipt is sent");
        assertThat(first.get("acceptance_criteria").get(1).get("given").asString()).isEqualTo("a paid order");
        assertThat(first.get("estimate").asInt()).isEqualTo(5);
        assertThat(first.get("tasks")).hasSize(1);
        assertThat(first.get("tasks").get(0).get("type").asString()).isEqualTo("dev.implement");
        JsonNode second = epic.get("stories").get(1);
        assertThat(second.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(second.get("depends_on").get(0).asLong()).isEqualTo(pay.id());
        assertThat(epic.get("tasks")).hasSize(1);
        assertThat(epic.get("tasks").get(0).get("type").asString()).isEqualTo("po.refine_epic");
    }

    @Test
    void theBacklogIsPagedNewestFirstAndFiltersByStatus() {
        for (int i = 1; i <= 3; i++) {
            api.postJson("/api/epics", "{\"title\": \"Epic " + i + "\", \"owner_id\": 1}");
        }
        jdbc.update("update epics set status = 'DONE' where title = 'Epic 1'");

        JsonNode page = api.get("/api/backlog?page=0&size=2").json();
        assertThat(page.get("total_elements").asLong()).isEqualTo(3);
        assertThat(page.get("total_pages").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Epic 3");
        assertThat(page.get("items").get(0).get("tasks")).hasSize(1);
        assertThat(api.get("/api/backlog?page=1&size=2").json().get("items").get(0).get("title").asString())
                .isEqualTo("Epic 1");

        JsonNode done = api.get("/api/backlog?status=DONE").json();
        assertThat(done.get("total_elements").asLong()).isEqualTo(1);
        assertThat(done.get("items").get(0).get("title").asString()).isEqualTo("Epic 1");
    }

    @Test
    void badBacklogParametersAreExplained() {
        Reply status = api.get("/api/backlog?status=FINISHED");
        assertProblem(status, 400, "'status' must be one of [NEW, REFINING, CLARIFYING, REFINED, REFINEMENT_FAILED, IN_PROGRESS, DONE, CANCELLED], got 'FINISHED'.");
        assertProblem(api.get("/api/backlog?size=1000"), 400, "size: must be less than or equal to 200");
        assertProblem(api.get("/api/backlog?page=-1"), 400, "page: must be greater than or equal to 0");
        assertProblem(api.get("/api/backlog?page=first"), 400, "'page' must be a number, got 'first'.");
    }

    @Test
    void invalidEpicsAreRejectedWithTheReason() {
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"owner_id\": 1"), 400,
                "The request body is not valid JSON");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"owner_id\": \"abc\"}"), 400,
                "'owner_id' must be a number, got 'abc'.");
        assertProblem(api.postJson("/api/epics", "{\"title\": [1], \"owner_id\": 1}"), 400, "'title' must be a string.");
        assertProblem(api.postJson("/api/epics", "{\"owner_id\": 1}"), 400, "title: must not be blank");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"" + "t".repeat(201) + "\", \"owner_id\": 1}"), 400,
                "title: must be at most 200 characters");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"description\": \"" + "d".repeat(20_001)
                + "\", \"owner_id\": 1}"), 400, "description: must be at most 20000 characters");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"owner_id\": 4242}"), 422,
                "owner_id 4242 is not you");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"owner_id\": 1, \"repository_id\": 77}"), 422,
                "repository_id 77 is not a known repository.");
        assertProblem(api.postJson("/api/epics", ""), 400, "The request body is missing.");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"a\\u0000b\", \"owner_id\": 1}"), 400,
                "'title' must not contain NUL characters.");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"x\", \"owner_id\": 99999999999999999999}"), 400,
                "'owner_id' is out of range");
        assertProblem(api.postJson("/api/epics", "null"), 400, "The request body is missing.");
        assertThat(jdbc.queryForObject("select count(*) from epics", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tasks", Long.class)).isZero();
    }

    @Test
    void protocolMistakesAreProblemsToo() {
        assertProblem(api.get("/api/epics/999999"), 404, "No epic with id 999999.");
        assertProblem(api.get("/api/epics/abc"), 400, "'id' must be a number, got 'abc'.");
        assertProblem(api.send("POST", "/api/epics", "text/plain", "title"), 415, "Content-Type 'text/plain");
        assertProblem(api.send("DELETE", "/api/epics/1", null, null), 405, "Method 'DELETE' is not supported");
        assertProblem(api.get("/api/nothing-here"), 404, "No endpoint GET /api/nothing-here.");
        assertProblem(api.postJson("/api/epics", "{\"title\": \"" + "x".repeat(1_100_000) + "\", \"owner_id\": 1}"),
                413, "the limit is 1048576 bytes");
    }

    @Test
    void failuresOfOtherFeaturesAreRendered() {
        assertProblem(api.get("/api/test/status"), 409, "Task 7 is RUNNING and cannot be assigned.");
        assertProblem(api.get("/api/test/transition"), 409, "a task cannot move from SUCCEEDED to QUEUED");
        Reply boom = api.get("/api/test/boom");
        assertProblem(boom, 500, "An unexpected error occurred; quote reference ");
        assertThat(boom.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .contains(boom.json().get("reference").asString());
    }

    static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
        assertThat(reply.detail()).as(reply.body()).contains(detail);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
