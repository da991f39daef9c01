package dev.agentteam.orchestrator.sprint;

import java.time.LocalDate;

/** A command to plan a sprint from the READY backlog within a capacity in story points. Null name: named by dates. */
public record PlanByCapacity(String name, String goal, LocalDate start, LocalDate end, int capacityPoints) {
}
