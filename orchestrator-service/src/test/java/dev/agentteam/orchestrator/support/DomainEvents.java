package dev.agentteam.orchestrator.support;

import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * What the tests wait on instead of the clock: every domain event the orchestrator publishes (a type under
 * {@code dev.agentteam.orchestrator}), recorded once it is committed and the reactions to it have run. Published inside
 * a transaction, an event is recorded when the transaction has committed, after the after-commit listeners of the
 * event (they run in the same completion phase, and this recorder's synchronization is registered after theirs);
 * published outside one, it is recorded after the synchronous listeners. An event of a rolled-back transaction is
 * never recorded.
 * <p>
 * It hears events through a listener it adds to the context once every declared listener is in place, so it is the
 * last listener of each event. On purpose it is not a {@code @TransactionalEventListener}: Spring Modulith writes an
 * event publication row for every after-commit listener, which would change what the registry and the queue benchmark
 * count (docs/adr/test-waits-on-events.md). {@link IntegrationTest} imports it and clears it before each test.
 */
public class DomainEvents implements ApplicationContextAware, SmartInitializingSingleton {

    private static final String DOMAIN = "dev.agentteam.orchestrator.";
    private static final int SHOWN = 300;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<Object> events = new ArrayList<>();
    private ConfigurableApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = (ConfigurableApplicationContext) context;
    }

    /**
     * Listens from now on: after the {@code @EventListener} and {@code @TransactionalEventListener} methods have been
     * registered, so with the same (default) order this listener comes after them for every event.
     */
    @Override
    public void afterSingletonsInstantiated() {
        context.addApplicationListener(new Listener());
    }

    /** Takes in one event the context published. */
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> published
                && published.getPayload().getClass().getName().startsWith(DOMAIN)) {
            recordOnceCommitted(published.getPayload());
        }
    }

    private void recordOnceCommitted(Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(event);
            return;
        }
        // after-commit listeners run in afterCompletion too; registered after theirs, this runs after them
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    record(event);
                }
            }
        });
    }

    private final class Listener implements ApplicationListener<ApplicationEvent> {
        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            DomainEvents.this.onApplicationEvent(event);
        }
    }

    private void record(Object event) {
        lock.lock();
        try {
            events.add(event);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every event recorded so far (before each test). */
    public void clear() {
        lock.lock();
        try {
            events.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The events of {@code type} recorded since the last {@link #clear()}, in the order they were committed. */
    public <E> List<E> seen(Class<E> type) {
        lock.lock();
        try {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first event of {@code type} that {@code match} accepts, recorded since the last {@link #clear()}, waiting
     * for it (woken by each new event) at most {@code ceiling}; fails naming the awaited event and those seen.
     */
    public <E> E await(Class<E> type, Predicate<? super E> match, Duration ceiling) {
        return awaitCount(type, match, 1, ceiling).get(0);
    }

    /** As {@link #await(Class, Predicate, Duration)}, for any event of {@code type}. */
    public <E> E await(Class<E> type, Duration ceiling) {
        return await(type, event -> true, ceiling);
    }

    /** The first {@code count} events of {@code type} that {@code match} accepts, waiting for them as {@link #await}. */
    public <E> List<E> awaitCount(Class<E> type, Predicate<? super E> match, int count, Duration ceiling) {
        List<E> found = new ArrayList<>();
        awaitAny(count + " × " + type.getSimpleName(), event -> {
            if (type.isInstance(event) && match.test(type.cast(event))) {
                found.add(type.cast(event));
            }
            return found.size() == count;
        }, ceiling);
        return found;
    }

    /**
     * The end of task {@code taskId}: its {@link TaskSucceeded}, {@link TaskFailed} (for good or dead) or
     * {@link TaskBlocked} event, whichever is recorded first.
     */
    public TaskEnd awaitTaskEnd(long taskId, Duration ceiling) {
        return awaitTaskEnd("task " + taskId, end -> end.taskId() == taskId, ceiling);
    }

    /** The end of the first task {@code match} accepts, as {@link #awaitTaskEnd(long, Duration)}; {@code which} names it. */
    public TaskEnd awaitTaskEnd(String which, Predicate<TaskEnd> match, Duration ceiling) {
        Object event = awaitAny("the end (TaskSucceeded, TaskFailed or TaskBlocked) of " + which,
                candidate -> TaskEnd.of(candidate).filter(match).isPresent(), ceiling);
        return TaskEnd.of(event).orElseThrow();
    }

    /** A task's end event, reduced to what identifies the task; {@code event} is the event itself. */
    public record TaskEnd(long taskId, String type, Long epicId, Long storyId, Object event) {

        static Optional<TaskEnd> of(Object event) {
            if (event instanceof TaskSucceeded succeeded) {
                return Optional.of(new TaskEnd(succeeded.taskId(), succeeded.type(), succeeded.epicId(), succeeded.storyId(), event));
            }
            if (event instanceof TaskFailed failed) {
                return Optional.of(new TaskEnd(failed.taskId(), failed.type(), failed.epicId(), failed.storyId(), event));
            }
            if (event instanceof TaskBlocked blocked) {
                return Optional.of(new TaskEnd(blocked.taskId(), blocked.type(), blocked.epicId(), blocked.storyId(), event));
            }
            return Optional.empty();
        }

        /** Whether the task ended as {@code type} and of {@code storyId}. */
        public boolean is(String type, long storyId) {
            return this.type.equals(type) && this.storyId != null && this.storyId == storyId;
        }
    }

    /**
     * Offers each event recorded since the last {@link #clear()} to {@code done}, in order, then each new one as it is
     * recorded, until {@code done} accepts one (returned) or {@code ceiling} has passed (an {@link AssertionError}
     * naming {@code awaited} and the events seen).
     */
    public Object awaitAny(String awaited, Predicate<Object> done, Duration ceiling) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        int offered = 0;
        while (true) {
            List<Object> fresh = next(offered, deadline, awaited, ceiling);
            offered += fresh.size();
            for (Object event : fresh) {
                if (done.test(event)) {
                    return event;
                }
            }
        }
    }

    /** The events recorded after the first {@code offered}, waiting until there is one. */
    private List<Object> next(int offered, long deadline, String awaited, Duration ceiling) {
        lock.lock();
        try {
            while (events.size() <= offered) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Awaited " + awaited + " for " + ceiling + "; the events seen: "
                            + describe(events));
                }
                recorded.awaitNanos(left);
            }
            return List.copyOf(events.subList(offered, events.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while awaiting " + awaited, e);
        } finally {
            lock.unlock();
        }
    }

    private static String describe(List<Object> events) {
        if (events.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Object event : events) {
            String shown = event.toString();
            text.append("\n  ").append(shown.length() <= SHOWN ? shown : shown.substring(0, SHOWN) + "…");
        }
        return text.toString();
    }
}
