package dev.agentteam.orchestrator.devwork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.queue.QueueKeys;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.Tasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A person cancels a story: the work still to come for it is cancelled too, and what has ended stays as it ended. */
class CancelledStoryWorkTest extends IntegrationTest {

    @Autowired
    Tasks tasks;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void cancellingAStoryCancelsItsQueuedRetryingAndBlockedTasksAndTakesThemOffTheQueue() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Shop', 1, 'IN_PROGRESS') returning id",
                Long.class);
        long story = story(epic, "Cart");
        long other = story(epic, "Wishlist");
        long queued = devTask(epic, story);
        long retrying = devTask(epic, story);
        jdbc.update("update tasks set status = 'FAILED', next_attempt_at = now() + interval '1 hour' where id = ?", retrying);
        long succeeded = devTask(epic, story);
        jdbc.update("update tasks set status = 'SUCCEEDED', finished_at = now() where id = ?", succeeded);
        long blocked = devTask(epic, story);
        jdbc.update("update tasks set status = 'BLOCKED' where id = ?", blocked);
        jdbc.update("""
                insert into clarifications (task_id, questions, context, status, asked_at)
                values (?, '["Which currency?"]'::jsonb, 'the cart', 'OPEN', now())""", blocked);
        long otherStorys = devTask(epic, other);
        assertThat(pendingDevTasks()).contains(String.valueOf(queued));

        var reply = api.postJson("/api/stories/" + story + "/cancel", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(status(queued)).isEqualTo("CANCELLED");
        assertThat(status(retrying)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select next_attempt_at is null from tasks where id = ?", Boolean.class, retrying)).isTrue();
        assertThat(status(blocked)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select status from clarifications where task_id = ?", String.class, blocked))
                .as("its question leaves the inbox").isEqualTo("CANCELLED");
        assertThat(status(succeeded)).as("an ended task stays as it ended").isEqualTo("SUCCEEDED");
        assertThat(status(otherStorys)).as("another story's task").isEqualTo("QUEUED");
        assertThat(jdbc.queryForList("select reason from task_transitions where task_id = ? and to_status = 'CANCELLED'",
                String.class, queued)).containsExactly("story " + story + " was cancelled");
        assertThat(pendingDevTasks()).as("taken off the dev queue").noneMatch(id -> id.equals(String.valueOf(queued)))
                .contains(String.valueOf(otherStorys));
    }

    private long story(long epic, String title) {
        return jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, estimate, priority, status)
                values (?, ?, 'As a buyer, I want it.', '[{"given": "a cart", "when": "I add", "then": "it holds it"}]'::jsonb,
                        1, 1, 'IN_PROGRESS') returning id""", Long.class, epic, title);
    }

    private long devTask(long epic, long story) {
        return tasks.create(new NewTask("dev.implement_story", AgentRole.DEV, epic, story, Map.of("storyId", story))).id();
    }

    private String status(long task) {
        return jdbc.queryForObject("select status from tasks where id = ?", String.class, task);
    }

    /** The task ids of the envelopes waiting on the dev queue. */
    private List<String> pendingDevTasks() {
        return redis.opsForList().range(QueueKeys.pending(AgentRole.DEV), 0, -1).stream()
                .map(envelope -> envelope.replaceAll("(?s)^.*?\"task_?[iI]d\"\\s*:\\s*(\\d+).*$", "$1")).toList();
    }
}
