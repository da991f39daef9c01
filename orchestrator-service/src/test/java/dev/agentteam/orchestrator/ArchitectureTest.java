package dev.agentteam.orchestrator;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules (docs/adr/architecture-rules.md) on the compiled main classes; module boundaries and cycles
 * are verified by Spring Modulith in ModularityTest. ArchitectureRulesTest proves each rule catches a violation.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.agentteam.orchestrator");

    /** Writes that cross a module boundary today, each to be moved behind the owner's API (see the ADR). */
    static final List<String> KNOWN_FOREIGN_WRITES = List.of(
            "pullrequest.ForgeEvents writes webhook_deliveries (owned by webhook)",
            "quality.QualityRecords writes pr_records (owned by pullrequest)",
            "task.ResultApplier writes clarifications (owned by clarification)");

    @Test
    void agentsNeverDependOnTheOrchestrator() {
        JavaClasses agents = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Stream.of(ArchitectureRules.AGENT_PACKAGES).map(p -> p.replace("..", "")).toList());
        ArchitectureRules.agentsNeverDependOnTheOrchestrator().check(agents);
    }

    @Test
    void noModuleOfTheBuildButTheOrchestratorDeclaresTheOrchestratorAsADependency() throws IOException {
        try (Stream<Path> poms = Files.list(Path.of("..")).map(module -> module.resolve("pom.xml")).filter(Files::isRegularFile)) {
            List<Path> agentPoms = poms.filter(pom -> !pom.getParent().getFileName().toString().equals("orchestrator-service"))
                    .toList();
            assertThat(agentPoms).hasSizeGreaterThan(1);
            for (Path pom : agentPoms) {
                assertThat(Files.readString(pom)).as(pom.toString()).doesNotContain("<artifactId>orchestrator-service</artifactId>");
            }
        }
    }

    @Test
    void requestMappingsOnlyOnControllers() {
        ArchitectureRules.requestMappingsOnlyOnControllers().check(MAIN);
    }

    @Test
    void controllersAreOnlyEdges() {
        ArchitectureRules.controllersAreOnlyEdges().check(MAIN);
    }

    @Test
    void transactionalListenersRunAfterCommitSoTheRegistryRecordsThem() {
        ArchitectureRules.transactionalListenersRunAfterCommit().check(MAIN);
    }

    @Test
    void everyTableHasAnOwningModule() {
        assertThat(tableOwners().keySet()).containsAll(SqlWrites.tablesCreatedBy(Path.of("..", "migrations")));
        assertThat(tableOwners().values()).allSatisfy(owner -> assertThat(ModularityTest.MODULES.getModuleByName(owner))
                .as("module " + owner).isPresent());
    }

    @Test
    void sqlWritesOnlyToTablesOfTheWritingModule() {
        assertThat(SqlWrites.foreignWrites(Path.of("src", "main", "java"), "dev.agentteam.orchestrator", tableOwners()))
                .containsExactlyElementsOf(KNOWN_FOREIGN_WRITES);
    }

    @Test
    void repositoriesAndEntitiesStayInsideTheirFeature() {
        classes().that().areAssignableTo(Repository.class).or().areAnnotatedWith(Entity.class)
                .should(onlyBeAccessedFromTheirOwnPackage())
                .check(MAIN);
    }

    static Map<String, String> tableOwners() {
        Properties owners = new Properties();
        try (InputStream in = ArchitectureTest.class.getResourceAsStream("/architecture/table-owners.properties")) {
            owners.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new TreeMap<>();
        owners.forEach((table, owner) -> map.put(table.toString(), owner.toString()));
        return map;
    }

    static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(item.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(item, dependency.getDescription())));
            }
        };
    }
}
