package dev.agentteam.scrum;

import java.io.IOException;

import dev.agentteam.common.testing.SettingsDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes this app's section of docs/configuration.md from its configuration metadata and application.properties, and
 * fails when one of its settings has no description or is missing from .env.example (the message says what to add).
 */
class SettingsReferenceTest {

    @Test
    void everySettingIsDescribedDocumentedAndInTheEnvExample() throws IOException {
        assertThat(SettingsDocument.documentApp("scrum-agent", "dev.agentteam.scrum.", "Scrum agent (scrum-agent)"))
                .as("settings of scrum-agent that do not tell the truth").isEmpty();
    }
}
