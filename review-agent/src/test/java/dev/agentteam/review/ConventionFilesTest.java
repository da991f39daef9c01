package dev.agentteam.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: the review agent followed symbolic links (a linked directory too) out of the checkout. */
class ConventionFilesTest {

    @TempDir
    Path temp;

    @Test
    void onlyRegularFilesReallyInsideTheCheckoutAreRead() throws Exception {
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        Path host = Files.createDirectories(temp.resolve("host-secrets"));
        Files.writeString(host.resolve("conventions.md"), "FORGE_TOKEN=leak-me\n");
        Files.writeString(host.resolve("CONTRIBUTING.md"), "leak-me too\n");
        Files.writeString(checkout.resolve("CONVENTIONS.md"), "Use tabs.\n");
        Files.createSymbolicLink(checkout.resolve("docs"), host);
        Files.createSymbolicLink(checkout.resolve("CONTRIBUTING.md"), host.resolve("CONTRIBUTING.md"));
        Files.createSymbolicLink(checkout.resolve(".editorconfig"), checkout.resolve("CONVENTIONS.md"));

        assertThat(ReviewTaskHandler.insideCheckout(checkout, "docs/conventions.md")).as("through a linked directory").isNull();
        assertThat(ReviewTaskHandler.insideCheckout(checkout, "CONTRIBUTING.md")).as("a linked file outside").isNull();
        assertThat(ReviewTaskHandler.insideCheckout(checkout, "../host-secrets/conventions.md")).isNull();
        assertThat(ReviewTaskHandler.insideCheckout(checkout, "missing.md")).isNull();
        assertThat(ReviewTaskHandler.insideCheckout(checkout, "docs")).as("a directory").isNull();
        assertThat(ReviewTaskHandler.insideCheckout(checkout, "CONVENTIONS.md")).isEqualTo(checkout.toRealPath().resolve("CONVENTIONS.md"));
        assertThat(ReviewTaskHandler.insideCheckout(checkout, ".editorconfig")).as("a link that stays inside")
                .isEqualTo(checkout.toRealPath().resolve("CONVENTIONS.md"));
    }
}
