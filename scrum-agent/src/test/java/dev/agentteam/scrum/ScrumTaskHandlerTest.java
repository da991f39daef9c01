package dev.agentteam.scrum;

import dev.agentteam.common.llm.BudgetExceededException;
import dev.agentteam.common.llm.LlmException;
import dev.agentteam.common.llm.ModelUnavailableException;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.SprintText;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.common.worker.TaskFailure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How the handler turns the writer's outcome into a result: output and usage, or a failure the worker reports retryable or final. */
class ScrumTaskHandlerTest {

    private final TaskEnvelope envelope = new TaskEnvelope(9, "scrum.write_retro", AgentRole.SCRUM, 2,
            Duration.ofMinutes(1), "trace-9", Instant.now(), Map.of("sprint_id", 4));

    @Test
    void theWritersOutputAndUsageBecomeTheResult() {
        TokenUsage usage = new TokenUsage(960, 260, new BigDecimal("0.0012"));
        ScrumTaskHandler handler = handler(() -> new ScrumWriter.Written(new SprintText.Retro("ok", null, null, null), usage));

        TaskResult result = handler.run(envelope, "scrum-1");

        assertThat(handler.type()).isEqualTo("scrum.write_retro");
        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.taskId()).isEqualTo(9);
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.output()).containsEntry("summary", "ok");
        assertThat(result.usage()).isEqualTo(usage);
    }

    @Test
    void aProviderOutageMayBeRetried() {
        ScrumTaskHandler handler = handler(() -> {
            throw new ModelUnavailableException("model unavailable: HTTP 503", null);
        });

        TaskFailure failure = TaskFailure.of(catchThrowable(() -> handler.run(envelope, "scrum-1")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo("model unavailable: HTTP 503");
    }

    @Test
    void aSpentBudgetIsFinal() {
        ScrumTaskHandler handler = handler(() -> {
            throw new BudgetExceededException("max-tokens", "400000 tokens", "400000");
        });

        Throwable thrown = catchThrowable(() -> handler.run(envelope, "scrum-1"));

        assertThat(thrown).isInstanceOf(BudgetExceededException.class);
        assertThat(TaskFailure.of(thrown).retryable()).isFalse();
    }

    private static ScrumTaskHandler handler(WriterOutcome outcome) {
        ScrumWriter writer = new ScrumWriter(null, null, null, new ScrumAgentProperties("Shop", 40, 160)) {
            @Override
            Written write(ScrumTask task, TaskEnvelope envelope) {
                return outcome.get();
            }
        };
        return new ScrumTaskHandler(ScrumTask.WRITE_RETRO, writer);
    }

    @FunctionalInterface
    interface WriterOutcome {
        ScrumWriter.Written get() throws LlmException;
    }
}
