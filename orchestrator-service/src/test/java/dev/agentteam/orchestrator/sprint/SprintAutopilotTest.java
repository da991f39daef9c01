package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.NewStory;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Scrum autopilot's steps (driven by hand here; in SPRINT mode events and a sweep drive them): plan and start a
 * sprint within the configured capacity (20 points), pull newly READY stories in while there is room, close the
 * sprint when all its stories are finished.
 */
class SprintAutopilotTest extends IntegrationTest {

    @Autowired
    SprintAutopilot autopilot;
    @Autowired
    Stories stories;

    @Test
    void plansStartsFillsAndClosesSprints() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Shop', 1, 'REFINED') returning id",
                Long.class);
        long cart = story(epic, "Cart", 8, 1);
        long checkout = story(epic, "Checkout", 13, 2);
        long search = story(epic, "Search", 5, 3);

        autopilot.step();
        SprintResponseView active = active();
        assertThat(active.status()).isEqualTo("ACTIVE");
        assertThat(active.stories()).as("8 + 5 fit 20 points, 13 more would not").containsExactlyInAnyOrder(cart, search);
        assertThat(jdbc.queryForObject("select count(*) from tasks where type = 'scrum.plan_sprint'", Integer.class))
                .as("the Scrum agent writes the plan's narrative").isEqualTo(1);

        long small = story(epic, "Wishlist", 5, 4);
        long big = story(epic, "Reports", 8, 5);
        autopilot.step();
        assertThat(active().stories()).as("5 more fit (18 of 20), 8 more would not").contains(small).doesNotContain(big, checkout);

        for (long story : List.of(cart, search, small)) {
            assertThat(api.postJson("/api/stories/" + story + "/cancel", "").status()).isEqualTo(200);
        }
        autopilot.step();
        assertThat(jdbc.queryForObject("select status from sprints where id = ?", String.class, active.id()))
                .isEqualTo("CLOSED");
        assertThat(active().stories()).as("the next sprint: 13 points, 8 more would not fit").containsExactly(checkout);
    }

    private SprintResponseView active() {
        var json = api.get("/api/sprints/active").json();
        List<Long> ids = new java.util.ArrayList<>();
        json.get("stories").forEach(story -> ids.add(story.get("id").asLong()));
        return new SprintResponseView(json.get("id").asLong(), json.get("status").asString(), ids);
    }

    private long story(long epic, String title, int estimate, int priority) {
        return stories.add(epic, new NewStory(title, null, null, estimate, priority, StoryStatus.READY, List.of())).id();
    }

    private record SprintResponseView(long id, String status, List<Long> stories) {
    }
}
