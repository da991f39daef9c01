package dev.agentteam.orchestrator.security;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: login throttling per account and address, per account, per address — on a clock the test moves. */
class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1);
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(3, 6, 4, Duration.ofMinutes(15), "admin", null, null), new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void anAccountWaitsAfterItsFailuresFromOneAddressAndRefillsATryAtATime() {
        fail("ana", "10.0.0.1", 3);

        assertThat(throttle.waitBefore("ana", "10.0.0.1")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitBefore("ANA ", "10.0.0.1")).as("names are compared as logins are").isPositive();
        assertThat(throttle.waitBefore("ana", "10.0.0.2")).as("the real user elsewhere is not locked out").isZero();
        advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBefore("ana", "10.0.0.1")).isZero();
    }

    @Test
    void manyAddressesGuessingOneAccountExhaustItsSharedAllowance() {
        for (int i = 0; i < 6; i++) {
            fail("ana", "10.0.1." + i, 1);
        }
        assertThat(throttle.waitBefore("ana", "10.0.9.9")).isPositive();
        assertThat(throttle.waitBefore("bob", "10.0.9.9")).isZero();
    }

    @Test
    void oneAddressGuessingManyAccountsIsStopped() {
        for (int i = 0; i < 4; i++) {
            fail("user" + i, "10.0.0.7", 1);
        }
        assertThat(throttle.waitBefore("someone-else", "10.0.0.7")).isPositive();
        assertThat(throttle.waitBefore("someone-else", "10.0.0.8")).isZero();
    }

    @Test
    void unknownAndRealUsernamesAreThrottledAlikeAndASuccessRefillsTheOwnBucket() {
        fail("no-such-user", "10.0.0.1", 3);
        assertThat(throttle.waitBefore("no-such-user", "10.0.0.1")).isPositive();

        fail("ana", "10.0.0.2", 2);
        throttle.succeeded("ana", "10.0.0.2");
        fail("ana", "10.0.0.2", 1);
        assertThat(throttle.waitBefore("ana", "10.0.0.2")).as("the count restarted after the success").isZero();
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.waitBefore(username, address)).isZero();
            throttle.failed(username, address);
        }
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
