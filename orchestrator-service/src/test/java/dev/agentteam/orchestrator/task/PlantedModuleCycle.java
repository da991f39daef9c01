package dev.agentteam.orchestrator.task;

import dev.agentteam.orchestrator.web.Formats;

/**
 * A planted violation, imported only by ModularityTest: the task module reaching up into the web module, which
 * already depends on task, closes a cycle between two application modules.
 */
final class PlantedModuleCycle {

    private PlantedModuleCycle() {
    }

    static Class<?> reachesIntoTheWebModule() {
        return Formats.class;
    }
}
