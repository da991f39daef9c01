package dev.agentteam.common.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * The orchestrator's reliable consumption of {@code tasks:done}: a result is moved into the consumer's own
 * processing list, applied in one database transaction, and only then acknowledged. Unacknowledged results
 * of a consumer that crashed are recovered at its next start.
 */
public interface ResultInbox {

    Optional<ClaimedResult> take(String consumerId, Duration wait);

    void acknowledge(ClaimedResult result);

    /** Moves results left in this consumer's processing list back to {@code tasks:done}; returns how many. */
    int recover(String consumerId);
}
