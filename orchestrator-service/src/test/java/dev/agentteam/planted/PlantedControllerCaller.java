package dev.agentteam.planted;

/** A planted violation, imported only by ArchitectureRulesTest: a service calling into a controller. */
class PlantedControllerCaller {

    private final PlantedController controller = new PlantedController();

    String call() {
        return controller.planted();
    }
}
