package dev.agentteam.common.llm;

import dev.agentteam.common.task.ClassifiedFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway owns the rule for the model's failures: an unavailable provider may pass, everything the model or the
 * budget caused is final. The worker reads it through {@link ClassifiedFailure}; no agent re-decides it.
 */
class LlmExceptionTest {

    @Test
    void onlyAnUnavailableProviderMayPass() {
        assertThat(new ModelUnavailableException("model unavailable: HTTP 503", null))
                .isInstanceOf(ClassifiedFailure.class).satisfies(e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aRejectedRequestASpentBudgetInvalidOutputAndALoopAreFinal() {
        List<LlmException> finals = List.of(new ModelRequestRejectedException(401, "bad key", null),
                new BudgetExceededException("max-tokens", "410000 tokens", "400000"),
                new InvalidModelOutputException("$.stories: missing"),
                new RepeatedToolCallException("read_file(a.py)", 3));

        for (LlmException failure : finals) {
            assertThat(failure.retryable()).as(failure.getClass().getSimpleName()).isFalse();
            assertThat(failure.retryAfter()).as(failure.getClass().getSimpleName()).isNull();
        }
    }
}
