package dev.agentteam.orchestrator.migration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway from the command line, without starting the orchestrator: {@code scripts/migrate_db.sh migrate|info|validate}
 * runs this class from the orchestrator's jar (or image), so the migrations applied are exactly the ones it ships.
 * The database comes from the same variables the orchestrator reads: {@code SPRING_DATASOURCE_URL},
 * {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD}, or the Docker secret file
 * {@code /run/secrets/spring.datasource.password}.
 */
public final class MigrateDb {

    static final Path SECRET = Path.of("/run/secrets/spring.datasource.password");

    private MigrateDb() {
    }

    public static void main(String[] args) {
        int status = run(args.length == 0 ? "info" : args[0], System.getenv(), SECRET, System.out);
        System.exit(status);
    }

    /** Runs one command and answers the process exit status: 0 done, 1 failed (validation), 2 usage. */
    static int run(String command, Map<String, String> env, Path secret, PrintStream out) {
        String url = env.getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/agentteam");
        String user = env.getOrDefault("SPRING_DATASOURCE_USERNAME", "agentteam");
        Flyway flyway = Flyway.configure()
                .dataSource(url, user, password(env, secret))
                .locations("classpath:db/migration")
                .load();
        out.println("database " + url + " as " + user);
        switch (command) {
            case "migrate" -> {
                var result = flyway.migrate();
                out.println("applied " + result.migrationsExecuted + " migration(s); schema version "
                        + (result.targetSchemaVersion != null ? result.targetSchemaVersion : flyway.info().current().getVersion()));
                return 0;
            }
            case "info" -> {
                for (MigrationInfo info : flyway.info().all()) {
                    out.printf("%-8s %-10s %-20s %s%n", info.getVersion(), info.getState().getDisplayName(),
                            info.getInstalledOn() != null ? info.getInstalledOn().toInstant() : "-", info.getDescription());
                }
                return 0;
            }
            case "validate" -> {
                ValidateResult result = flyway.validateWithResult();
                if (result.validationSuccessful) {
                    out.println("valid: the database matches the " + flyway.info().applied().length + " applied migration(s)");
                    return 0;
                }
                result.invalidMigrations.forEach(m -> out.println("invalid: " + m.version + " " + m.description + ": "
                        + m.errorDetails.errorMessage));
                return 1;
            }
            default -> {
                out.println("usage: migrate | info | validate");
                return 2;
            }
        }
    }

    private static String password(Map<String, String> env, Path secret) {
        String value = env.get("SPRING_DATASOURCE_PASSWORD");
        if (value != null) {
            return value;
        }
        try {
            return Files.isReadable(secret) ? Files.readString(secret).strip() : "agentteam-local-dev";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + secret, e);
        }
    }
}
