package dev.agentteam.common.worker;

import dev.agentteam.common.task.TaskEnvelope;
import java.util.concurrent.atomic.AtomicInteger;

/** For agent apps' handler tests: a {@link WorkerContext} outside a running worker, counting heartbeats. */
public final class WorkerContexts {

    private WorkerContexts() {
    }

    public static WorkerContext of(TaskEnvelope task, String workerId, AtomicInteger heartbeats) {
        return new WorkerContext(task.role(), workerId, task, heartbeats::incrementAndGet);
    }
}
