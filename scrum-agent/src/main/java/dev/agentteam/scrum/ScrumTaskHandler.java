package dev.agentteam.scrum;

import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;

/**
 * Takes one Scrum task type ({@code scrum.plan_sprint}: the planning narrative; {@code scrum.write_retro}: the
 * retrospective). The numbers come in the payload, computed by the orchestrator; the model only writes prose.
 * Provider outages are retryable; a budget spent or output that stays invalid after the repair call fails the task.
 */
class ScrumTaskHandler implements TaskHandler {

    private final ScrumTask task;
    private final ScrumWriter writer;

    ScrumTaskHandler(ScrumTask task, ScrumWriter writer) {
        this.task = task;
        this.writer = writer;
    }

    @Override
    public String type() {
        return task.type();
    }

    @Override
    public TaskResult handle(TaskEnvelope envelope, WorkerContext context) {
        context.progress("asking the model for the " + (task == ScrumTask.PLAN_SPRINT ? "planning narrative" : "retrospective")
                + " of sprint " + envelope.payload().getOrDefault("sprint_id", "?"));
        return run(envelope, context.workerId());
    }

    /** A model failure propagates: the worker classifies it (a provider outage may be retried, a spent budget not). */
    TaskResult run(TaskEnvelope envelope, String workerId) {
        ScrumWriter.Written written = writer.write(task, envelope);
        return TaskResult.succeeded(envelope, workerId, written.output(), written.usage());
    }
}
