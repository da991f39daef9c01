package dev.agentteam.planted.orchestrator.sprint;

/**
 * A planted violation, read only by ArchitectureRulesTest: code of the "sprint" module writing the task module's
 * table with SQL.
 */
final class PlantedForeignWrite {

    static final String SQL = "update tasks set status = 'CANCELLED' where story_id = ?";

    private PlantedForeignWrite() {
    }
}
