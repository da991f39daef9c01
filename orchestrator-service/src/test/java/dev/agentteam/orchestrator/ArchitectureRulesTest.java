package dev.agentteam.orchestrator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule fails on a planted violation: classes under src/test in packages no application scans
 * ({@code dev.agentteam.planted}, {@code dev.agentteam.dev.planted}), imported only here.
 */
class ArchitectureRulesTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("dev.agentteam.planted");

    @Test
    void agentCodeDependingOnTheOrchestratorIsCaught() {
        JavaClasses plantedAgent = new ClassFileImporter().importPackages("dev.agentteam.dev.planted");

        assertCaught(ArchitectureRules.agentsNeverDependOnTheOrchestrator(), plantedAgent, "PlantedAgentReach", "Tasks");
    }

    @Test
    void aRequestMappingOutsideAControllerIsCaught() {
        assertCaught(ArchitectureRules.requestMappingsOnlyOnControllers(), PLANTED, "PlantedMappingOutsideController.handle");
    }

    @Test
    void aClassCallingIntoAControllerIsCaught() {
        assertCaught(ArchitectureRules.controllersAreOnlyEdges(), PLANTED, "PlantedControllerCaller");
    }

    @Test
    void aListenerInAPhaseTheRegistryDoesNotRecordIsCaught() {
        assertCaught(ArchitectureRules.transactionalListenersRunAfterCommit(), PLANTED, "AFTER_COMPLETION");
    }

    @Test
    void anSqlWriteToAnotherModulesTableIsCaught() {
        assertThat(SqlWrites.foreignWrites(Path.of("src", "test", "java"), "dev.agentteam.planted.orchestrator",
                ArchitectureTest.tableOwners()))
                .containsExactly("sprint.PlantedForeignWrite writes tasks (owned by task)");
    }

    private static void assertCaught(ArchRule rule, JavaClasses classes, String... inMessage) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContainingAll(inMessage);
    }
}
