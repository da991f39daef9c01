package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.IllegalTaskTransitionException;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a task row records as it moves through the transition table: timestamps, attempts, cost, the outcome. Plain
 * objects, no database (the same rows through JPA: {@code TaskLifecycleTest}), so PIT can run it per mutant.
 */
class TaskEntityTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final Instant LATEST = CREATED.plusSeconds(120);

    private final TaskEntity task = new TaskEntity(new NewTask("dev.implement_story", AgentRole.DEV, 3L, 7L,
            Map.of("story", "Shout")), 3, "trace-1", CREATED);

    @Test
    void aNewTaskIsPendingForItsRoleWithItsPayloadAndNoAttempts() {
        assertThat(task.status()).isEqualTo(TaskState.PENDING);
        assertThat(task.type()).isEqualTo("dev.implement_story");
        assertThat(task.assignedTo()).isEqualTo("dev");
        assertThat(task.role()).contains(AgentRole.DEV);
        assertThat(task.epicId()).isEqualTo(3L);
        assertThat(task.storyId()).isEqualTo(7L);
        assertThat(task.payload()).containsExactly(Map.entry("story", "Shout"));
        assertThat(task.traceId()).isEqualTo("trace-1");
        assertThat(task.attemptCount()).isZero();
        assertThat(task.currentAttempt()).isEqualTo(1);
        assertThat(task.maxAttempts()).isEqualTo(3);
        assertThat(task.result()).isNull();
        assertThat(task.lastError()).isNull();
        assertThat(task.workerId()).isNull();
    }

    @Test
    void queueingRecordsWhenAndClearsAPendingRetry() {
        task.moveTo(TaskState.QUEUED, "dispatch", LATER);
        task.moveTo(TaskState.RUNNING, "started", LATER);
        task.moveTo(TaskState.FAILED, "boom", LATER);
        task.failed("boom", LATEST);
        TaskTransitionEntity step = task.moveTo(TaskState.QUEUED, "retry", LATEST);

        TaskView view = saved(task).view();
        assertThat(view.status()).isEqualTo(TaskState.QUEUED);
        assertThat(view.queuedAt()).isEqualTo(LATEST);
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(view.finishedAt()).isNull();
        assertThat(step.view()).isEqualTo(new TaskTransitionView(TaskState.FAILED, TaskState.QUEUED, 1, "retry", LATEST));
    }

    @Test
    void finalAndBlockedStatesRecordWhenTheTaskFinished() {
        for (TaskState end : new TaskState[] {TaskState.SUCCEEDED, TaskState.DEAD, TaskState.CANCELLED,
                TaskState.BLOCKED}) {
            TaskEntity running = running();

            running.moveTo(end, "end", LATEST);

            assertThat(saved(running).view().finishedAt()).as(end.name()).isEqualTo(LATEST);
        }
        TaskEntity failed = running();
        failed.moveTo(TaskState.FAILED, "retry later", LATEST);
        assertThat(saved(failed).view().finishedAt()).as("FAILED with a retry ahead").isNull();
    }

    @Test
    void anIllegalMoveChangesNothing() {
        assertThatThrownBy(() -> task.moveTo(TaskState.RUNNING, "skip the queue", LATER))
                .isInstanceOf(IllegalTaskTransitionException.class);

        TaskView view = saved(task).view();
        assertThat(view.status()).isEqualTo(TaskState.PENDING);
        assertThat(view.queuedAt()).isNull();
        assertThat(view.finishedAt()).isNull();
        assertThat(view.payload()).containsExactly(Map.entry("story", "Shout"));
        assertThat(view.result()).isNull();
    }

    @Test
    void eachReportedAttemptCountsWithItsWorkerAndCost() {
        TaskEntity running = running();

        running.recordAttempt("worker-a", new TokenUsage(100, 20, new BigDecimal("0.50")), LATER);
        running.recordAttempt("worker-b", new TokenUsage(1, 2, new BigDecimal("0.25")), LATEST);

        assertThat(running.attemptCount()).isEqualTo(2);
        assertThat(running.currentAttempt()).isEqualTo(3);
        assertThat(running.workerId()).isEqualTo("worker-b");
        assertThat(running).extracting("inputTokens", "outputTokens", "costUsd", "updatedAt")
                .containsExactly(101L, 22L, new BigDecimal("0.75"), LATEST);
    }

    @Test
    void aFailureWithoutRetryIsTheOutcomeAndOneWithARetryIsNot() {
        TaskEntity retried = running();
        retried.moveTo(TaskState.FAILED, "boom", LATER);
        retried.failed("boom", LATEST);
        TaskEntity given = running();
        given.moveTo(TaskState.FAILED, "boom", LATER);
        given.failed("for good", null);

        TaskView retry = saved(retried).view();
        TaskView outcome = saved(given).view();
        assertThat(retry.lastError()).isEqualTo("boom");
        assertThat(retry.nextAttemptAt()).isEqualTo(LATEST);
        assertThat(retry.finishedAt()).isNull();
        assertThat(retry.ended()).isFalse();
        assertThat(outcome.lastError()).isEqualTo("for good");
        assertThat(outcome.finishedAt()).isEqualTo(LATER);
        assertThat(outcome.ended()).isTrue();
    }

    @Test
    void successKeepsTheResultAndClearsAnEarlierError() {
        TaskEntity running = running();
        running.failed("first try failed", LATER);
        running.moveTo(TaskState.SUCCEEDED, "done", LATEST);

        running.succeeded(Map.of("pr", 12));

        TaskView view = saved(running).view();
        assertThat(view.result()).containsExactly(Map.entry("pr", 12));
        assertThat(view.lastError()).isNull();
        assertThat(running.result()).containsEntry("pr", 12);
    }

    @Test
    void aResumedTaskCarriesTheAnswerAndGetsAnotherAttempt() {
        task.resumeWith(Map.of("answer", "Yes"));

        assertThat(task.payload()).containsEntry("story", "Shout").containsEntry("answer", "Yes");
        assertThat(task.maxAttempts()).isEqualTo(4);
        task.grantAttempt();
        assertThat(task.maxAttempts()).isEqualTo(5);
    }

    @Test
    void aTaskHandedToAHumanHasNoAgentRole() {
        task.assignTo(TaskEntity.HUMAN_PREFIX + "42", LATER);

        assertThat(task.assignedTo()).isEqualTo("human:42");
        assertThat(task.role()).isEmpty();
        assertThat(task).extracting("updatedAt").isEqualTo(LATER);
        task.assignTo("qa", LATEST);
        assertThat(task.role()).contains(AgentRole.QA);
    }

    @Test
    void theStartNoticeAndARequeueAreRecorded() {
        TaskEntity running = running();
        running.startedBy("worker-7", LATER);
        running.requeuedAt(LATEST);

        TaskView view = saved(running).view();
        assertThat(view.workerId()).isEqualTo("worker-7");
        assertThat(view.startedAt()).isEqualTo(LATER);
        assertThat(view.queuedAt()).isEqualTo(LATEST);
        assertThat(running).extracting("updatedAt").isEqualTo(LATEST);
    }

    @Test
    void theViewIsACopyThatCallersCannotChange() {
        TaskEntity done = running();
        done.moveTo(TaskState.SUCCEEDED, "done", LATEST);
        done.succeeded(Map.of("pr", 12));
        TaskView view = saved(done).view();

        assertThat(view.id()).isEqualTo(99L);
        assertThat(view.type()).isEqualTo("dev.implement_story");
        assertThat(view.assignedTo()).isEqualTo("dev");
        assertThat(view.attemptCount()).isZero();
        assertThat(view.maxAttempts()).isEqualTo(3);
        assertThat(view.epicId()).isEqualTo(3L);
        assertThat(view.storyId()).isEqualTo(7L);
        assertThat(view.traceId()).isEqualTo("trace-1");
        assertThat(view.createdAt()).isEqualTo(CREATED);
        assertThatThrownBy(() -> view.payload().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.result().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(done.id()).isEqualTo(99L);
    }

    private TaskEntity running() {
        TaskEntity running = new TaskEntity(new NewTask("dev.implement_story", AgentRole.DEV, 3L, 7L, Map.of()), 3,
                "trace-1", CREATED);
        running.moveTo(TaskState.QUEUED, "dispatch", CREATED);
        running.moveTo(TaskState.RUNNING, "started", CREATED);
        return running;
    }

    /** The entity as loaded from its row: the database gave it an id. */
    private static TaskEntity saved(TaskEntity entity) {
        try {
            var id = TaskEntity.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(entity, 99L);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
