package dev.agentteam.orchestrator.metrics;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The team metrics as Prometheus gauges ({@code agentteam_stories{status}}, {@code agentteam_tasks{status}},
 * {@code agentteam_tasks_finished{outcome}}, {@code agentteam_lead_time_hours{stat}},
 * {@code agentteam_cycle_time_hours{stat}}, {@code agentteam_pr_cycle_time_hours{stat}}, {@code agentteam_agent_tokens{agent,direction}},
 * {@code agentteam_agent_cost_usd{agent}}, {@code agentteam_clarifications{state}},
 * {@code agentteam_test_pass_rate{level}}, {@code agentteam_flaky_test_rate}), read from one cached report over
 * everything. A value without data (no test runs yet) is NaN, which Prometheus shows as a gap.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsGauges implements MeterBinder {

    private final SprintMetrics metrics;
    private final Duration ttl;
    private Map<String, Object> report;
    private long computedAt;

    MetricsGauges(SprintMetrics metrics, MetricsProperties properties) {
        this.metrics = metrics;
        this.ttl = properties.cacheTtl();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counts(registry, "agentteam.stories", "stories_by_status", "status", names(StoryStatus.values()));
        counts(registry, "agentteam.tasks", "tasks_by_status", "status", names(TaskState.values()));
        counts(registry, "agentteam.tasks.finished", "tasks_by_outcome", "outcome", CountSections.OUTCOMES);
        durations(registry, "agentteam.lead.time.hours", "lead_time_hours");
        durations(registry, "agentteam.cycle.time.hours", "cycle_time_hours");
        durations(registry, "agentteam.pr.cycle.time.hours", "pr_cycle_time_hours");
        for (AgentRole role : AgentRole.values()) {
            String agent = role.key();
            Gauge.builder("agentteam.agent.tokens", this, g -> g.value("tokens_by_agent", agent, "input_tokens"))
                    .tags("agent", agent, "direction", "input").register(registry);
            Gauge.builder("agentteam.agent.tokens", this, g -> g.value("tokens_by_agent", agent, "output_tokens"))
                    .tags("agent", agent, "direction", "output").register(registry);
            Gauge.builder("agentteam.agent.cost.usd", this, g -> g.value("tokens_by_agent", agent, "cost_usd"))
                    .tag("agent", agent).register(registry);
        }
        Gauge.builder("agentteam.clarifications", this, g -> g.value("clarifications", "count")).tag("state", "all")
                .register(registry);
        Gauge.builder("agentteam.clarifications", this, g -> g.value("clarifications", "open")).tag("state", "open")
                .register(registry);
        Gauge.builder("agentteam.test.pass.rate", this, g -> g.value("test_pass_rate", "run_pass_rate"))
                .tag("level", "run").register(registry);
        Gauge.builder("agentteam.test.pass.rate", this, g -> g.value("test_pass_rate", "test_pass_rate"))
                .tag("level", "test").register(registry);
        Gauge.builder("agentteam.flaky.test.rate", this, g -> g.value("flaky_test_rate", "rate")).register(registry);
    }

    /** The number at this path of nested maps in the report, or NaN when any step is missing or null. */
    private double value(String section, String... path) {
        Object node = current().get(section);
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private void counts(MeterRegistry registry, String meter, String section, String tag, List<String> keys) {
        for (String key : keys) {
            Gauge.builder(meter, this, gauges -> gauges.count(section, key)).tag(tag, key).register(registry);
        }
    }

    private void durations(MeterRegistry registry, String meter, String section) {
        for (String stat : List.of("avg", "p50", "p90")) {
            Gauge.builder(meter, this, gauges -> gauges.duration(section, stat)).tag("stat", stat).register(registry);
        }
    }

    private double count(String section, String key) {
        Object counts = current().get(section);
        return counts instanceof Map<?, ?> map && map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private double duration(String section, String stat) {
        if (!(current().get(section) instanceof DurationStats stats)) {
            return Double.NaN;
        }
        Double value = switch (stat) {
            case "avg" -> stats.avg();
            case "p50" -> stats.p50();
            default -> stats.p90();
        };
        return value == null ? Double.NaN : value;
    }

    private synchronized Map<String, Object> current() {
        long now = System.nanoTime();
        if (report == null || now - computedAt >= ttl.toNanos()) {
            report = metrics.report(null);
            computedAt = now;
        }
        return report;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
