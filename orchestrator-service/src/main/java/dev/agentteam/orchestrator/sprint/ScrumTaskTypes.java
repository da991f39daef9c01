package dev.agentteam.orchestrator.sprint;

/** The Scrum agent's task types the sprint feature creates and whose results it stores. */
final class ScrumTaskTypes {

    static final String PLAN_SPRINT = "scrum.plan_sprint";
    static final String WRITE_RETRO = "scrum.write_retro";

    private ScrumTaskTypes() {
    }
}
