package dev.agentteam.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryPrTemplateTest {

    @TempDir
    Path checkout;

    @Test
    void findsTheTemplateWhereGitHubLooksInAnyCase() throws Exception {
        assertThat(RepositoryPrTemplate.find(checkout)).isEmpty();

        Files.writeString(checkout.resolve("PULL_REQUEST_TEMPLATE.md"), "## Root\n");
        assertThat(RepositoryPrTemplate.find(checkout)).contains("## Root\n");

        Files.createDirectories(checkout.resolve(".github"));
        Files.writeString(checkout.resolve(".github/pull_request_template.md"), "## GitHub folder\n");
        assertThat(RepositoryPrTemplate.find(checkout)).as(".github/ comes first").contains("## GitHub folder\n");
    }

    @Test
    void ignoresLinksLeadingOutsideBlankAndHugeFiles(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.md"), "## Secret\n");
        Files.createDirectories(checkout.resolve(".github"));
        Files.createSymbolicLink(checkout.resolve(".github/PULL_REQUEST_TEMPLATE.md"), secret);
        Files.writeString(checkout.resolve("pull_request_template.md"), "  \n");
        Files.createDirectories(checkout.resolve("docs"));
        Files.writeString(checkout.resolve("docs/PULL_REQUEST_TEMPLATE.md"), "x".repeat(70 * 1024));

        assertThat(RepositoryPrTemplate.find(checkout)).isEmpty();
    }
}
