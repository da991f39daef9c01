package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.clarification.ClarificationAnswered;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
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

    static Map<String, Object> criterion(String given, String when, String then) {
        return Map.of("given", given, "when", when, "then", then);
    }

    static Map<String, Object> output() {
        return Map.of("prompt_version", "po_agent_v1", "stories", List.of(
                Map.of("key", "S1", "title", "Sign up", "statement", "As a visitor I want an account",
                        "acceptance_criteria", List.of(criterion("a visitor", "they sign up", "an account exists"),
                                Map.of("given", "half a criterion")),
                        "estimate", 3, "priority", 1, "depends_on", List.of(), "needs_split", false),
                Map.of("key", "S2", "statement", "no title: dropped", "depends_on", List.of()),
                Map.of("key", "S3", "title", "Log in", "estimate", 4, "priority", 9,
                        "acceptance_criteria", List.of(criterion("an account", "the user logs in", "the dashboard shows")),
                        "depends_on", List.of("S1", "S2", "S3", "S9")),
                Map.of("key", "S4", "title", "Import everything", "estimate", 13, "priority", 2, "needs_split", true,
                        "acceptance_criteria", List.of(criterion("a file", "it is imported", "all rows exist")),
                        "depends_on", List.of("S3"))));
    }

    @Test
    void aSuccessfulRefinementStoresTheStoriesAndMarksTheEpicRefined() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);

        publishInTransaction(new TaskSucceeded(task, "po.refine_epic", epic, null, output()));

        JsonNode body = api.get("/api/epics/" + epic).json();
        assertThat(body.get("status").asString()).isEqualTo("REFINED");
        assertThat(body.get("stories")).hasSize(3);
        JsonNode signUp = body.get("stories").get(0);
        assertThat(signUp.get("title").asString()).isEqualTo("Sign up");
        assertThat(signUp.get("estimate").asInt()).isEqualTo(3);
        assertThat(signUp.get("acceptance_criteria")).singleElement().satisfies(c -> {
            assertThat(c.get("given").asString()).isEqualTo("a visitor");
            assertThat(c.get("when").asString()).isEqualTo("they sign up");
            assertThat(c.get("then").asString()).isEqualTo("an account exists");
        });
        assertThat(signUp.get("status").asString()).isEqualTo("READY");
        JsonNode logIn = body.get("stories").get(2);
        assertThat(logIn.get("title").asString()).isEqualTo("Log in");
        assertThat(logIn.get("estimate").isNull()).isTrue();
        assertThat(logIn.get("priority").asInt()).isEqualTo(3);
        assertThat(logIn.get("depends_on")).singleElement()
                .satisfies(id -> assertThat(id.asLong()).isEqualTo(signUp.get("id").asLong()));
        JsonNode importAll = body.get("stories").get(1);
        assertThat(importAll.get("needs_split").asBoolean()).isTrue();
        assertThat(importAll.get("depends_on").get(0).asLong()).isEqualTo(logIn.get("id").asLong());
        assertThat(jdbc.queryForObject("select count(*) from stories where source_task_id = ?", Long.class, task)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select refined_at is not null from epics where id = ?", Boolean.class, epic)).isTrue();
        assertThat(events.stream(StoryReady.class).map(StoryReady::storyId)).hasSize(3);
    }

    @Test
    void theSameSuccessAppliedTwiceStoresTheStoriesOnce() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);
        publishInTransaction(new TaskSucceeded(task, "po.refine_epic", epic, null, output()));
        // Even with the epic back in refinement, stories from this task are not stored again.
        jdbc.update("update epics set status = 'REFINING' where id = ?", epic);

        publishInTransaction(new TaskSucceeded(task, "po.refine_epic", epic, null, output()));

        assertThat(jdbc.queryForObject("select count(*) from stories where epic_id = ?", Long.class, epic)).isEqualTo(3);
    }

    @Test
    void aClarifyingQuestionPutsTheEpicInClarifyingAndAnAnswerBackInRefining() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);

        publishInTransaction(new TaskSucceeded(task, "dev.implement", epic, null, output()));
        assertThat(api.get("/api/epics/" + epic).json().get("stories")).isEmpty();

        publishInTransaction(new TaskBlocked(task, "po.refine_epic", epic, null, List.of("Which OAuth providers?")));
        assertThat(api.get("/api/epics/" + epic).json().get("status").asString()).isEqualTo("CLARIFYING");

        publishInTransaction(new ClarificationAnswered(1, task, "po.refine_epic", epic, null));
        assertThat(api.get("/api/epics/" + epic).json().get("status").asString()).isEqualTo("REFINING");
    }

    @Test
    void aRefinementThatFailedForGoodShowsOnTheEpicUntilARetrySucceeds() {
        long epic = submitEpic();
        long task = refineTaskOf(epic);

        publishInTransaction(new TaskFailed(task, "po.refine_epic", epic, null, "budget 'max-tokens' exceeded"));

        JsonNode failed = api.get("/api/epics/" + epic).json();
        assertThat(failed.get("status").asString()).isEqualTo("REFINEMENT_FAILED");
        assertThat(failed.get("refinement_error").asString()).isEqualTo("budget 'max-tokens' exceeded");
        assertThat(api.get("/api/backlog?status=REFINEMENT_FAILED").json().get("total_elements").asLong()).isEqualTo(1);

        publishInTransaction(new TaskSucceeded(task, "po.refine_epic", epic, null, output()));
        JsonNode refined = api.get("/api/epics/" + epic).json();
        assertThat(refined.get("status").asString()).isEqualTo("REFINED");
        assertThat(refined.get("refinement_error").isNull()).isTrue();
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
