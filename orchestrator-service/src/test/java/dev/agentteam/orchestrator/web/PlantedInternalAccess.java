package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.task.planted.PlantedTaskInternal;

/**
 * A planted violation, imported only by ModularityTest: the web module (which may depend on the task module's API)
 * reaching a type the task module keeps internal.
 */
final class PlantedInternalAccess {

    private PlantedInternalAccess() {
    }

    static Class<?> reachesIntoTheTaskModulesInternals() {
        return PlantedTaskInternal.class;
    }
}
