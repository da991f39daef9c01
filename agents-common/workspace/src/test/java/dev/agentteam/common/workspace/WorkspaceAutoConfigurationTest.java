package dev.agentteam.common.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkspaceAutoConfigurationTest {

    @Test
    void providesGitWorkspacesWithTheAgentIdentity() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WorkspaceAutoConfiguration.class))
                .withPropertyValues("agentteam.workspace.author-name=dev bot")
                .run(context -> {
                    assertThat(context).hasSingleBean(GitWorkspaces.class);
                    WorkspaceProperties properties = context.getBean(WorkspaceProperties.class);
                    assertThat(properties.authorName()).isEqualTo("dev bot");
                    assertThat(properties.authorEmail()).isEqualTo("dev-agent@agent-team.local");
                });
    }
}
