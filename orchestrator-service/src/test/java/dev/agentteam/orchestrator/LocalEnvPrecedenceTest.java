package dev.agentteam.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence docs/configuration.md promises for the local scripts (scripts/lib/local-env.sh): a variable in the
 * environment wins over .env, .env wins over the scripts' defaults, and .env is read before any setting is used.
 */
class LocalEnvPrecedenceTest {

    @TempDir
    private Path dir;

    @Test
    void theEnvironmentWinsOverDotEnvWhichWinsOverTheDefaults() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, """
                # comments and blank lines are skipped

                AGENTTEAM_LLM_PROVIDER=openai
                AGENTTEAM_WORKER_CONCURRENCY="3"
                AGENT_TEAM_RUN_DIR=%s
                export AGENT_TEAM_PORT_BASE=9700
                """.formatted(dir.resolve("run-from-dotenv")));

        String out = run(env, "AGENTTEAM_LLM_PROVIDER", "anthropic");

        // environment > .env; .env > defaults (also for RUN_DIR and the ports, computed before load_local_env runs);
        // untouched defaults stay
        assertThat(out.strip()).isEqualTo("anthropic|3|" + dir.resolve("run-from-dotenv") + "|9703|127.0.0.1");
        assertThat(dir.resolve("run-from-dotenv/team.properties")).content().contains("database=agentteam", "redis-database=0");
    }

    @Test
    void withoutDotEnvTheDefaultsApply() throws Exception {
        String out = run(dir.resolve("missing.env"), "AGENT_TEAM_RUN_DIR", dir.resolve("run").toString());

        assertThat(out.strip()).isEqualTo("scripted||" + dir.resolve("run") + "|8083|127.0.0.1");
    }

    /** scripts/stack-test.sh starts a second team this way: nothing of it may point at the default team's. */
    @Test
    void aTeamOfItsOwnHasItsOwnDatabaseRedisIndexPortsAndRunDirectory() throws Exception {
        Path run = dir.resolve("isolated");
        String out = run(dir.resolve("missing.env"), Map.of("AGENT_TEAM_RUN_DIR", run.toString(),
                "AGENT_TEAM_DB_NAME", "agentteam_stack_test", "AGENT_TEAM_REDIS_DB", "14", "AGENT_TEAM_PORT_BASE", "8480"),
                "$SPRING_DATASOURCE_URL|$SPRING_DATA_REDIS_DATABASE|$AGENTTEAM_DATA_DIR|$(app_port orchestrator-service)|$(app_port cicd-agent)");

        assertThat(out.strip()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/agentteam_stack_test|14|" + run.resolve("data")
                + "|8480|8486");
        assertThat(run.resolve("team.properties")).content().contains("database=agentteam_stack_test", "redis-database=14");
        assertThat(run.resolve("agent-token-dev")).isNotEmptyFile();
        assertThat(run.resolve("forge-agent-token")).as("no agent holds a forge token").doesNotExist();
    }

    private String run(Path envFile, String name, String value) throws IOException, InterruptedException {
        return run(envFile, Map.of(name, value),
                "$AGENTTEAM_LLM_PROVIDER|${AGENTTEAM_WORKER_CONCURRENCY:-}|$RUN_DIR|$(app_port dev-agent)|$SPRING_DATA_REDIS_HOST");
    }

    private String run(Path envFile, Map<String, String> settings, String echo) throws IOException, InterruptedException {
        Path script = Path.of("../scripts/lib/local-env.sh").toAbsolutePath().normalize();
        var builder = new ProcessBuilder("bash", "-c", ". \"$0\"; load_local_env; echo \"" + echo + "\"",
                script.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("AGENT_TEAM_ENV_FILE", envFile.toString());
        builder.environment().putAll(settings);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
