package dev.agentteam.orchestrator.events;

import dev.agentteam.orchestrator.OrchestratorApplication;
import dev.agentteam.orchestrator.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An after-commit reaction is recorded by the event publication registry: when its listener throws (or the process
 * stops before it finishes) the publication stays incomplete, shows in the gauge and on the agents page, and runs
 * exactly once when resubmitted, by a call or by the next start on the same database.
 */
@Import(FlakyReaction.class)
class EventPublicationRegistryTest extends IntegrationTest {

    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private IncompleteEventPublications incomplete;
    @Autowired
    private EventPublications publications;
    @Autowired
    private MeterRegistry meters;
    @LocalServerPort
    private int port;

    private final String id = UUID.randomUUID().toString();

    @BeforeEach
    void failTheFirstRun() {
        FlakyReaction.failNextRunOf(id);
    }

    @Test
    void aReactionWhoseListenerThrowsStaysIncompleteAndRunsOnceWhenResubmitted() {
        transactions.executeWithoutResult(status -> publisher.publishEvent(new Pinged(id)));

        assertThat(FlakyReaction.completedRuns(id)).isZero();
        assertThat(publications.incompleteCount()).isEqualTo(1);
        assertThat(publications.incomplete(10)).singleElement().satisfies(p -> {
            assertThat(p.eventName()).isEqualTo("Pinged");
            assertThat(p.listener()).contains("FlakyReaction");
        });
        assertThat(meters.get("agentteam.events.incomplete").gauge().value()).isEqualTo(1.0);
        assertThat(users.signedIn("viewer", port).get("/agents").body()).contains("Event reactions not completed", "Pinged", "FlakyReaction");

        incomplete.resubmitIncompletePublications(publication -> true);

        assertThat(FlakyReaction.completedRuns(id)).isEqualTo(1);
        assertThat(publications.incompleteCount()).isZero();
        assertThat(meters.get("agentteam.events.incomplete").gauge().value()).isZero();

        incomplete.resubmitIncompletePublications(publication -> true);

        assertThat(FlakyReaction.completedRuns(id)).isEqualTo(1);
    }

    @Test
    void aReactionCutOffBeforeItCompletedRunsOnceWhenTheNextProcessStartsOnTheSameDatabase() {
        transactions.executeWithoutResult(status -> publisher.publishEvent(new Pinged(id)));
        assertThat(publications.incompleteCount()).isEqualTo(1);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(OrchestratorApplication.class,
                FlakyReaction.class).web(WebApplicationType.NONE)
                .run("--spring.modulith.events.republish-outstanding-events-on-restart=true")) {
            assertThat(FlakyReaction.completedRuns(id)).isEqualTo(1);
            assertThat(restarted.getBean(EventPublications.class).incompleteCount()).isZero();
        }

        assertThat(FlakyReaction.completedRuns(id)).isEqualTo(1);
        assertThat(publications.incompleteCount()).isZero();
    }
}
