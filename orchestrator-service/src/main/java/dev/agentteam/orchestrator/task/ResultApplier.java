package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskResults;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one worker result to its task in one transaction. Idempotent: results for final tasks, for attempts
 * other than the current one, or for tasks no longer waiting for a worker are ignored, so a redelivered result
 * changes nothing. Events are published inside the transaction: listeners use {@code @TransactionalEventListener}
 * (or Modulith's {@code @ApplicationModuleListener}) and so only hear about committed outcomes.
 */
@Component
class ResultApplier {

    private static final Logger log = LoggerFactory.getLogger(ResultApplier.class);

    private final TaskRepository tasks;
    private final TaskTransitionRepository transitions;
    private final TaskDispatcher dispatcher;
    private final Backoff backoff;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ResultApplier(TaskRepository tasks, TaskTransitionRepository transitions, TaskDispatcher dispatcher,
                  TaskProperties properties, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.tasks = tasks;
        this.transitions = transitions;
        this.dispatcher = dispatcher;
        this.backoff = new Backoff(properties);
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Returns true when the result changed the task, false when it was ignored. */
    @Transactional
    public boolean apply(TaskResult result) {
        Optional<TaskEntity> found = tasks.findById(result.taskId());
        if (found.isEmpty()) {
            log.debug("ignoring a result for unknown task {}", result.taskId());
            return false;
        }
        TaskEntity task = found.get();
        if (result.status() == ResultStatus.STARTED) {
            return started(task, result);
        }
        if (task.status().isFinal() || result.attempt() != task.currentAttempt()
                || (task.status() != TaskState.QUEUED && task.status() != TaskState.RUNNING)) {
            log.debug("ignoring result of attempt {} for task {} ({}, current attempt {})", result.attempt(), task.id(),
                    task.status(), task.currentAttempt());
            return false;
        }
        Instant now = clock.instant();
        // The envelope as the worker had it, for the dead letter: built before the attempt is counted.
        var envelope = task.role().map(role -> dispatcher.envelope(task, role, now));
        task.recordAttempt(result.workerId(), result.usage(), now);
        switch (result.status()) {
            case SUCCEEDED -> succeeded(task, result, now);
            case CLARIFY -> blocked(task, result, now);
            case STARTED -> throw new IllegalStateException("a start notice is applied above");
            case FAILED -> {
                String error = result.error() == null ? "failed without an error message" : result.error();
                if (!result.retryable()) {
                    // The work itself failed (garbage, a refusal, a spent budget, tests that stay red): retrying
                    // cannot fix it, so the failure with its reason is the task's outcome, not a dead letter.
                    failedForGood(task, result, error, now);
                } else if (task.attemptCount() < task.maxAttempts()) {
                    Instant retryAt = now.plus(backoff.delay(task.attemptCount(), result.retryAfter()));
                    transitions.save(task.moveTo(TaskState.FAILED, "attempt " + result.attempt() + " failed: " + error, now));
                    task.failed(error, retryAt);
                } else {
                    // DEAD only for a transient failure whose retries ran out: an operator may re-queue it.
                    transitions.save(task.moveTo(TaskState.DEAD, "attempts used up: " + error, now));
                    task.failed(error, null);
                    envelope.ifPresent(e -> dispatcher.deadLetterAfterCommit(e, error));
                    events.publishEvent(new TaskFailed(task.id(), task.type(), task.epicId(), task.storyId(), error));
                }
            }
        }
        return true;
    }

    /**
     * A worker began the current attempt: QUEUED → RUNNING with its id and start time. A notice that arrives after the
     * outcome, or for another attempt, changes nothing; a second worker taking over a reaped claim is recorded.
     */
    private boolean started(TaskEntity task, TaskResult notice) {
        if (notice.attempt() != task.currentAttempt()) {
            return false;
        }
        Instant now = clock.instant();
        if (task.status() == TaskState.QUEUED) {
            transitions.save(task.moveTo(TaskState.RUNNING, "claimed by worker " + notice.workerId(), now));
            task.startedBy(notice.workerId(), notice.finishedAt());
            return true;
        }
        if (task.status() == TaskState.RUNNING && !notice.workerId().equals(task.workerId())) {
            task.startedBy(notice.workerId(), notice.finishedAt());
            return true;
        }
        return false;
    }

    private void failedForGood(TaskEntity task, TaskResult result, String error, Instant now) {
        transitions.save(task.moveTo(TaskState.FAILED, "attempt " + result.attempt() + " failed, not retryable: " + error, now));
        task.failed(error, null);
        events.publishEvent(new TaskFailed(task.id(), task.type(), task.epicId(), task.storyId(), error));
    }

    private void succeeded(TaskEntity task, TaskResult result, Instant now) {
        String invalid = invalidOutput(task, result);
        if (invalid != null) {
            // Another attempt would report the same shape: the task fails with the field named, like a bad payload.
            log.warn("task {} attempt {}: {}", task.id(), result.attempt(), invalid);
            failedForGood(task, result, invalid, now);
            return;
        }
        transitions.save(task.moveTo(TaskState.SUCCEEDED, "worker " + result.workerId(), now));
        task.succeeded(result.output());
        events.publishEvent(new TaskSucceeded(task.id(), task.type(), task.epicId(), task.storyId(), result.output()));
    }

    /** Why the output does not decode as the task type's result record, or null when it does. */
    private static String invalidOutput(TaskEntity task, TaskResult result) {
        Optional<TaskType> type = TaskType.fromKey(task.type());
        if (type.isEmpty()) {
            return null; // not created by this orchestrator's catalogue: nothing reacts to its output
        }
        try {
            TaskResults.read(type.get(), result.output());
            return null;
        } catch (InvalidPayloadException e) {
            return e.getMessage();
        }
    }

    private void blocked(TaskEntity task, TaskResult result, Instant now) {
        transitions.save(task.moveTo(TaskState.BLOCKED, result.questions().size() + " question(s) for a human", now));
        String context = task.type() + (task.epicId() == null ? "" : " epic " + task.epicId())
                + (task.storyId() == null ? "" : " story " + task.storyId());
        jdbc.sql("insert into clarifications (task_id, questions, context, status, asked_at) values (?, ?::jsonb, ?, 'OPEN', ?)")
                .params(task.id(), JsonMapConverter.write(result.questions()), context, java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new TaskBlocked(task.id(), task.type(), task.epicId(), task.storyId(), result.questions()));
    }
}
