package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.queue.WorkerBeat;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides whether a task type has a handler before a task of it is created (docs/adr/task-handlers.md): the type
 * must be in the {@link TaskType} catalogue for that role, and when agents of the role are running, one of them
 * must declare it in its heartbeat. With no agent of the role running the task is accepted and waits in the
 * queue, as it always has: agents start after the orchestrator, and a restart must not fail work.
 */
@Component
class TaskHandlers {

    private static final Logger log = LoggerFactory.getLogger(TaskHandlers.class);

    private final TaskQueue queue;

    TaskHandlers(TaskQueue queue) {
        this.queue = queue;
    }

    /** Why no agent would handle this task, or empty when it may be queued. */
    Optional<String> refusal(String type, AgentRole role) {
        Optional<TaskType> catalogued = TaskType.fromKey(type);
        if (catalogued.isEmpty()) {
            return Optional.of("no agent handles task type '" + type + "': it is not one of the task types agents "
                    + "declare (" + String.join(", ", TaskType.keysOf(role)) + " for the " + role.key() + " agent)");
        }
        if (catalogued.get().role() != role) {
            return Optional.of("task type '" + type + "' is handled by the " + catalogued.get().role().key()
                    + " agent, not the " + role.key() + " agent");
        }
        Map<String, WorkerBeat> beats;
        try {
            beats = queue.liveBeats(role);
        } catch (RuntimeException e) {
            log.warn("could not read the {} heartbeats ({}); accepting {} from the catalogue", role.key(), e.toString(), type);
            return Optional.empty();
        }
        // a worker that declares nothing (an older release) could still take the type: only declarations refuse
        boolean undeclared = beats.values().stream().anyMatch(beat -> beat == null || beat.types().isEmpty());
        if (beats.isEmpty() || undeclared || beats.values().stream().anyMatch(beat -> beat.types().contains(type))) {
            return Optional.empty();
        }
        TreeSet<String> declared = new TreeSet<>();
        beats.values().forEach(beat -> declared.addAll(beat.types()));
        return Optional.of("no running " + role.key() + " agent handles task type '" + type + "': the live workers "
                + new TreeSet<>(beats.keySet()) + " declare " + declared);
    }
}
