package dev.agentteam.common.sandbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;

/**
 * The sandbox self-test, run once when the app is ready, as the health component {@code sandbox} (DOWN with every
 * problem found, so the agent is DOWN: Swarm restarts it and the AgentDown/SandboxBroken alerts fire) and the gauge
 * {@code agentteam_sandbox_ok} (1 passed, 0 failed, NaN while it runs).
 */
final class SandboxHealth implements HealthIndicator, MeterBinder, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(SandboxHealth.class);

    private final SandboxSelfTest selfTest;
    private volatile SandboxSelfTest.Result result;

    SandboxHealth(SandboxSelfTest selfTest) {
        this.selfTest = selfTest;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::runNow, "sandbox-self-test");
        thread.setDaemon(true);
        thread.start();
    }

    SandboxSelfTest.Result runNow() {
        SandboxSelfTest.Result outcome = selfTest.run();
        result = outcome;
        if (outcome.passed()) {
            log.info("Sandbox self-test passed in {} ms: spawn, no network, no secrets, limits and timeout hold; {}",
                    outcome.took().toMillis(), outcome.cgroupLimits());
        } else {
            log.error("Sandbox self-test FAILED, this agent will not run repository code: {}", outcome.problems());
        }
        return outcome;
    }

    @Override
    public Health health() {
        SandboxSelfTest.Result current = result;
        if (current == null) {
            return Health.unknown().withDetail("self-test", "running").build();
        }
        if (current.passed()) {
            return Health.up().withDetail("self-test", "passed").withDetail("took-ms", current.took().toMillis())
                    .withDetail("cgroup-limits", current.cgroupLimits()).build();
        }
        return Health.down().withDetail("self-test", "failed").withDetail("problems", current.problems())
                .withDetail("cgroup-limits", current.cgroupLimits()).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agentteam.sandbox.ok", this, h -> h.result == null ? Double.NaN : h.result.passed() ? 1 : 0)
                .description("1 when the sandbox self-test passed, 0 when it failed").register(registry);
    }
}
