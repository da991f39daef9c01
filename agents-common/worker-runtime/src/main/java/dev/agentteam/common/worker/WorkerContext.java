package dev.agentteam.common.worker;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a {@link TaskHandler} may know about and tell the worker that runs it. */
public final class WorkerContext {

    private static final Logger log = LoggerFactory.getLogger(WorkerContext.class);

    private final AgentRole role;
    private final String workerId;
    private final TaskEnvelope task;
    private final Runnable heartbeat;

    WorkerContext(AgentRole role, String workerId, TaskEnvelope task, Runnable heartbeat) {
        this.role = role;
        this.workerId = workerId;
        this.task = task;
        this.heartbeat = heartbeat;
    }

    public AgentRole role() {
        return role;
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Renews this worker's lease now. The worker heartbeats on its own schedule anyway; call this before a
     * step that may block the process for long (it proves the process is still alive).
     */
    public void heartbeat() {
        heartbeat.run();
    }

    /** Reports a step of the work (logged with the task id and trace id) and renews the lease. */
    public void progress(String step) {
        log.info("task {} attempt {} [trace {}]: {}", task.taskId(), task.attempt(), task.traceId(), step);
        heartbeat();
    }
}
