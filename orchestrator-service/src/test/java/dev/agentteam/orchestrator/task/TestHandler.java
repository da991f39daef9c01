package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A small agent for the tests: records every envelope it was handed and answers with the given behaviour. */
final class TestHandler implements TaskHandler {

    private final String type;
    private final BiFunction<TaskEnvelope, WorkerContext, TaskResult> behaviour;
    final List<TaskEnvelope> handled = new CopyOnWriteArrayList<>();

    TestHandler(String type, BiFunction<TaskEnvelope, WorkerContext, TaskResult> behaviour) {
        this.type = type;
        this.behaviour = behaviour;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        handled.add(task);
        return behaviour.apply(task, context);
    }

    long timesHandled(long taskId) {
        return handled.stream().filter(envelope -> envelope.taskId() == taskId).count();
    }
}
