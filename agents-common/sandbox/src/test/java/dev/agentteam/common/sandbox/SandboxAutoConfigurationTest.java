package dev.agentteam.common.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class SandboxAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class));

    @Test
    void bindsSettingsWithDefaults() {
        runner.withPropertyValues("agentteam.sandbox.timeout=5m", "agentteam.sandbox.memory=512MB",
                        "agentteam.sandbox.env-allow-list=JAVA_HOME,MAVEN_OPTS", "agentteam.sandbox.work-root=/tmp/sbx",
                        "agentteam.sandbox.visible-paths=/usr,/etc,/opt/m2")
                .run(context -> {
                    SandboxProperties properties = context.getBean(SandboxProperties.class);
                    assertThat(context).hasSingleBean(Sandbox.class);
                    assertThat(properties.timeout()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.memory()).isEqualTo(DataSize.ofMegabytes(512));
                    assertThat(properties.envAllowList()).containsExactly("JAVA_HOME", "MAVEN_OPTS");
                    assertThat(properties.workRoot()).isEqualTo(Path.of("/tmp/sbx"));
                    assertThat(properties.outputCap()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.maxProcesses()).isEqualTo(256);
                    assertThat(properties.visiblePaths()).containsExactly("/usr", "/etc", "/opt/m2");
                });
    }

    @Test
    void refusesANonPositiveTimeoutAndRelativeVisiblePaths() {
        runner.withPropertyValues("agentteam.sandbox.timeout=0s")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("agentteam.sandbox.visible-paths=usr")
                .run(context -> assertThat(context).hasFailed());
    }
}
