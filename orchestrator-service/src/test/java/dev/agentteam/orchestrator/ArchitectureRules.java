package dev.agentteam.orchestrator;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RequestMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules of docs/adr/architecture-rules.md, each able to fail: ArchitectureTest applies them to the
 * main classes, ArchitectureRulesTest to planted violations under src/test.
 */
final class ArchitectureRules {

    /** The packages of agent code: the shared agent library and the six agents. */
    static final String[] AGENT_PACKAGES = {"dev.agentteam.common..", "dev.agentteam.po..", "dev.agentteam.scrum..",
            "dev.agentteam.dev..", "dev.agentteam.qa..", "dev.agentteam.review..", "dev.agentteam.cicd.."};

    private ArchitectureRules() {
    }

    /** Agents talk to the orchestrator over its API and the queue only, never through its classes. */
    static ArchRule agentsNeverDependOnTheOrchestrator() {
        return noClasses().that().resideInAnyPackage(AGENT_PACKAGES)
                .should().dependOnClassesThat().resideInAPackage("dev.agentteam.orchestrator..")
                .because("agents talk to the orchestrator over its HTTP API and the task queue (docs/adr/task-dispatch.md)");
    }

    /** HTTP is the outer edge: request mappings only on controllers... */
    static ArchRule requestMappingsOnlyOnControllers() {
        return methods().that().areMetaAnnotatedWith(RequestMapping.class)
                .should().beDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .because("a request is handled by a controller, the web or API edge of its module");
    }

    /**
     * ...and nothing calls into a controller: it calls the module's services, never the other way round. A controller
     * here is a class annotated as one or extending one (the problem+json error controller); the configuration that
     * creates a controller bean may name it.
     */
    static ArchRule controllersAreOnlyEdges() {
        return classes().that().areNotMetaAnnotatedWith(Configuration.class)
                .should(notDependOnControllers())
                .because("controllers are the edges of a module; logic lives in the services they call");
    }

    /** The event publication registry records after-commit listeners only; any other phase would go unrecorded. */
    static ArchRule transactionalListenersRunAfterCommit() {
        return methods().that().areAnnotatedWith(TransactionalEventListener.class)
                .should(runAfterCommit())
                .because("only AFTER_COMMIT reactions are recorded by the event publication registry "
                        + "(docs/adr/event-publication-registry.md)");
    }

    private static ArchCondition<JavaClass> notDependOnControllers() {
        return new ArchCondition<>("not depend on a controller") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (isController(item)) {
                    return;
                }
                item.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> isController(dependency.getTargetClass()))
                        .filter(dependency -> !nestedIn(item, dependency.getTargetClass()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(item, dependency.getDescription())));
            }
        };
    }

    private static boolean isController(JavaClass type) {
        return type.isMetaAnnotatedWith(Controller.class)
                || type.getAllRawSuperclasses().stream().anyMatch(superclass -> superclass.isMetaAnnotatedWith(Controller.class));
    }

    private static boolean nestedIn(JavaClass item, JavaClass controller) {
        return item.getName().startsWith(controller.getName() + "$");
    }

    private static ArchCondition<JavaMethod> runAfterCommit() {
        return new ArchCondition<>("run in the AFTER_COMMIT phase") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                TransactionPhase phase = method.getAnnotationOfType(TransactionalEventListener.class).phase();
                if (phase != TransactionPhase.AFTER_COMMIT) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " listens in phase " + phase));
                }
            }
        };
    }
}
