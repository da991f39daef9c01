package dev.agentteam.orchestrator.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsTestVectorVerifies() {
        assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(EXPECTED);
        assertThat(WebhookSignature.matches(SECRET, BODY, EXPECTED)).isTrue();
    }

    @Test
    void anythingElseDoesNotVerify() {
        assertThat(WebhookSignature.matches("another secret", BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.matches(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, EXPECTED.substring("sha256=".length()))).isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, "sha1=" + EXPECTED.substring("sha256=".length()))).isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, EXPECTED.substring(0, EXPECTED.length() - 1))).isFalse();
    }

    @Test
    void theHexMayComeInEitherCaseAndWithSurroundingSpace() {
        String upper = "sha256=" + EXPECTED.substring("sha256=".length()).toUpperCase(java.util.Locale.ROOT);

        assertThat(WebhookSignature.matches(SECRET, BODY, upper)).isTrue();
        assertThat(WebhookSignature.matches(SECRET, BODY, EXPECTED + " ")).isTrue();
        assertThat(WebhookSignature.matches(SECRET, BODY, EXPECTED + "0")).isFalse();
    }

    /** The replay check keys on this digest of the signed body, so it must be the body's real SHA-256. */
    @Test
    void theBodyDigestIsItsSha256() {
        assertThat(WebhookSignature.sha256Hex(BODY))
                .isEqualTo("dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f");
        assertThat(WebhookSignature.sha256Hex("Hello, World?".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSignature.sha256Hex(BODY));
    }
}
