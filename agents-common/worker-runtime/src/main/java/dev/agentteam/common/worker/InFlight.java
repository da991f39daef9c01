package dev.agentteam.common.worker;

import dev.agentteam.common.queue.ClaimedTask;

import java.util.concurrent.atomic.AtomicBoolean;

/** A claim being worked on; settled exactly once: completed by its loop, or released by a shutdown. */
final class InFlight {

    private final ClaimedTask claim;
    private final Thread thread;
    private final AtomicBoolean settled = new AtomicBoolean();

    InFlight(ClaimedTask claim, Thread thread) {
        this.claim = claim;
        this.thread = thread;
    }

    ClaimedTask claim() {
        return claim;
    }

    Thread thread() {
        return thread;
    }

    /** True for the first caller only: that caller completes or releases the claim. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
