package dev.agentteam.orchestrator;

import java.io.IOException;

import dev.agentteam.common.testing.SettingsDocument;
import dev.agentteam.common.testing.SettingsReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes this app's section of docs/configuration.md from its configuration metadata and application.properties, and
 * fails when one of its settings has no description or is missing from .env.example (the message says what to add).
 */
class SettingsReferenceTest {

    @Test
    void everySettingIsDescribedDocumentedAndInTheEnvExample() throws IOException {
        var document = SettingsDocument.ofRepository();
        var settings = SettingsReference.forApp("dev.agentteam.orchestrator.", document.moduleProperties("orchestrator-service"));

        document.write("orchestrator-service", "Orchestrator (orchestrator-service)", settings);

        assertThat(settings).isNotEmpty();
        assertThat(document.problems(settings)).as("settings of orchestrator-service that do not tell the truth").isEmpty();
    }
}
