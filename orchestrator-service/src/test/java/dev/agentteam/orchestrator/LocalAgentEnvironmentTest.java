package dev.agentteam.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, attack 5: no agent process of scripts/run-local.sh (or run_local_worker.sh) carries the forge's admin token
 * or any long-lived forge token — each gets its own role's agent token only, which fetches task credentials and
 * nothing else — while the orchestrator keeps them all. Runs the very function the scripts start apps with.
 */
class LocalAgentEnvironmentTest {

    @TempDir
    private Path dir;

    @Test
    void eachAgentSeesOnlyItsOwnAgentTokenAndNoForgeToken() throws Exception {
        for (String role : List.of("po", "scrum", "dev", "qa", "review", "cicd")) {
            Map<String, String> env = environmentOf(role + "-agent");

            assertThat(env.keySet()).as(role).noneMatch(name -> name.startsWith("AGENTTEAM_FORGE_")
                    && name.contains("TOKEN")).noneMatch(name -> name.startsWith("AGENTTEAM_AGENT_TOKEN_"))
                    .doesNotContain("AGENTTEAM_EMBEDDED_FORGE_TOKEN");
            assertThat(env.values()).as(role).doesNotContain("planted-forge-token", "planted-admin-token",
                    secret("forge-admin-token"));
            if (List.of("dev", "qa", "review", "cicd").contains(role)) {
                assertThat(env.get("AGENTTEAM_AGENT_TOKEN")).as(role).isEqualTo(secret("agent-token-" + role))
                        .hasSizeGreaterThanOrEqualTo(32);
                for (String other : List.of("dev", "qa", "review", "cicd")) {
                    if (!other.equals(role)) {
                        assertThat(env.values()).as(role).doesNotContain(secret("agent-token-" + other));
                    }
                }
            } else {
                assertThat(env).as(role + " needs no forge access").doesNotContainKey("AGENTTEAM_AGENT_TOKEN");
            }
        }
    }

    @Test
    void theOrchestratorKeepsTheAdminTokenAndEveryAgentsToken() throws Exception {
        Map<String, String> env = environmentOf("orchestrator-service");

        assertThat(env.get("AGENTTEAM_FORGE_ADMIN_TOKEN")).isEqualTo("planted-admin-token");
        for (String role : List.of("dev", "qa", "review", "cicd")) {
            assertThat(env.get("AGENTTEAM_AGENT_TOKEN_" + role.toUpperCase())).isEqualTo(secret("agent-token-" + role));
        }
    }

    private String secret(String name) throws IOException {
        Path file = dir.resolve("run").resolve(name);
        return Files.exists(file) ? Files.readString(file).strip() : "(none: " + name + ")";
    }

    private Map<String, String> environmentOf(String module) throws IOException, InterruptedException {
        Path script = Path.of("../scripts/lib/local-env.sh").toAbsolutePath().normalize();
        var builder = new ProcessBuilder("bash", "-c", ". \"$0\"; load_local_env; (apply_app_env \"$1\"; env -0)",
                script.toString(), module);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("AGENT_TEAM_ENV_FILE", dir.resolve("missing.env").toString());
        builder.environment().put("AGENT_TEAM_RUN_DIR", dir.resolve("run").toString());
        // what an operator's shell or .env might hold: the agents must not inherit it
        builder.environment().put("AGENTTEAM_FORGE_TOKEN", "planted-forge-token");
        builder.environment().put("AGENTTEAM_FORGE_TOKENS", "planted-forge-token");
        builder.environment().put("AGENTTEAM_FORGE_ADMIN_TOKEN", "planted-admin-token");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return Arrays.stream(out.split("\0")).filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }
}
