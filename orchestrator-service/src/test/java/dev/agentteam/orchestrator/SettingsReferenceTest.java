package dev.agentteam.orchestrator;

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
        assertThat(SettingsDocument.documentApp("orchestrator-service", "dev.agentteam.orchestrator.", "Orchestrator (orchestrator-service)"))
                .as("settings of orchestrator-service that do not tell the truth").isEmpty();
    }
}
