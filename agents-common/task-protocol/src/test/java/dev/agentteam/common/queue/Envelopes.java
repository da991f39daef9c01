package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Test data: task envelopes. */
final class Envelopes {

    private Envelopes() {
    }

    static TaskEnvelope task(long id, AgentRole role) {
        return new TaskEnvelope(id, role.key() + ".test", role, 1, Duration.ofSeconds(90), "trace-" + id,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Map.of("storyId", Math.toIntExact(id * 10), "title", "story " + id, "labels", List.of("a", "b")));
    }
}
