package dev.agentteam.orchestrator.support;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TRUNCATE for a test's clean-up. Work the previous test started asynchronously (webhook deliveries, index runs, the
 * reactions they trigger) may still hold row locks; TRUNCATE then deadlocks with it. Postgres aborts one side, so
 * trying again a few times is enough.
 */
public final class Truncation {

    private static final int ATTEMPTS = 5;

    private Truncation() {
    }

    public static void retryingDeadlocks(JdbcTemplate jdbc, String truncate) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(truncate);
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
