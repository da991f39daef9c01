package dev.agentteam.scrum;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrumAgentPropertiesTest {

    @Test
    void defaults() {
        ScrumAgentProperties settings = bind(Map.of());

        assertThat(settings.projectName()).isEqualTo("the product");
        assertThat(settings.maxListedStories()).isEqualTo(40);
        assertThat(settings.maxTitleLength()).isEqualTo(160);
    }

    @Test
    void settingsAreBoundAndChecked() {
        assertThat(bind(Map.of("agentteam.scrum.project-name", " Shop ", "agentteam.scrum.max-listed-stories", "5"))
                .projectName()).isEqualTo("Shop");
        assertThatThrownBy(() -> bind(Map.of("agentteam.scrum.max-listed-stories", "0")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("agentteam.scrum.max-listed-stories must be at least 1, was 0");
    }

    private static ScrumAgentProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("agentteam.scrum", ScrumAgentProperties.class);
    }
}
