package dev.agentteam.orchestrator.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code agentteam_events_incomplete}: reactions recorded by the registry that have not (yet) run to completion. */
@Component
class EventPublicationGauge implements MeterBinder {

    private final EventPublications publications;

    EventPublicationGauge(EventPublications publications) {
        this.publications = publications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agentteam.events.incomplete", publications, EventPublications::incompleteCount)
                .description("Event publications whose after-commit listener has not completed; resubmitted at start-up")
                .register(registry);
    }
}
