package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Moves FAILED tasks whose backoff has elapsed back to QUEUED (the next attempt) and enqueues them after commit. */
@Component
class RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);
    private static final int BATCH = 200;

    private final TaskRepository tasks;
    private final TaskTransitionRepository transitions;
    private final TaskDispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    RetryScheduler(TaskRepository tasks, TaskTransitionRepository transitions, TaskDispatcher dispatcher) {
        this.tasks = tasks;
        this.transitions = transitions;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${agentteam.tasks.retry-poll-interval:2s}")
    @Transactional
    public void requeueDueRetries() {
        Instant now = clock.instant();
        for (TaskEntity task : tasks.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(TaskState.FAILED, now, Limit.of(BATCH))) {
            AgentRole role = task.role().orElse(null);
            if (role == null) {
                continue;
            }
            transitions.save(task.moveTo(TaskState.QUEUED, "retry, attempt " + task.currentAttempt(), now));
            dispatcher.enqueueAfterCommit(dispatcher.envelope(task, role, now));
            log.debug("task {} queued again for attempt {}", task.id(), task.currentAttempt());
        }
    }
}
