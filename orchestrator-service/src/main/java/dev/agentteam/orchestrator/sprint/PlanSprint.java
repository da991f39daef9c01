package dev.agentteam.orchestrator.sprint;

import java.time.LocalDate;
import java.util.List;

/** A command to plan a sprint with these stories. A null name gets a name from the dates. */
public record PlanSprint(String name, String goal, LocalDate start, LocalDate end, Integer capacityPoints,
                         List<Long> storyIds) {

    public PlanSprint {
        storyIds = storyIds == null ? List.of() : List.copyOf(storyIds);
    }
}
