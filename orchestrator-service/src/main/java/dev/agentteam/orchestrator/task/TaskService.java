package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link Tasks}: every status change goes through {@link TaskEntity#moveTo} and is written to the timeline. */
@Service
@Transactional
class TaskService implements Tasks {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskRepository tasks;
    private final TaskTransitionRepository transitions;
    private final TaskDispatcher dispatcher;
    private final TaskProperties properties;
    private final JdbcClient jdbc;
    private final TaskHandlers handlers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskRepository tasks, TaskTransitionRepository transitions, TaskDispatcher dispatcher,
                TaskProperties properties, JdbcClient jdbc, TaskHandlers handlers, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.handlers = handlers;
        this.events = events;
        this.transitions = transitions;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    public TaskView create(NewTask command) {
        if (command.type() == null || !command.type().matches("[a-z]+\\.[a-z_]+") || command.role() == null) {
            throw new IllegalArgumentException("a task needs a role and a type like 'po.refine_epic', got " + command.type());
        }
        Instant now = clock.instant();
        TaskEntity task = new TaskEntity(command, properties.maxAttempts(), newTraceId(), now);
        Optional<String> refusal = handlers.refusal(command.type(), command.role());
        if (refusal.isPresent()) {
            return refuse(task, refusal.get(), now);
        }
        // Moved to QUEUED before the insert: one INSERT instead of INSERT + UPDATE; the timeline still shows both steps.
        TaskTransitionEntity queued = task.moveTo(TaskState.QUEUED, "dispatched to " + command.role().key(), now);
        tasks.save(task);
        transitions.save(new TaskTransitionEntity(task.id(), null, TaskState.PENDING, 0, "created", now));
        transitions.save(queued.forTask(task.id()));
        dispatcher.enqueueAfterCommit(dispatcher.envelope(task, command.role(), now));
        return task.view();
    }

    @Override
    public TaskView hold(NewTask command, String reason) {
        Instant now = clock.instant();
        return keepFailed(new TaskEntity(command, properties.maxAttempts(), newTraceId(), now), "held: " + reason, reason, now);
    }

    /** A task no agent would handle is kept FAILED with the reason, never queued to die in a worker. */
    private TaskView refuse(TaskEntity task, String reason, Instant now) {
        return keepFailed(task, "refused: " + reason, reason, now);
    }

    private TaskView keepFailed(TaskEntity task, String transition, String reason, Instant now) {
        TaskTransitionEntity failed = task.moveTo(TaskState.FAILED, transition, now);
        task.failed(reason, null);
        tasks.save(task);
        transitions.save(new TaskTransitionEntity(task.id(), null, TaskState.PENDING, 0, "created", now));
        transitions.save(failed.forTask(task.id()));
        log.warn("task {} of type {} not queued: {}", task.id(), task.type(), reason);
        events.publishEvent(new TaskFailed(task.id(), task.type(), task.epicId(), task.storyId(), reason));
        return task.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaskView> find(long taskId) {
        return tasks.findById(taskId).map(TaskEntity::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> forEpic(long epicId) {
        return tasks.findByEpicIdOrderById(epicId).stream().map(TaskEntity::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> forStory(long storyId) {
        return tasks.findByStoryIdOrderById(storyId).stream().map(TaskEntity::view).toList();
    }

    @Transactional(readOnly = true)
    List<TaskTransitionView> timeline(long taskId) {
        return transitions.findByTaskIdOrderByAtAscIdAsc(taskId).stream().map(TaskTransitionEntity::view).toList();
    }

    @Override
    public TaskView assign(long taskId, Assignee assignee) {
        TaskEntity task = tasks.findById(taskId).orElseThrow(() -> TaskProblems.notFound(taskId));
        if (task.status().isFinal()) {
            throw TaskProblems.conflict("task " + taskId + " is " + task.status() + " and cannot be reassigned");
        }
        if (task.status() == TaskState.RUNNING) {
            throw TaskProblems.conflict("task " + taskId + " is RUNNING; wait for its result before reassigning it");
        }
        Instant now = clock.instant();
        Optional<AgentRole> previousRole = task.role();
        if (assignee.role() != null) {
            assignToRole(task, previousRole, assignee.role(), now);
        } else {
            assignToHuman(task, previousRole, assignee.userId(), now);
        }
        return task.view();
    }

    private void assignToRole(TaskEntity task, Optional<AgentRole> previousRole, AgentRole role, Instant now) {
        task.assignTo(role.key(), now);
        if (task.status() == TaskState.QUEUED) {
            previousRole.filter(old -> old != role).ifPresent(old -> dispatcher.withdrawAfterCommit(old, task.id()));
            if (previousRole.filter(role::equals).isEmpty()) {
                task.requeuedAt(now);
                dispatcher.enqueueAfterCommit(dispatcher.envelope(task, role, now));
            }
        } else {
            queue(task, role, "assigned to " + role.key(), now);
        }
    }

    private void assignToHuman(TaskEntity task, Optional<AgentRole> previousRole, long userId, Instant now) {
        boolean exists = jdbc.sql("select exists(select 1 from users where id = ?)").param(userId).query(Boolean.class).single();
        if (!exists) {
            throw TaskProblems.userNotFound(userId);
        }
        previousRole.ifPresent(old -> dispatcher.withdrawAfterCommit(old, task.id()));
        String human = TaskEntity.HUMAN_PREFIX + userId;
        task.assignTo(human, now);
        if (task.status() != TaskState.PENDING) {
            transitions.save(task.moveTo(TaskState.PENDING, "assigned to " + human, now));
        }
    }

    @Override
    public TaskView resume(long taskId, Map<String, Object> extraPayload) {
        TaskEntity task = tasks.findById(taskId).orElseThrow(() -> TaskProblems.notFound(taskId));
        if (task.status() != TaskState.BLOCKED) {
            throw TaskProblems.conflict("task " + taskId + " is " + task.status() + ", only a BLOCKED task can be resumed");
        }
        AgentRole role = task.role().orElseThrow(() ->
                TaskProblems.conflict("task " + taskId + " is assigned to a human; assign it to an agent role instead"));
        task.resumeWith(extraPayload == null ? Map.of() : extraPayload);
        queue(task, role, "resumed after clarification", clock.instant());
        return task.view();
    }

    @Override
    public TaskView requeueDead(long taskId) {
        TaskEntity task = tasks.findById(taskId).orElseThrow(() -> TaskProblems.notFound(taskId));
        if (task.status() != TaskState.DEAD) {
            throw TaskProblems.conflict("task " + taskId + " is " + task.status() + ", only a DEAD task can be re-queued");
        }
        AgentRole role = task.role().orElseThrow(() ->
                TaskProblems.conflict("task " + taskId + " is assigned to a human; assign it to an agent role instead"));
        task.grantAttempt();
        queue(task, role, "re-queued by an operator", clock.instant());
        return task.view();
    }

    @Override
    public List<TaskView> cancelForStory(long storyId, String reason) {
        Instant now = clock.instant();
        List<TaskView> cancelled = new ArrayList<>();
        for (TaskEntity task : tasks.findByStoryIdOrderById(storyId)) {
            if (task.view().ended()) {
                continue;
            }
            transitions.save(task.moveTo(TaskState.CANCELLED, reason, now));
            task.cancelled();
            task.role().ifPresent(role -> dispatcher.withdrawAfterCommit(role, task.id()));
            events.publishEvent(new TaskCancelled(task.id(), task.type(), task.epicId(), storyId, reason));
            cancelled.add(task.view());
        }
        return cancelled;
    }

    /** Moves the task to QUEUED now and pushes its envelope once this transaction commits. */
    private void queue(TaskEntity task, AgentRole role, String reason, Instant now) {
        transitions.save(task.moveTo(TaskState.QUEUED, reason, now));
        dispatcher.enqueueAfterCommit(dispatcher.envelope(task, role, now));
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
