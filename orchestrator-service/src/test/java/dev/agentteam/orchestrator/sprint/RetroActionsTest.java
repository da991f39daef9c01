package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored retrospective's actions become backlog items, linked to their sprint, never twice while one is open. */
class RetroActionsTest extends IntegrationTest {

    @Autowired
    ScrumTaskResults results;

    @Test
    void retroActionsReachTheBacklogDeduplicatedAgainstOpenOnes() {
        long first = retro(List.of("Write smaller stories", "Pair on reviews", "write  smaller STORIES!"));
        JsonNode open = api.get("/api/backlog/retro-actions?status=OPEN").json();
        assertThat(texts(open)).containsExactlyInAnyOrder("Write smaller stories", "Pair on reviews");
        assertThat(open.get(0).get("sprint_id").asLong()).isEqualTo(first);

        long second = retro(List.of("Write smaller stories.", "Automate the demo"));
        open = api.get("/api/backlog/retro-actions?status=OPEN").json();
        assertThat(texts(open)).containsExactlyInAnyOrder("Write smaller stories", "Pair on reviews", "Automate the demo");
        JsonNode again = find(open, "Write smaller stories");
        assertThat(again.get("times_raised").asInt()).isEqualTo(2);
        assertThat(again.get("sprint_id").asLong()).isEqualTo(first);
        assertThat(again.get("last_sprint_id").asLong()).isEqualTo(second);

        long pairing = find(open, "Pair on reviews").get("id").asLong();
        Reply done = api.postJson("/api/backlog/retro-actions/" + pairing + "/close", "{\"status\": \"DONE\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("closed_by").asLong()).isEqualTo(1);
        Reply twice = api.postJson("/api/backlog/retro-actions/" + pairing + "/close", "{\"status\": \"DISMISSED\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.isProblem()).isTrue();
        assertThat(api.postJson("/api/backlog/retro-actions/" + pairing + "/close", "{\"status\": \"OPEN\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/api/backlog/retro-actions?status=LATER").status()).isEqualTo(400);

        retro(List.of("Pair on reviews"));
        assertThat(texts(api.get("/api/backlog/retro-actions?status=OPEN").json()))
                .as("a closed action raised again is open work again").contains("Pair on reviews");
        assertThat(api.get("/api/backlog/retro-actions").json()).hasSize(4);
    }

    /** A CLOSED sprint whose Scrum retro task succeeded with these actions; returns the sprint id. */
    private long retro(List<String> actions) {
        long task = jdbc.queryForObject("""
                insert into tasks (type, assigned_to, status, trace_id) values ('scrum.write_retro', 'scrum', 'SUCCEEDED', 't')
                returning id""", Long.class);
        long sprint = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date, status, retro_task_id, closed_at)
                values ('S', '2026-12-01', '2026-12-14', 'CLOSED', ?, now()) returning id""", Long.class, task);
        results.on(new TaskSucceeded(task, "scrum.write_retro", null, null, Map.of("summary", "Went fine",
                "actions", actions)));
        return sprint;
    }

    private static List<String> texts(JsonNode actions) {
        List<String> texts = new ArrayList<>();
        actions.forEach(action -> texts.add(action.get("text").asString()));
        return texts;
    }

    private static JsonNode find(JsonNode actions, String text) {
        for (JsonNode action : actions) {
            if (action.get("text").asString().equals(text)) {
                return action;
            }
        }
        throw new AssertionError("no action " + text);
    }
}
