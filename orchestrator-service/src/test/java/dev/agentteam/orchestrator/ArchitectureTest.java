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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of design.md §3, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.agentteam");

    @Test
    void agentsCommonDependsOnNoApplication() {
        noClasses().that().resideInAPackage("dev.agentteam.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.agentteam.orchestrator..", "dev.agentteam.po..",
                        "dev.agentteam.scrum..", "dev.agentteam.dev..", "dev.agentteam.qa..", "dev.agentteam.review..",
                        "dev.agentteam.cicd..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.agentteam.common"));
    }

    @Test
    void repositoriesAndEntitiesStayInsideTheirFeature() {
        classes().that().areAssignableTo(Repository.class).or().areAnnotatedWith(Entity.class)
                .should(onlyBeAccessedFromTheirOwnPackage())
                .check(MAIN);
    }

    @Test
    void featuresUseOnlyEachOthersPublicTypes() {
        noClasses().that().resideInAPackage("dev.agentteam.orchestrator..")
                .should(accessNonPublicTypesOfOtherPackages())
                .check(MAIN);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.agentteam.orchestrator.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(item.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(item, dependency.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> accessNonPublicTypesOfOtherPackages() {
        return new ArchCondition<>("access non-public types of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().getPackageName().startsWith("dev.agentteam"))
                        .filter(dependency -> !dependency.getTargetClass().getPackageName().equals(item.getPackageName()))
                        .filter(dependency -> !dependency.getTargetClass().getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(item, dependency.getDescription())));
            }
        };
    }
}
