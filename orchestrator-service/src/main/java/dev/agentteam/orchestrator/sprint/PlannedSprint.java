package dev.agentteam.orchestrator.sprint;

/** The sprint created by capacity planning, its plan, and the task that asks the Scrum agent for the narrative. */
public record PlannedSprint(SprintSummary sprint, SprintPlan plan, long narrativeTaskId) {
}
