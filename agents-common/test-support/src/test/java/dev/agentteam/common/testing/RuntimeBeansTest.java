package dev.agentteam.common.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared modules' beans an app gets at run time (its subclass sits in the app's package, so Boot finds the app):
 * auto-configurations of jars only the app's tests see are left out ({@link RuntimeClasspath}), and what remains must
 * be exactly the packages of the agents-common modules the app depends on (docs/adr/agents-common-modules.md). No
 * other test shares this context, so it is closed afterwards instead of being cached with its threads.
 */
@SpringBootTest(properties = {"spring.config.import=classpath:test-services.properties",
        "agentteam.worker.id=runtime-beans-test"})
@Import(ContainerServices.class)
@DirtiesContext
public abstract class RuntimeBeansTest {

    private final List<String> sharedPackages;

    @Autowired
    private ApplicationContext context;

    /** @param sharedPackages the {@code dev.agentteam.common.*} packages of the app's beans, sorted */
    protected RuntimeBeansTest(String... sharedPackages) {
        this.sharedPackages = List.of(sharedPackages);
    }

    @DynamicPropertySource
    static void runtimeJarsOnly(DynamicPropertyRegistry registry) {
        registry.add("spring.autoconfigure.exclude", RuntimeClasspath::autoConfigurationsOutsideRuntime);
    }

    @Test
    void getsTheBeansOfExactlyTheSharedModulesItUses() {
        assertThat(RuntimeClasspath.sharedBeanPackages(context)).containsExactlyElementsOf(sharedPackages);
    }
}
