package dev.agentteam.common.worker;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ClassifiedFailure;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one classification of the exception a handler ended with: the first {@link ClassifiedFailure} on the cause chain
 * decides, so no handler re-classifies the model's, the code host's or git's failures.
 */
class TaskFailureTest {

    /** Stands for a shared module's failure (a model outage, a code-host rate limit): it knows if it may pass. */
    static final class OutageException extends RuntimeException implements ClassifiedFailure {
        private final boolean retryable;
        private final Duration retryAfter;

        OutageException(String message, boolean retryable, Duration retryAfter) {
            super(message);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean retryable() {
            return retryable;
        }

        @Override
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Stands for a non-retryable subclass of a classified family (a spent budget among the model's failures). */
    static final class SpentBudgetException extends RuntimeException implements ClassifiedFailure {
        SpentBudgetException(String message) {
            super(message);
        }

        SpentBudgetException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    @Test
    void aFailureThatMayPassIsRetryableWithItsRetryAfterAndReadsAsItsMessage() {
        TaskFailure failure = TaskFailure.of(new OutageException("rate limit reached; retry after 42 s", true,
                Duration.ofSeconds(42)));

        assertThat(failure).isEqualTo(new TaskFailure("rate limit reached; retry after 42 s", true, Duration.ofSeconds(42)));
    }

    @Test
    void theFirstClassifiedFailureOnTheCauseChainDecidesHoweverDeepItIs() {
        RuntimeException wrapped = new IllegalStateException("tool loop ended",
                new UndeclaredThrowableException(new OutageException("provider down: HTTP 503", true, null)));

        TaskFailure failure = TaskFailure.of(wrapped);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isNull();
        assertThat(failure.reason()).isEqualTo("provider down: HTTP 503");
    }

    @Test
    void aNonRetryableClassifiedFailureIsFinalAndNamesItsKindEvenBehindAWrapper() {
        TaskFailure failure = TaskFailure.of(new RuntimeException("wrapper", new SpentBudgetException("budget 'max-steps' exceeded")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.retryAfter()).isNull();
        assertThat(failure.reason()).isEqualTo("SpentBudgetException: budget 'max-steps' exceeded");
    }

    @Test
    void theOutermostClassificationWinsSoAHandlersExplicitDecisionStands() {
        TaskFailure retried = TaskFailure.of(new TransientTaskException("try again later", Duration.ofMinutes(2),
                new SpentBudgetException("final underneath")));
        TaskFailure refused = TaskFailure.of(new SpentBudgetException("final",
                new OutageException("transient underneath", true, Duration.ofSeconds(5))));

        assertThat(retried).isEqualTo(new TaskFailure("try again later", true, Duration.ofMinutes(2)));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.retryAfter()).isNull();
    }

    @Test
    void aStepSaysWhatTheAgentWasDoingAndItsCauseDecides() {
        TaskFailure transientStep = TaskFailure.of(new StepFailedException("could not post the review",
                new OutageException("bad gateway", true, Duration.ofSeconds(9))));
        TaskFailure finalStep = TaskFailure.of(new StepFailedException("could not post the review",
                new SpentBudgetException("not found (404)")));
        TaskFailure unclassifiedStep = TaskFailure.of(new StepFailedException("could not read the log",
                new UncheckedIOException(new java.io.IOException("disk gone"))));

        assertThat(transientStep).isEqualTo(new TaskFailure("could not post the review: bad gateway", true, Duration.ofSeconds(9)));
        assertThat(finalStep).isEqualTo(new TaskFailure("could not post the review: not found (404)", false, null));
        assertThat(unclassifiedStep.retryable()).isFalse();
        assertThat(unclassifiedStep.reason()).startsWith("could not read the log: ").contains("disk gone");
    }

    @Test
    void anInterruptionOrCancellationAnywhereOnTheChainMayPass() {
        TaskFailure interrupted = TaskFailure.of(new RuntimeException("sandbox run", new InterruptedException("sleep interrupted")));
        TaskFailure cancelled = TaskFailure.of(new IllegalStateException("model call", new CancellationException()));

        assertThat(interrupted).isEqualTo(new TaskFailure("interrupted: sleep interrupted", true, null));
        assertThat(cancelled).isEqualTo(new TaskFailure("interrupted: CancellationException", true, null));
    }

    @Test
    void anythingElseIsFinalWithItsKindAndAnInvalidPayloadReadsAsItsMessage() {
        assertThat(TaskFailure.of(new IllegalStateException("disk full\n\tat somewhere.Else(Else.java:1)")))
                .isEqualTo(new TaskFailure("IllegalStateException: disk full at somewhere.Else(Else.java:1)", false, null));
        assertThat(TaskFailure.of(new NullPointerException()))
                .isEqualTo(new TaskFailure("NullPointerException", false, null));
        assertThat(TaskFailure.of(new InvalidPayloadException("invalid payload: required field 'story' is missing")))
                .isEqualTo(new TaskFailure("invalid payload: required field 'story' is missing", false, null));
    }

    @Test
    void aLongReasonIsCutToOneLineOfAtMost500Characters() {
        TaskFailure failure = TaskFailure.of(new OutageException("x".repeat(2_000), true, null));

        assertThat(failure.reason()).hasSize(500).endsWith("…");
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(TaskFailure.of(first)).isEqualTo(new TaskFailure("RuntimeException: first", false, null));
    }

    @Test
    void theResultIsAFailedOneForTheAttemptWithTheTokensSpent() {
        TaskEnvelope task = new TaskEnvelope(7, "cicd.echo", AgentRole.CICD, 3, Duration.ofMinutes(1), "trace-7",
                Instant.now(), Map.of());
        TokenUsage usage = new TokenUsage(100, 20, new BigDecimal("0.001"));

        TaskResult result = new TaskFailure("provider down", true, Duration.ofSeconds(30)).toResult(task, "w-1", usage);

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.taskId()).isEqualTo(7);
        assertThat(result.attempt()).isEqualTo(3);
        assertThat(result.workerId()).isEqualTo("w-1");
        assertThat(result.error()).isEqualTo("provider down");
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.usage()).isEqualTo(usage);
    }
}
