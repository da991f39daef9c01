package dev.agentteam.orchestrator.sprint;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code agentteam_sprints_total{event=planned|started|closed}}: counted after the commit, so a rolled-back plan
 * is not counted.
 */
@Component
class SprintCounters {

    private final MeterRegistry meters;

    SprintCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener
    void on(SprintPlanned event) {
        count("planned");
    }

    @TransactionalEventListener
    void on(SprintStarted event) {
        count("started");
    }

    @TransactionalEventListener
    void on(SprintClosed event) {
        count("closed");
    }

    private void count(String event) {
        meters.counter("agentteam.sprints", "event", event).increment();
    }
}
