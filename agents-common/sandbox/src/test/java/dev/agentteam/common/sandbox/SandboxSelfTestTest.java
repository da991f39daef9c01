package dev.agentteam.common.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up self-test: passes where the sandbox isolates, and names what breaks where it does not. */
class SandboxSelfTestTest {

    private static final Path WORK_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-self-test-" + UUID.randomUUID());
    private static final String SECRET = "s3cr3t-value-of-the-worker";

    @AfterAll
    static void deleteWorkRoot() {
        RunDirectory.deleteTree(WORK_ROOT);
    }

    private static SandboxProperties limits(List<String> allowed) {
        return new SandboxProperties(Duration.ofSeconds(60), DataSize.ofMegabytes(256), 64, DataSize.ofMegabytes(10),
                Duration.ofSeconds(60), DataSize.ofKilobytes(64), allowed, WORK_ROOT, null, 0, 0);
    }

    @Test
    void passesWhereTheSandboxIsolatesAndReportsUp() {
        Map<String, String> worker = Map.of("PATH", System.getenv("PATH"), "AGENTTEAM_LLM_API_KEY", SECRET);
        var health = new SandboxHealth(new SandboxSelfTest(new Sandbox(limits(List.of()), worker), limits(List.of()), worker));
        var meters = new SimpleMeterRegistry();
        health.bindTo(meters);
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);

        var result = health.runNow();

        assertThat(result.problems()).isEmpty();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("agentteam.sandbox.ok").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aSecretLetIntoTheSandboxMakesTheAgentDownWithTheReason() {
        Map<String, String> worker = Map.of("PATH", System.getenv("PATH"), "AGENTTEAM_LLM_API_KEY", SECRET);
        List<String> allowed = List.of("AGENTTEAM_LLM_API_KEY");
        var health = new SandboxHealth(new SandboxSelfTest(new Sandbox(limits(allowed), worker), limits(allowed), worker));
        var meters = new SimpleMeterRegistry();
        health.bindTo(meters);

        health.runNow();

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("problems").toString())
                .contains("AGENTTEAM_LLM_API_KEY is visible inside the sandbox").doesNotContain(SECRET);
        assertThat(meters.get("agentteam.sandbox.ok").gauge().value()).isZero();
    }

    @Test
    void aSandboxThatCannotStartIsReportedNeverBypassed() {
        Map<String, String> worker = Map.of("PATH", "/nonexistent");
        var result = new SandboxSelfTest(new Sandbox(limits(List.of()), worker), limits(List.of()), worker).run();

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().asString().startsWith("the sandbox cannot start here").contains("unshare");
    }
}
