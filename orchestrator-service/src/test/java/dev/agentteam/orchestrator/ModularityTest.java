package dev.agentteam.orchestrator;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

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
    void verificationFailsOnAPlantedAccessToAnotherModulesInternalType() {
        ImportOption mainClassesAndThePlant = location -> !location.contains("/test-classes/")
                || location.contains("PlantedInternalAccess") || location.contains("PlantedTaskInternal");
        ApplicationModules planted = ApplicationModules.of(BASE_PACKAGE, mainClassesAndThePlant);

        assertThatThrownBy(planted::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("non-exposed type")
                .hasMessageContaining("PlantedTaskInternal")
                .hasMessageNotContaining("Cycle detected");
    }

    /**
     * Spring Modulith writes the same diagrams with their lines in a different order from run to run, so the
     * documentation is generated into {@code target/} and a file in docs/modules is replaced only when its content
     * changed, not merely its order: a test run leaves the checkout clean unless the modules changed.
     */
    @Test
    void writesTheModuleDocumentationIntoDocs() throws IOException {
        Path generated = Path.of("target", "modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Path folder = Path.of("..", "docs", "modules");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path published = folder.resolve(file.getFileName());
                if (!Files.exists(published) || !sortedLines(published).equals(sortedLines(file))) {
                    Files.copy(file, published, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(folder.resolve("module-task.puml")).exists();
        assertThat(MODULES.getModuleByName("task")).isPresent();
        assertThat(sortedLines(folder.resolve("all-docs.adoc"))).isEqualTo(sortedLines(generated.resolve("all-docs.adoc")));
    }

    /**
     * The file's lines in order, where only the content counts: in a canvas (.adoc) a table cell's first list item
     * carries the cell's {@code |}, so a list whose items changed order would otherwise read as changed.
     */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .sorted().toList();
    }
}
