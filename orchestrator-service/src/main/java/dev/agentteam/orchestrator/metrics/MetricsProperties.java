package dev.agentteam.orchestrator.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the metrics feature ({@code agentteam.metrics.*}).
 *
 * @param cacheTtl how long the Prometheus gauges reuse one computed report ({@code AGENTTEAM_METRICS_CACHE_TTL},
 *                 default 30s): every scrape would otherwise run the metrics SQL once per gauge
 */
@ConfigurationProperties("agentteam.metrics")
record MetricsProperties(Duration cacheTtl) {

    MetricsProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
    }
}
