package dev.agentteam.common.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a test context on the database or Redis index of a running team: the tests empty what they use.
 * Refused: the database {@code agentteam} (scripts/run-local.sh's), {@code AGENT_TEAM_DB_NAME}, Redis index 0 (the apps'
 * default), and whatever the team started from this checkout recorded in {@code .run/team.properties}. Registered in
 * the test-jar's META-INF/spring.factories, so every module's tests are guarded; only contexts that import
 * test-services.properties (they carry {@code agent-team.test-services}) are checked.
 */
public class TestServicesGuard implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty("agent-team.test-services")) {
            return;
        }
        Set<String> databases = new LinkedHashSet<>(Set.of("agentteam"));
        Set<String> redisIndexes = new LinkedHashSet<>(Set.of("0"));
        String named = System.getenv("AGENT_TEAM_DB_NAME");
        if (named != null && !named.isBlank()) {
            databases.add(named.strip());
        }
        Properties team = runningTeam();
        if (team.getProperty("database") != null) {
            databases.add(team.getProperty("database"));
        }
        if (team.getProperty("redis-database") != null) {
            redisIndexes.add(team.getProperty("redis-database"));
        }
        String url = environment.getProperty("spring.datasource.url", "");
        String database = url.replaceAll("\\?.*$", "").replaceAll("^.*/", "");
        String redis = environment.getProperty("spring.data.redis.database", "0");
        if (databases.contains(database) || redisIndexes.contains(redis)) {
            throw new IllegalStateException("The tests would use database '" + database + "' and Redis index " + redis
                    + ", but a running team uses databases " + databases + " and Redis indexes " + redisIndexes
                    + " (scripts/run-local.sh), and the tests empty what they use. Set AGENT_TEAM_TEST_DB and "
                    + "AGENT_TEAM_TEST_REDIS_DB to others (defaults: agentteam_test and 15).");
        }
    }

    /** What scripts/run-local.sh recorded for the team of this checkout (see RepositoryRoot). */
    private static Properties runningTeam() {
        Properties team = new Properties();
        String runDir = System.getenv().getOrDefault("AGENT_TEAM_RUN_DIR", "");
        Path file = (runDir.isBlank() ? RepositoryRoot.find().resolve(".run") : Path.of(runDir))
                .resolve("team.properties");
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                team.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return team;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
