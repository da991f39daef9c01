package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.IllegalTaskTransitionException;
import dev.agentteam.common.task.TaskState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transition table as the entity enforces it, and the retry delays. */
class TaskUnitTest {

    private final TaskEntity task = new TaskEntity(new NewTask("dev.implement_story", AgentRole.DEV, null, 7L, Map.of()),
            3, "trace", Instant.EPOCH);

    @Test
    void anIllegalMoveThrowsAndLeavesTheTaskAsItWas() {
        assertThatThrownBy(() -> task.moveTo(TaskState.SUCCEEDED, "skip the queue", Instant.now()))
                .isInstanceOf(IllegalTaskTransitionException.class)
                .hasMessageContaining("PENDING to SUCCEEDED");
        assertThat(task.status()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void finalStatesAcceptNothingButTheAdminRequeueOfDead() {
        task.moveTo(TaskState.QUEUED, "dispatch", Instant.now());
        task.moveTo(TaskState.SUCCEEDED, "done", Instant.now());
        for (TaskState next : TaskState.values()) {
            assertThatThrownBy(() -> task.moveTo(next, "again", Instant.now())).isInstanceOf(IllegalTaskTransitionException.class);
        }
        assertThat(TaskState.DEAD.next()).containsExactly(TaskState.QUEUED);
        assertThat(TaskState.CANCELLED.next()).isEmpty();
    }

    @Test
    void aTaskHandedToAHumanGoesBackToPendingFromWaitingStatesOnly() {
        assertThat(TaskState.QUEUED.canMoveTo(TaskState.PENDING)).isTrue();
        assertThat(TaskState.FAILED.canMoveTo(TaskState.PENDING)).isTrue();
        assertThat(TaskState.BLOCKED.canMoveTo(TaskState.PENDING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.PENDING)).isFalse();
        assertThat(TaskState.SUCCEEDED.canMoveTo(TaskState.PENDING)).isFalse();
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCapAndHonoursRetryAfter() {
        TaskProperties noJitter = new TaskProperties(3, null, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(30), 0.0,
                null, null, null, null, null, null, null);
        Backoff backoff = new Backoff(noJitter);

        assertThat(backoff.delay(1, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(2, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(3, null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(4, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(2, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void jitterStaysWithinItsBand() {
        Backoff backoff = new Backoff(new TaskProperties(3, null, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 0.2,
                null, null, null, null, null, null, null));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1, null)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void settingsHaveTheDocumentedDefaultsAndRejectNonsense() {
        TaskProperties defaults = new TaskProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.backoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.reconcileInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.reconcileGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.retryPollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.resultConsumers()).isEqualTo(1);
        assertThat(defaults.resultBatchSize()).isEqualTo(50);
        assertThatThrownBy(() -> new TaskProperties(null, null, null, null, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("result-batch-size");
        assertThatThrownBy(() -> new TaskProperties(0, null, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("max-attempts");
    }
}
