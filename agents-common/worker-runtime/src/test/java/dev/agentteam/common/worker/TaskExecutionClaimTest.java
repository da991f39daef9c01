package dev.agentteam.common.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ClaimedTask;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The handler's thread knows which task and worker it acts for (the code hosts fetch that task's forge credential with
 * it), and forgets it once the handler is done, whatever the outcome.
 */
class TaskExecutionClaimTest {

    @Test
    void theHandlerRunsWithItsClaimedTaskBoundAndItIsReleasedAfterwards() {
        AtomicReference<Optional<ClaimedTask>> seen = new AtomicReference<>();
        TaskExecution execution = new TaskExecution(AgentRole.DEV, List.of(handler(seen, false)), new SimpleMeterRegistry());
        TaskEnvelope task = new TaskEnvelope(42, "dev.implement_story", AgentRole.DEV, 3, null, "trace", Instant.now(), Map.of());

        TaskResult result = execution.run(task, WorkerContexts.of(task, "dev-worker-7", new java.util.concurrent.atomic.AtomicInteger()));

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(seen.get()).contains(new ClaimedTask(42, 3, "dev-worker-7"));
        assertThat(ClaimedTask.current()).isEmpty();
    }

    @Test
    void aFailingHandlerReleasesItsClaimedTaskToo() {
        AtomicReference<Optional<ClaimedTask>> seen = new AtomicReference<>();
        TaskExecution execution = new TaskExecution(AgentRole.DEV, List.of(handler(seen, true)), new SimpleMeterRegistry());
        TaskEnvelope task = new TaskEnvelope(43, "dev.implement_story", AgentRole.DEV, 1, null, "trace", Instant.now(), Map.of());

        TaskResult result = execution.run(task, WorkerContexts.of(task, "dev-worker-7", new java.util.concurrent.atomic.AtomicInteger()));

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(seen.get()).contains(new ClaimedTask(43, 1, "dev-worker-7"));
        assertThat(ClaimedTask.current()).isEmpty();
    }

    private static TaskHandler handler(AtomicReference<Optional<ClaimedTask>> seen, boolean fail) {
        return new TaskHandler() {
            @Override
            public String type() {
                return "dev.implement_story";
            }

            @Override
            public TaskResult handle(TaskEnvelope task, WorkerContext context) {
                seen.set(ClaimedTask.current());
                if (fail) {
                    throw new IllegalStateException("boom");
                }
                return TaskResult.succeeded(task, context.workerId(), new StoryDelivered(1, null, "feature/ISSUE-1", "main",
                        "0123456789abcdef0123456789abcdef01234567", true, null, null, null, null, null, null), null);
            }
        };
    }
}
