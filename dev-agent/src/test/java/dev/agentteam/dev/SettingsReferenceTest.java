package dev.agentteam.dev;

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
        assertThat(SettingsDocument.documentApp("dev-agent", "dev.agentteam.dev.", "Dev agent (dev-agent)"))
                .as("settings of dev-agent that do not tell the truth").isEmpty();
    }
}
