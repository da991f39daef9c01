package dev.agentteam.cicd;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the CI/CD agent ({@code agentteam.cicd.*}).
 *
 * @param testTimeout    wall-clock limit of one CI run in the sandbox
 * @param statusContext  the commit status context it reports under
 * @param reportGlobs    where test reports are looked for in the work copy (empty: JUnit/Surefire/Gradle/pytest defaults)
 * @param maxReportSize  total size of report files taken out of the sandbox
 * @param logTail        characters of the log's end kept in the task result (the whole log is an artifact)
 * @param deployCommand  run in the sandbox after a merge (the staging step); empty: no deployment
 * @param smokeCommand   run after a successful deployment; empty: none
 * @param deployTimeout  wall-clock limit of the deploy and of the smoke test
 */
@ConfigurationProperties("agentteam.cicd")
public record CicdAgentProperties(
        @DefaultValue("10m") Duration testTimeout,
        @DefaultValue("agent-team/ci") String statusContext,
        List<String> reportGlobs,
        @DefaultValue("20MB") DataSize maxReportSize,
        @DefaultValue("4000") int logTail,
        String deployCommand,
        String smokeCommand,
        @DefaultValue("10m") Duration deployTimeout) {

    public CicdAgentProperties {
        reportGlobs = reportGlobs == null ? List.of() : List.copyOf(reportGlobs);
        deployCommand = deployCommand == null || deployCommand.isBlank() ? null : deployCommand;
        smokeCommand = smokeCommand == null || smokeCommand.isBlank() ? null : smokeCommand;
        if (testTimeout.isNegative() || testTimeout.isZero() || deployTimeout.isNegative() || deployTimeout.isZero()) {
            throw new IllegalArgumentException("agentteam.cicd.test-timeout and deploy-timeout must be positive");
        }
    }
}
