package dev.agentteam.common.testing;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the shared runtime's section of docs/configuration.md (the settings every agent reads: model, worker, queue,
 * sandbox, workspace, artifacts, code hosts) and fails when one has no description or is missing from .env.example.
 */
class SettingsReferenceTest {

    @Test
    void everySharedSettingIsDescribedDocumentedAndInTheEnvExample() throws IOException {
        var document = SettingsDocument.ofRepository();
        var settings = SettingsReference.fromMetadata("dev.agentteam.common.");

        document.write("agents-common", "Every agent (agents-common: model, worker, sandbox, workspace, artifacts, code hosts)",
                settings);

        assertThat(settings).extracting(Setting::property).contains("agentteam.llm.provider", "agentteam.sandbox.timeout");
        assertThat(document.problems(settings)).as("shared settings that do not tell the truth").isEmpty();
    }

    @Test
    void aSettingWithoutDescriptionOrEnvExampleLineIsReportedWithWhatToAdd() throws IOException {
        var document = SettingsDocument.ofRepository();
        var undescribed = new Setting("agentteam.demo.new-limit", "AGENTTEAM_DEMO_NEW_LIMIT", "3", "",
                "dev.agentteam.demo.DemoProperties");

        assertThat(document.problems(java.util.List.of(undescribed))).containsExactly(
                "agentteam.demo.new-limit has no description: add @param newLimit <what it does> to the javadoc of "
                        + "dev.agentteam.demo.DemoProperties",
                ".env.example lacks AGENTTEAM_DEMO_NEW_LIMIT: add the lines\n    # \n    # AGENTTEAM_DEMO_NEW_LIMIT=3");
    }
}
