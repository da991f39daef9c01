package dev.agentteam.common.worker;

import dev.agentteam.common.task.TaskOutput;

/** The result of the test task types: what was echoed, or nothing ({@link #NOTHING}, an empty JSON object). */
record Echo(Object echo) implements TaskOutput {

    static final Echo NOTHING = new Echo(null);
}
