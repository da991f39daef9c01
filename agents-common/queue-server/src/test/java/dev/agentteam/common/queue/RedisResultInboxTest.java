package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.RedisTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;

import static dev.agentteam.common.queue.Envelopes.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@link ResultInbox} contract against the real Redis, fed through the real {@link TaskQueue}. */
@SpringBootTest(classes = QueueTestConfig.class)
class RedisResultInboxTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Autowired
    TaskQueue queue;

    @Autowired
    ResultInbox inbox;

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flushOwnDatabase(redis);
    }

    private TaskResult workOn(long taskId) {
        queue.enqueue(task(taskId, AgentRole.PO));
        ClaimedTask claim = queue.claim(AgentRole.PO, "w1", NO_WAIT).orElseThrow();
        TaskResult result = TaskResult.succeeded(claim.task(), "w1", new RefinedStories(List.of(), "po_agent_v2"), null);
        queue.complete(claim, result);
        return result;
    }

    @Test
    void takesResultsInTheOrderTheyArrivedAndAcknowledgeRemovesThem() {
        TaskResult first = workOn(1);
        TaskResult second = workOn(2);

        ClaimedResult taken = inbox.take("orch-1", Duration.ofSeconds(1)).orElseThrow();
        assertThat(taken.result()).isEqualTo(first);
        assertThat(taken.consumerId()).isEqualTo("orch-1");
        assertThat(redis.opsForList().size(QueueKeys.doneProcessing("orch-1"))).isEqualTo(1);

        inbox.acknowledge(taken);

        assertThat(redis.opsForList().size(QueueKeys.doneProcessing("orch-1"))).isZero();
        assertThat(inbox.take("orch-1", NO_WAIT).orElseThrow().result()).isEqualTo(second);
    }

    @Test
    void takeWaitsAndReturnsNothingWhenNoResultArrives() {
        assertThat(inbox.take("orch-1", Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void recoverReturnsUnacknowledgedResultsOfACrashedConsumerToBeTakenFirst() {
        TaskResult first = workOn(1);
        TaskResult second = workOn(2);
        inbox.take("crashed", NO_WAIT).orElseThrow();
        inbox.take("crashed", NO_WAIT).orElseThrow();
        TaskResult third = workOn(3);

        assertThat(inbox.recover("crashed")).isEqualTo(2);
        assertThat(inbox.recover("crashed")).isZero();
        assertThat(redis.hasKey(QueueKeys.doneProcessing("crashed"))).isFalse();

        assertThat(inbox.take("restarted", NO_WAIT).orElseThrow().result()).isEqualTo(first);
        assertThat(inbox.take("restarted", NO_WAIT).orElseThrow().result()).isEqualTo(second);
        assertThat(inbox.take("restarted", NO_WAIT).orElseThrow().result()).isEqualTo(third);
    }

    @Test
    void recoverLeavesAcknowledgedResultsGone() {
        workOn(1);
        inbox.acknowledge(inbox.take("orch-1", NO_WAIT).orElseThrow());

        assertThat(inbox.recover("orch-1")).isZero();
        assertThat(inbox.take("orch-1", NO_WAIT)).isEmpty();
    }
}
