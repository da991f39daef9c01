package dev.agentteam.dev.planted;

import dev.agentteam.orchestrator.task.Tasks;

/** A planted violation, imported only by ArchitectureRulesTest: dev-agent code depending on the orchestrator. */
final class PlantedAgentReach {

    private PlantedAgentReach() {
    }

    static Class<?> reach() {
        return Tasks.class;
    }
}
