package dev.agentteam.orchestrator.support;

import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.junit.jupiter.api.Test;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recorder the integration tests wait on, with Spring's real transaction synchronization and no database. */
class DomainEventsTest {

    record Happened(int n) {
    }

    private final DomainEvents events = new DomainEvents();
    private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactionManager());

    @Test
    void anEventPublishedOutsideATransactionIsRecordedAtOnce() {
        publish(new Happened(1));

        assertThat(events.seen(Happened.class)).containsExactly(new Happened(1));
        assertThat(events.await(Happened.class, Duration.ZERO)).isEqualTo(new Happened(1));
    }

    @Test
    void anEventOfACommittedTransactionIsRecordedOnlyAfterTheCommit() {
        transactions.executeWithoutResult(status -> {
            publish(new Happened(2));
            assertThat(events.seen(Happened.class)).as("not yet committed").isEmpty();
        });

        assertThat(events.seen(Happened.class)).containsExactly(new Happened(2));
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverRecorded() {
        transactions.executeWithoutResult(status -> {
            publish(new Happened(3));
            status.setRollbackOnly();
        });
        publish(new Happened(4));

        assertThat(events.seen(Happened.class)).containsExactly(new Happened(4));
        assertThatThrownBy(() -> events.await(Happened.class, happened -> happened.n() == 3, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void onlyTheOrchestratorsOwnEventsAreRecorded() {
        publish("a string");
        publish(new Happened(5));

        assertThat(events.seen(Object.class)).containsExactly(new Happened(5));
    }

    @Test
    void aWaitingThreadWakesOnTheEventNotAtTheCeiling() throws Exception {
        Duration ceiling = Duration.ofSeconds(60);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Happened> awaited = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return events.await(Happened.class, happened -> happened.n() == 7, ceiling);
        });
        while (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until the waiter is parked on the recorder's condition
        }
        long start = System.nanoTime();

        transactions.executeWithoutResult(status -> publish(new Happened(6)));
        transactions.executeWithoutResult(status -> publish(new Happened(7)));

        assertThat(awaited.get(10, TimeUnit.SECONDS)).isEqualTo(new Happened(7));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void awaitReturnsTheFirstMatchingEventAndAwaitCountTheFirstOnes() {
        publish(new Happened(8));
        publish(new Happened(9));
        publish(new Happened(10));

        assertThat(events.await(Happened.class, happened -> happened.n() > 8, Duration.ZERO)).isEqualTo(new Happened(9));
        assertThat(events.awaitCount(Happened.class, happened -> true, 2, Duration.ZERO))
                .containsExactly(new Happened(8), new Happened(9));
    }

    @Test
    void theEndOfATaskIsItsSuccessOrItsFailure() {
        publish(new TaskSucceeded(1, "po.refine_epic", 1L, null, Map.of()));
        publish(new TaskFailed(2, "po.refine_epic", 1L, null, "broken"));

        assertThat(events.awaitTaskEnd(2, Duration.ZERO).event()).isEqualTo(new TaskFailed(2, "po.refine_epic", 1L, null, "broken"));
        assertThat(events.awaitTaskEnd(1, Duration.ZERO).event()).isInstanceOf(TaskSucceeded.class);
    }

    @Test
    void theReactionsToAnEventHaveRunWhenItIsRecorded() {
        try (var context = new AnnotationConfigApplicationContext(Reactions.class)) {
            DomainEvents recorder = context.getBean(DomainEvents.class);
            Reactions reactions = context.getBean(Reactions.class);

            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.publishEvent(new Happened(13)));
            context.publishEvent(new Happened(14));

            assertThat(reactions.afterCommit).as("what the recorder held when the after-commit reaction ran")
                    .containsExactly(List.of());
            assertThat(reactions.synchronous).as("what the recorder held when the synchronous reactions ran")
                    .containsExactly(List.of(), List.of(new Happened(13)));
            assertThat(recorder.seen(Happened.class)).containsExactly(new Happened(13), new Happened(14));
        }
    }

    @Test
    void aTimeoutNamesTheAwaitedEventAndTheEventsSeen() {
        publish(new Happened(11));

        assertThatThrownBy(() -> events.await(TaskSucceeded.class, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 × TaskSucceeded").hasMessageContaining("Happened[n=11]");
    }

    @Test
    void clearForgetsWhatWasRecorded() {
        publish(new Happened(12));
        events.clear();

        assertThat(events.seen(Object.class)).isEqualTo(List.of());
    }

    /** A feature's reactions, the way the orchestrator's are declared, with what the recorder held when each ran. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Reactions {

        final List<List<Happened>> afterCommit = new ArrayList<>();
        final List<List<Happened>> synchronous = new ArrayList<>();
        private DomainEvents recorder;

        @Bean
        DomainEvents domainEvents() {
            recorder = new DomainEvents();
            return recorder;
        }

        @Bean
        TransactionTemplate transactions() {
            return new TransactionTemplate(new NoResourceTransactionManager());
        }

        @TransactionalEventListener
        void afterCommit(Happened happened) {
            afterCommit.add(recorder.seen(Happened.class));
        }

        @EventListener
        void synchronous(Happened happened) {
            synchronous.add(recorder.seen(Happened.class));
        }
    }

    private void publish(Object event) {
        events.onApplicationEvent(new PayloadApplicationEvent<>(this, event));
    }

    /** A transaction manager with no resource: Spring's synchronization, commit and rollback, and nothing else. */
    private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
