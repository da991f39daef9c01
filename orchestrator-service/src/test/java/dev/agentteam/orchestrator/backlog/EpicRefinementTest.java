package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The task feature's events, published as it does (inside the transaction that applied the result). */
@RecordApplicationEvents
class EpicRefinementTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEvents events;

    @Test
    void aSuccessfulRefinementStoresTheStoriesAndMarksTheEpicRefined() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);

        publishInTransaction(new TaskSucceeded(task, "po.refine_epic", epic, null, Map.of("stories", List.of(
                Map.of("title", "Sign up", "statement", "As a visitor I want an account",
                        "acceptance_criteria", List.of("e-mail is verified"), "estimate", 3, "priority", 1),
                Map.of("statement", "no title: dropped"),
                Map.of("title", "Log in", "estimate", 4, "priority", 9, "depends_on", List.of(0, 2, 7))))));

        JsonNode body = api.get("/api/epics/" + epic).json();
        assertThat(body.get("status").asString()).isEqualTo("REFINED");
        assertThat(body.get("stories")).hasSize(2);
        JsonNode signUp = body.get("stories").get(0);
        assertThat(signUp.get("title").asString()).isEqualTo("Sign up");
        assertThat(signUp.get("estimate").asInt()).isEqualTo(3);
        assertThat(signUp.get("acceptance_criteria").get(0).asString()).isEqualTo("e-mail is verified");
        assertThat(signUp.get("status").asString()).isEqualTo("READY");
        JsonNode logIn = body.get("stories").get(1);
        assertThat(logIn.get("estimate").isNull()).isTrue();
        assertThat(logIn.get("priority").asInt()).isEqualTo(3);
        assertThat(logIn.get("depends_on")).hasSize(1);
        assertThat(logIn.get("depends_on").get(0).asLong()).isEqualTo(signUp.get("id").asLong());
        assertThat(jdbc.queryForObject("select refined_at is not null from epics where id = ?", Boolean.class, epic)).isTrue();
        assertThat(events.stream(StoryReady.class).map(StoryReady::storyId))
                .containsExactlyInAnyOrder(signUp.get("id").asLong(), logIn.get("id").asLong());
    }

    @Test
    void aClarifyingQuestionPutsTheEpicInClarifyingAndOtherTasksAreIgnored() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);

        publishInTransaction(new TaskSucceeded(task, "dev.implement", epic, null, Map.of("stories", List.of(
                Map.of("title", "not from the PO")))));
        assertThat(api.get("/api/epics/" + epic).json().get("stories")).isEmpty();

        publishInTransaction(new TaskBlocked(task, "po.refine_epic", epic, null, List.of("Which OAuth providers?")));
        assertThat(api.get("/api/epics/" + epic).json().get("status").asString()).isEqualTo("CLARIFYING");
    }

    private long submitEpic() {
        return api.postJson("/api/epics", "{\"title\": \"Accounts\", \"owner_id\": 1}").json().get("id").asLong();
    }

    private long refineTaskOf(long epic) {
        return jdbc.queryForObject("select id from tasks where epic_id = ? and type = 'po.refine_epic'", Long.class, epic);
    }

    private void publishInTransaction(Object event) {
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
    }
}
