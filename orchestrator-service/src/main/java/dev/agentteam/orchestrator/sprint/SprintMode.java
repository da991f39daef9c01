package dev.agentteam.orchestrator.sprint;

/**
 * How work reaches the Dev agent. SPRINT: only the stories committed to the ACTIVE sprint, most urgent first,
 * within its capacity and the WIP limit. CONTINUOUS: no sprints needed, every READY story flows (WIP limit still holds).
 */
public enum SprintMode {
    SPRINT, CONTINUOUS
}
