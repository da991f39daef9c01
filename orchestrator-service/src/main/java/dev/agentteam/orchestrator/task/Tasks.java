package dev.agentteam.orchestrator.task;

import java.util.List;
import java.util.Optional;

/**
 * The task feature's public surface: other features create, assign and read tasks only through it.
 * Creating a task persists it and, in the same transaction's after-commit, puts its envelope on the role's
 * pending queue (PENDING → QUEUED). Results come back through the queue and move the task on; the task feature
 * then publishes past-tense events ({@link TaskSucceeded}, {@link TaskFailed}, {@link TaskBlocked}) for the
 * features that own the domain consequences.
 */
public interface Tasks {

    /**
     * Creates the task; a type no agent handles is not queued but kept FAILED with the reason
     * (docs/adr/task-handlers.md).
     */
    TaskView create(NewTask command);

    /**
     * Creates the task FAILED with {@code reason} instead of queueing it: work that waits for a human's decision
     * (e.g. a change round past the limit). Assigning it to its agent role — {@code /agent retry} — queues it.
     */
    TaskView hold(NewTask command, String reason);

    Optional<TaskView> find(long taskId);

    List<TaskView> forEpic(long epicId);

    List<TaskView> forStory(long storyId);

    /** Assigns the task to an agent role (queues it) or to a human (withdraws it from any queue). */
    TaskView assign(long taskId, Assignee assignee);

    /** Re-queues a BLOCKED task after a human answered, with the extra payload merged in. */
    TaskView resume(long taskId, java.util.Map<String, Object> extraPayload);

    /** Puts a DEAD task back on its role's queue with one more attempt (an operator's decision). */
    TaskView requeueDead(long taskId);

    /**
     * Cancels every task of the story that has not ended (queued, running, blocked, or waiting for a retry): a queued
     * one is taken off its queue, a late result of a running one is ignored. Returns the tasks it cancelled.
     */
    List<TaskView> cancelForStory(long storyId, String reason);
}
