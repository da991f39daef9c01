package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GitHubAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GitHubAutoConfiguration.class));

    @Test
    void gitHubOnlyWhenChosen() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CodeHost.class));
        runner.withPropertyValues("agentteam.codehost.provider=github", "agentteam.github.api-url=http://127.0.0.1:1",
                        "agentteam.github.token=ghp_x")
                .run(context -> {
                    assertThat(context).hasSingleBean(CodeHost.class).hasSingleBean(GitHubCodeHost.class);
                    assertThat(context.getBean(GitHubProperties.class).toString()).doesNotContain("ghp_x");
                });
    }
}
