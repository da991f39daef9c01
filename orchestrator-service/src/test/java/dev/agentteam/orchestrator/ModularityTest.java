package dev.agentteam.orchestrator;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each top-level feature package of the orchestrator is a Spring Modulith application module (see
 * docs/adr/application-modules.md): verified here, and documented into docs/modules.
 */
class ModularityTest {

    private static final String BASE_PACKAGE = OrchestratorApplication.class.getPackageName();

    static final ApplicationModules MODULES = ApplicationModules.of(OrchestratorApplication.class);

    @Test
    void modulesOnlyUseEachOthersExposedTypesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void verificationFailsOnAPlantedCycleBetweenModules() {
        ImportOption mainClassesAndThePlant = location -> !location.contains("/test-classes/")
                || location.contains("PlantedModuleCycle");
        ApplicationModules planted = ApplicationModules.of(BASE_PACKAGE, mainClassesAndThePlant);

        assertThatThrownBy(planted::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("PlantedModuleCycle");
    }

    @Test
    void writesTheModuleDocumentationIntoDocs() {
        Path folder = Path.of("..", "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(folder.resolve("module-task.puml")).exists();
        assertThat(MODULES.getModuleByName("task")).isPresent();
        assertThat(Files.isRegularFile(folder.resolve("all-docs.adoc"))).isTrue();
    }
}
