package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryReady;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.sprint.SprintCommitted;
import dev.agentteam.orchestrator.sprint.SprintStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When stories are handed to the Dev agent (with {@code agentteam.delivery.auto-dispatch}): right after a story is
 * announced READY, when a sprint starts or stories are committed to the active one, when a WIP slot frees up (a
 * story leaves IN_PROGRESS) or a story is DONE (its dependants may go), and on a periodic sweep. {@link DevDispatch}
 * decides each time; the sweep goes most urgent first.
 */
@Component
class DevDispatchTriggers {

    private static final Logger log = LoggerFactory.getLogger(DevDispatchTriggers.class);

    private final DevDispatch dispatch;
    private final DevWorkProperties properties;

    DevDispatchTriggers(DevDispatch dispatch, DevWorkProperties properties) {
        this.dispatch = dispatch;
        this.properties = properties;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StoryReady event) {
        if (properties.autoDispatch()) {
            safely(event.storyId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(SprintStarted event) {
        sweep();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(SprintCommitted event) {
        if (event.active()) {
            sweep();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StoryMoved event) {
        if (event.from() == StoryStatus.IN_PROGRESS || event.to() == StoryStatus.DONE) {
            sweep();
        }
    }

    @Scheduled(initialDelayString = "${agentteam.delivery.sweep-interval:15s}",
            fixedDelayString = "${agentteam.delivery.sweep-interval:15s}")
    public void sweep() {
        if (properties.autoDispatch()) {
            dispatch.candidates().forEach(this::safely);
        }
    }

    private void safely(long storyId) {
        try {
            dispatch.dispatch(storyId);
        } catch (RuntimeException e) {
            // the next sweep tries again; one bad story must not stop the others
            log.warn("Could not hand story {} to the dev agent: {}", storyId, e.getMessage(), e);
        }
    }
}
