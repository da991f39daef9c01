package dev.agentteam.common.task;

/** A state change that {@link TaskState}'s transition table does not allow. */
public class IllegalTaskTransitionException extends IllegalStateException {

    private final TaskState from;
    private final TaskState to;

    public IllegalTaskTransitionException(TaskState from, TaskState to) {
        super("a task cannot move from " + from + " to " + to + "; allowed from " + from + ": " + from.next());
        this.from = from;
        this.to = to;
    }

    public TaskState from() {
        return from;
    }

    public TaskState to() {
        return to;
    }
}
