package dev.agentteam.orchestrator.task.planted;

/**
 * A planted internal type, imported only by ModularityTest: public in Java, but in a sub-package of the task module
 * and not exposed as a named interface, so no other module may use it.
 */
public final class PlantedTaskInternal {

    private PlantedTaskInternal() {
    }
}
