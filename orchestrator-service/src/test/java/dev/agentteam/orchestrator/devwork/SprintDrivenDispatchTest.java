package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.backlog.NewStory;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryLifecycle;
import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.sprint.SprintStarted;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPRINT mode: the Dev agent takes only the ACTIVE sprint's stories, most urgent first, within the WIP limit (1 here)
 * — also when several dispatchers decide at once; a person's "start work" goes past both. No agent consumes tasks.
 */
@TestPropertySource(properties = {"agentteam.sprint.mode=SPRINT", "agentteam.delivery.wip-limit=1"})
class SprintDrivenDispatchTest extends DevWorkTest {

    @Autowired
    Stories stories;
    @Autowired
    StoryLifecycle lifecycle;
    @Autowired
    DevDispatch dispatch;

    @AfterEach
    void noDefaultRepositoryLeftBehind() {
        removeRepositories();
    }

    @Test
    void aStoryOutsideTheActiveSprintWaitsAndCommittingItDispatchesIt() throws Exception {
        demoRepository();
        long epic = epic();
        long waiting = story(epic, "Export", 1);
        long sprint = sprint();
        assertThat(api.postJson("/api/sprints/" + sprint + "/start", "").status()).isEqualTo(200);

        // the start's dispatch reaction has run once its event is recorded; a sweep would try what dispatch() tries
        domainEvents.await(SprintStarted.class, started -> started.sprintId() == sprint, Duration.ofSeconds(20));
        assertThat(dispatch.dispatch(waiting)).as("not in the active sprint").isEmpty();
        assertThat(dispatch.candidates()).doesNotContain(waiting);
        assertThat(devTasks(waiting)).as("not in the active sprint").isZero();
        assertThat(status(waiting)).isEqualTo("READY");

        Reply committed = api.postJson("/api/sprints/" + sprint + "/stories", "{\"stories\": [" + waiting + "]}");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        awaitDispatched(waiting);
        assertThat(devTasks(waiting)).isEqualTo(1);
        assertThat(status(waiting)).isEqualTo("IN_PROGRESS");
        assertThat(api.postJson("/api/sprints/" + sprint + "/stories", "{\"stories\": [987654]}").status()).isEqualTo(422);
    }

    @Test
    void theWipLimitHoldsWithTwoDispatchersAndTheNextStoryGoesInPriorityOrder() throws Exception {
        demoRepository();
        long epic = epic();
        long second = story(epic, "Second", 2);
        long first = story(epic, "First", 1);
        long third = story(epic, "Third", 3);
        long sprint = sprint(first, second, third);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> started = pool.submit(() -> api.postJson("/api/sprints/" + sprint + "/start", "").status());
            List<Future<?>> racing = List.of(pool.submit(() -> dispatch.dispatch(second)),
                    pool.submit(() -> dispatch.dispatch(third)));
            assertThat(started.get()).isEqualTo(200);
            for (Future<?> race : racing) {
                race.get();
            }
        } finally {
            pool.shutdown();
        }
        // every dispatcher but the sweep has run: the start (its reaction is recorded with its event) and both racers
        domainEvents.await(SprintStarted.class, started -> started.sprintId() == sprint, Duration.ofSeconds(20));
        assertThat(inProgress()).isEqualTo(1);
        // what a later sweep would try for each story left READY is refused
        for (long story : List.of(first, second, third)) {
            if (status(story).equals("READY")) {
                assertThat(dispatch.dispatch(story)).as("WIP limit 1").isEmpty();
            }
        }
        assertThat(inProgress()).as("WIP limit 1").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from tasks where type = 'dev.implement_story'", Integer.class))
                .isEqualTo(1);

        long running = jdbc.queryForObject("select id from stories where status = 'IN_PROGRESS'", Long.class);
        lifecycle.move(running, StoryStatus.IN_REVIEW, ChangedBy.system("pull request opened"));
        domainEvents.await(StoryMoved.class, moved -> moved.storyId() != running && moved.to() == StoryStatus.IN_PROGRESS,
                Duration.ofSeconds(20));
        assertThat(inProgress()).isEqualTo(1);
        // the freed slot goes to the most urgent story left: priority 1 unless it was the one running, then 2
        long next = running == first ? second : first;
        assertThat(status(next)).isEqualTo("IN_PROGRESS");
        assertThat(status(third)).isEqualTo("READY");
    }

    @Test
    void startWorkByHandGoesPastTheSprintAndTheWipLimit() throws Exception {
        demoRepository();
        long epic = epic();
        long busy = story(epic, "Busy", 1);
        long byHand = story(epic, "By hand", 2);
        long sprint = sprint(busy);
        api.postJson("/api/sprints/" + sprint + "/start", "");
        awaitDispatched(busy);
        assertThat(devTasks(busy)).isEqualTo(1);

        Reply started = api.postJson("/api/stories/" + byHand + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("task_id").asLong()).isPositive();
        assertThat(status(byHand)).isEqualTo("IN_PROGRESS");
        assertThat(inProgress()).as("past the WIP limit of 1").isEqualTo(2);
        Reply again = api.postJson("/api/stories/" + byHand + "/start", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.detail()).isEqualTo("Story " + byHand + " cannot start: it is IN_PROGRESS, not READY.");
        assertThat(api.postJson("/api/stories/987654/start", "").status()).isEqualTo(404);
    }

    private long epic() {
        return jdbc.queryForObject("insert into epics (title, created_by, status) values ('Epic', 1, 'REFINED') returning id",
                Long.class);
    }

    private long story(long epic, String title, int priority) {
        return stories.add(epic, new NewStory(title, "As a user I want " + title, null, 2, priority, StoryStatus.READY,
                List.of())).id();
    }

    private long sprint(long... storyIds) {
        StringBuilder ids = new StringBuilder();
        for (long id : storyIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        Reply planned = api.postJson("/api/sprints", "{\"name\": \"S\", \"start\": \"2026-12-01\", \"end\": \"2026-12-14\", "
                + "\"capacity_points\": 20, \"stories\": [" + ids + "]}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return planned.json().get("id").asLong();
    }

    private int devTasks(long story) {
        return jdbc.queryForObject("select count(*) from tasks where story_id = ? and type = 'dev.implement_story'",
                Integer.class, story);
    }

    private int inProgress() {
        return jdbc.queryForObject("select count(*) from stories where status = 'IN_PROGRESS'", Integer.class);
    }

    private String status(long story) {
        return jdbc.queryForObject("select status from stories where id = ?", String.class, story);
    }
}
