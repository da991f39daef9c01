package dev.agentteam.common.codehost;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for code-host failures the agents share: what may pass is retried, a refusal is final. */
class CodeHostExceptionTest {

    @Test
    void anUnreachableHostARateLimitAndServerErrorsMayPass() {
        assertThat(new CodeHostException("connection refused", 0).retryable()).isTrue();
        assertThat(new CodeHostException("bad gateway", 502).retryable()).isTrue();
        assertThat(new CodeHostException("internal error", 500).retryable()).isTrue();
        RateLimitedException limited = new RateLimitedException(Duration.ofSeconds(42));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aRefusalIsFinalAndOnlyARateLimitNamesItsRetry() {
        for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
            assertThat(new CodeHostException("refused", status).retryable()).as("status %d", status).isFalse();
        }
        assertThat(new CodeHostException("bad gateway", 502).retryAfter()).isNull();
    }
}
