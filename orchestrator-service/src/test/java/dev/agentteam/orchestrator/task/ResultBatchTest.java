package dev.agentteam.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Results that pile up in tasks:done are applied several per transaction: all of them, each acknowledged only after
 * its commit, and one result that cannot be applied does not hold back the others of its batch.
 */
class ResultBatchTest extends TaskIntegrationTest {

    @Autowired
    ResultConsumer consumer;

    @AfterEach
    void consumerRuns() {
        consumer.start();
    }

    @Test
    void resultsWaitingTogetherAreAllAppliedAndAcknowledgedWithTheirEvents() {
        consumer.stop();
        List<Long> ids = completeWhileStopped(30, -1);

        consumer.start();

        events.awaitCount(TaskSucceeded.class, done -> ids.contains(done.taskId()), ids.size(), Duration.ofSeconds(30));
        assertThat(succeeded(ids)).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(transitions(id)).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>SUCCEEDED"));
        // clock wait: acknowledging a result (removing it from Redis after its commit) publishes no event
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.keys("tasks:done*").isEmpty());
        assertThat(events.seen(TaskSucceeded.class)).hasSize(ids.size());
    }

    @Test
    void aResultThatCannotBeAppliedDoesNotHoldBackTheRestOfItsBatch() {
        consumer.stop();
        // the 5th output holds a NUL character, which PostgreSQL's jsonb refuses: its transaction fails every time
        List<Long> ids = completeWhileStopped(12, 4);

        consumer.start();

        List<Long> good = new ArrayList<>(ids);
        long poison = good.remove(4);
        events.awaitCount(TaskSucceeded.class, done -> good.contains(done.taskId()), good.size(), Duration.ofSeconds(60));
        assertThat(succeeded(good)).isEqualTo(good.size());
        assertThat(tasks.find(poison).orElseThrow().status()).isNotEqualTo(TaskState.SUCCEEDED);
    }

    private List<Long> completeWhileStopped(int count, int poisonIndex) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createTask(AgentRole.PO, "po.refine_epic").id());
        }
        for (int i = 0; i < count; i++) {
            ClaimedTask claim = claim(AgentRole.PO, "w1");
            // PostgreSQL's jsonb refuses U+0000: the poisoned result cannot be stored, the others must be
            RefinedStories output = new RefinedStories(List.of(), ids.indexOf(claim.task().taskId()) == poisonIndex ? "bad\u0000" : "ok");
            queue.complete(claim, TaskResult.succeeded(claim.task(), "w1", output, TokenUsage.NONE));
        }
        assertThat(redis.opsForList().size("tasks:done")).isEqualTo(count);
        return ids;
    }

    private long succeeded(List<Long> ids) {
        return ids.stream().filter(id -> tasks.find(id).orElseThrow().status() == TaskState.SUCCEEDED).count();
    }
}
