package dev.agentteam.qa;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the QA agent ({@code agentteam.qa.*}).
 *
 * @param rerunTimeout   wall-clock limit of the rerun in the sandbox
 * @param reportGlobs    where test reports are looked for (empty: JUnit/Surefire/Gradle/pytest defaults)
 * @param maxReportSize  total size of report files taken out of the sandbox
 * @param maxListed      failures listed in the comment's table (all are in the task result)
 */
@ConfigurationProperties("agentteam.qa")
public record QaAgentProperties(
        @DefaultValue("10m") Duration rerunTimeout,
        List<String> reportGlobs,
        @DefaultValue("20MB") DataSize maxReportSize,
        @DefaultValue("30") int maxListed) {

    public QaAgentProperties {
        reportGlobs = reportGlobs == null ? List.of() : List.copyOf(reportGlobs);
        if (rerunTimeout.isNegative() || rerunTimeout.isZero()) {
            throw new IllegalArgumentException("agentteam.qa.rerun-timeout must be positive");
        }
    }
}
