package dev.agentteam.scrum;

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
        var settings = SettingsReference.forApp("dev.agentteam.scrum.", document.moduleProperties("scrum-agent"));

        document.write("scrum-agent", "Scrum agent (scrum-agent)", settings);

        assertThat(settings).isNotEmpty();
        assertThat(document.problems(settings)).as("settings of scrum-agent that do not tell the truth").isEmpty();
    }
}
