package dev.agentteam.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor(List.of("s3cr3t-db-Passw0rd", "short"));

    @ParameterizedTest(name = "{0} is redacted as {1}")
    @CsvSource(delimiter = '|', value = {
            "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8                      | github-token",
            "gho_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8                        | github-token",
            "ghs_0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX                      | github-token",
            "ghu_9aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX                      | github-token",
            "ghr_8aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX                      | github-token",
            "github_pat_11ABCDEFG0123456789abc_defGHIJKLmnopqrstuVWXYZ0123456789abcdefghijklmnopqrstuvwx | github-pat",
            "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f               | openai-key",
            "sk-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f                    | openai-key",
            "sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh2i     | anthropic-key",
            "AKIAQ3EGTRZ5J7XWPLMN                                          | aws-access-key",
            "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx           | slack-token",
            "s3cr3t-db-Passw0rd                                            | configured-secret",
    })
    void redactsTruePositives(String secret, String kind) {
        String text = "before " + secret.strip() + " after";

        String redacted = redactor.redact(text);

        assertThat(redacted).isEqualTo("before [REDACTED:" + kind + "] after");
    }

    @Test
    void redactsBearerTokenButKeepsTheScheme() {
        String header = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N";

        assertThat(redactor.redact(header)).isEqualTo("Authorization: Bearer [REDACTED:bearer-token]");
    }

    @Test
    void redactsPemPrivateKeyBlocks() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq9xY\nAbCdEf0123==\n-----END RSA PRIVATE KEY-----\ndone";

        assertThat(redactor.redact(pem)).isEqualTo("key:\n[REDACTED:private-key]\ndone");
    }

    @Test
    void redactsEveryOccurrenceAndSecretsInsideJson() {
        String json = "{\"a\":\"s3cr3t-db-Passw0rd\",\"b\":\"x s3cr3t-db-Passw0rd\"}";

        assertThat(redactor.redact(json))
                .isEqualTo("{\"a\":\"[REDACTED:configured-secret]\",\"b\":\"x [REDACTED:configured-secret]\"}");
    }

    @ParameterizedTest(name = "leaves \"{0}\" alone")
    @ValueSource(strings = {
            "export GITHUB_TOKEN=ghp_your_token_here",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-xxxx",
            "sk-...",
            "the skeleton of the service",
            "task-id 42 and risk-assessment-for-the-new-feature",
            "AKIA is the prefix of AWS access key ids",
            "AKIAIOSFODNN7EXAMPLE",
            "use the header Authorization: Bearer <token>",
            "Bearer authentication",
            "xoxb-your-token",
            "a short secret",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----",
    })
    void leavesFalsePositivesAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void ignoresConfiguredValuesShorterThanEightCharacters() {
        assertThat(redactor.configuredSecretCount()).isEqualTo(1);
        assertThat(redactor.redact("a short text")).isEqualTo("a short text");
    }

    @Test
    void recognisesSecretSettingNamesButNotLookalikes() {
        assertThat(SecretValues.isSecretName("AGENTTEAM_LLM_API_KEY")).isTrue();
        assertThat(SecretValues.isSecretName("spring.datasource.password")).isTrue();
        assertThat(SecretValues.isSecretName("GITHUB_TOKEN")).isTrue();
        assertThat(SecretValues.isSecretName("agentteam.github.webhook-secret")).isTrue();
        assertThat(SecretValues.isSecretName("agentteam.queue.key-prefix")).isFalse();
        assertThat(SecretValues.isSecretName("agentteam.llm.budget.max-tokens")).isFalse();
        assertThat(SecretValues.isSecretName("DB_PWD")).isTrue();
    }

    /** The shell's working-directory variables end in "pwd" too: hiding them redacted the checkout path in every log. */
    @Test
    void theWorkingDirectoryIsNotAPassword() {
        assertThat(SecretValues.isSecretName("PWD")).isFalse();
        assertThat(SecretValues.isSecretName("OLDPWD")).isFalse();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("shell", Map.of("PWD", "/work/wt/scale",
                "OLDPWD", "/work/wt", "DB_PWD", "s3cr3t-db-pass")));

        Set<String> secrets = SecretValues.collect(environment);

        assertThat(secrets).contains("s3cr3t-db-pass").doesNotContain("/work/wt/scale", "/work/wt");
        assertThat(new SecretRedactor(secrets).redact("workspace /work/wt/scale/target/run"))
                .isEqualTo("workspace /work/wt/scale/target/run");
    }

    /** Issue 13: plural setting names (AGENTTEAM_FORGE_TOKENS) and their list values were missed. */
    @Test
    void pluralSecretNamesCountAndListValuesAreHiddenItemByItem() {
        assertThat(SecretValues.isSecretName("AGENTTEAM_FORGE_TOKENS")).isTrue();
        assertThat(SecretValues.isSecretName("agentteam.llm.api-keys")).isTrue();
        assertThat(SecretValues.isSecretName("DB_PASSWORDS")).isTrue();
        assertThat(SecretValues.isSecretName("agentteam.llm.max-tokens")).isFalse();
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        SecretValues.addValue(values, "forge-token-alpha-1, forge-token-beta-2,x");
        SecretValues.addValue(values, "20000000");

        assertThat(values).contains("forge-token-alpha-1", "forge-token-beta-2").doesNotContain("x", "20000000");
        String redacted = new SecretRedactor(values).redact("push with forge-token-beta-2 then forge-token-alpha-1");
        assertThat(redacted).doesNotContain("forge-token");
    }

    /** Issue 13: a configured secret base64-encoded — alone, or inside a Basic auth header — was missed. */
    @Test
    void base64EncodedSecretsAreHiddenAtEveryAlignment() {
        String secret = "s3cr3t-db-Passw0rd";
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        for (String prefix : List.of("", "x", "xy", "x-access-token:")) {
            String encoded = base64.encodeToString((prefix + secret + "@host").getBytes());
            String text = "payload " + encoded + " end";
            assertThat(redactor.redact(text)).as(prefix).doesNotContain(encoded)
                    .contains("[REDACTED:configured-secret-base64]");
        }
        String urlSafe = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes());
        assertThat(redactor.redact("token=" + urlSafe)).doesNotContain(urlSafe);
        String basic = "Authorization: Basic " + base64.encodeToString("bot:some-other-password-123".getBytes());
        assertThat(SecretRedactor.patternsOnly().redact(basic)).isEqualTo("Authorization: Basic [REDACTED:basic-auth]");
        assertThat(SecretRedactor.patternsOnly().redact("Basic usage of the API")).isEqualTo("Basic usage of the API");
    }

    /** Issue 13: a secret printed in pieces (string concatenation, one piece per line) was missed. */
    @Test
    void splitSecretsAreHidden() {
        for (String text : List.of("\"s3cr3t-d\" + \"b-Passw0rd\"", "s3cr3t\n-db-\nPassw0rd", "s 3 c r 3 t - d b - P a s s w 0 r d",
                "'s3cr3t', 'db-Passw0rd'".replace("', 'db", "-', 'db"), "s3cr3t-db-\\nPassw0rd")) {
            assertThat(redactor.redact("say " + text + " done")).as(text).doesNotContain("Passw0rd")
                    .contains("[REDACTED:configured-secret]").startsWith("say ").endsWith(" done");
        }
        assertThat(redactor.redact("s3cr3t-db and Passw0rd are words")).isEqualTo("s3cr3t-db and Passw0rd are words");
    }
}
