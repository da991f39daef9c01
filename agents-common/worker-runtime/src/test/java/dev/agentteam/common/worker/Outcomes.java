package dev.agentteam.common.worker;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.task.ResultStatus;

import java.time.Duration;
import java.util.Optional;

/** Takes the next outcome from {@code tasks:done}, passing over the workers' start notices. */
final class Outcomes {

    private Outcomes() {
    }

    static Optional<ClaimedResult> take(ResultInbox inbox, String consumer, Duration wait) {
        while (true) {
            Optional<ClaimedResult> taken = inbox.take(consumer, wait);
            if (taken.isEmpty() || taken.get().result().status() != ResultStatus.STARTED) {
                return taken;
            }
            inbox.acknowledge(taken.get());
        }
    }
}
