package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code agentteam.backlog.require-story-acceptance=true} the PO's stories wait for a person. The refinement
 * with that setting is built here from the context's real repositories, so this test shares the one cached context.
 */
@RecordApplicationEvents
class StoryAcceptanceTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    EpicRepository epicRepository;
    @Autowired
    StoryRepository storyRepository;
    @Autowired
    BacklogProperties settings;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Stories stories;
    @Autowired
    EpicLifecycle epicLifecycle;
    @Autowired
    StoryLifecycle storyLifecycle;

    @Test
    void proposedStoriesBecomeReadyOnlyWhenAccepted() {
        long epic = api.postJson("/api/epics", "{\"title\": \"Accounts\", \"owner_id\": 1}").json().get("id").asLong();
        long task = jdbc.queryForObject("select id from tasks where epic_id = ?", Long.class, epic);
        assertThat(settings.requireStoryAcceptance()).as("the default").isFalse();
        EpicRefinement refinement = new EpicRefinement(epicRepository, storyRepository, publisher, new BacklogProperties(true),
                epicLifecycle, storyLifecycle);
        transaction.executeWithoutResult(status -> refinement.on(
                new TaskSucceeded(task, "po.refine_epic", epic, null, EpicRefinementTest.output())));

        JsonNode refined = api.get("/api/epics/" + epic).json();
        assertThat(refined.get("status").asString()).isEqualTo("REFINED");
        assertThat(refined.get("stories")).hasSize(3).allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("PROPOSED"));
        assertThat(events.stream(StoryReady.class)).isEmpty();

        long story = refined.get("stories").get(0).get("id").asLong();
        Reply accepted = api.postJson("/api/stories/" + story + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("READY");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("READY");
        // Events of the HTTP request's thread are not recorded here; accepting through the service is.
        long other = refined.get("stories").get(1).get("id").asLong();
        assertThat(stories.accept(other, dev.agentteam.orchestrator.history.ChangedBy.system("test")).status()).isEqualTo(StoryStatus.READY);
        assertThat(events.stream(StoryReady.class).map(StoryReady::storyId)).containsExactly(other);

        Reply again = api.postJson("/api/stories/" + story + "/accept", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("Story " + story + " is READY; only PROPOSED stories can be accepted.");
        assertThat(api.postJson("/api/stories/999/accept", "").status()).isEqualTo(404);
    }
}
