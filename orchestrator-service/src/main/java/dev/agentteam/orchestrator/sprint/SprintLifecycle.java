package dev.agentteam.orchestrator.sprint;

import dev.agentteam.common.task.SprintBrief;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.metrics.SprintMetrics;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Moves sprints PLANNED → ACTIVE → CLOSED (one ACTIVE sprint at a time). Closing asks the Scrum agent for the
 * retrospective ({@code scrum.write_retro}) with the sprint's metrics, computed here by SQL.
 */
@Service
public class SprintLifecycle {

    private final SprintRepository sprints;
    private final Stories stories;
    private final SprintMetrics metrics;
    private final Tasks tasks;
    private final Velocity velocity;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    SprintLifecycle(SprintRepository sprints, Stories stories, SprintMetrics metrics, Tasks tasks, Velocity velocity,
                    ApplicationEventPublisher events) {
        this.sprints = sprints;
        this.stories = stories;
        this.metrics = metrics;
        this.tasks = tasks;
        this.velocity = velocity;
        this.events = events;
    }

    /** Unknown → 404; not PLANNED, or another sprint ACTIVE → 409. */
    @Transactional
    public SprintSummary start(long id) {
        Sprint sprint = sprints.findByIdForUpdate(id).orElseThrow(() -> ApiProblems.notFound("sprint", id));
        sprint.status().requireNext(SprintStatus.ACTIVE, id);
        sprints.findFirstByStatus(SprintStatus.ACTIVE).ifPresent(active -> {
            throw ApiProblems.conflict("Sprint " + active.id() + " is ACTIVE: close it before starting sprint " + id + ".");
        });
        sprint.start(clock.instant());
        SprintSummary started;
        try {
            started = sprints.saveAndFlush(sprint).summary();
        } catch (DataIntegrityViolationException e) {
            // sprints_one_active_idx: another sprint was started concurrently
            throw ApiProblems.conflict("Another sprint became ACTIVE at the same time: close it before starting sprint " + id + ".");
        }
        events.publishEvent(new SprintStarted(started.id(), started.storyIds()));
        return started;
    }

    /** Unknown → 404; not ACTIVE → 409. Queues the retrospective, which is stored when the Scrum agent succeeds. */
    @Transactional
    public SprintSummary close(long id) {
        Sprint sprint = sprints.findByIdForUpdate(id).orElseThrow(() -> ApiProblems.notFound("sprint", id));
        sprint.close(clock.instant());
        SprintSummary closed = queueRetro(sprints.saveAndFlush(sprint));
        events.publishEvent(new SprintClosed(closed.id(), closed.storyIds()));
        return closed;
    }

    /**
     * Asks again for the retrospective of a CLOSED sprint whose retro task ended without one (it died, was
     * cancelled, or answered without a summary). 409 when the sprint is not CLOSED, already has its retro, or its
     * retro task is still under way.
     */
    @Transactional
    public SprintSummary requestRetro(long id) {
        Sprint sprint = sprints.findByIdForUpdate(id).orElseThrow(() -> ApiProblems.notFound("sprint", id));
        SprintSummary current = sprint.summary();
        if (current.status() != SprintStatus.CLOSED) {
            throw ApiProblems.conflict("Sprint " + id + " is " + current.status() + ": its retrospective is written when it is closed.");
        }
        if (current.retro() != null) {
            throw ApiProblems.conflict("Sprint " + id + " already has its retrospective.");
        }
        if (current.retroTaskId() != null) {
            tasks.find(current.retroTaskId()).filter(task -> !task.ended()).ifPresent(task -> {
                throw ApiProblems.conflict("The retrospective of sprint " + id + " is under way: task " + task.id()
                        + " is " + task.status() + ".");
            });
        }
        return queueRetro(sprint);
    }

    private SprintSummary queueRetro(Sprint sprint) {
        var task = tasks.create(new NewTask(TaskType.SCRUM_WRITE_RETRO, null, null,
                retroPayload(sprint.summary())));
        sprint.retroRequested(task.id());
        return sprints.saveAndFlush(sprint).summary();
    }

    @SuppressWarnings("unchecked")
    private SprintBrief.WriteRetro retroPayload(SprintSummary sprint) {
        List<StoryView> planned = stories.find(sprint.storyIds());
        return new SprintBrief.WriteRetro(sprint.id(), sprint.name(), sprint.goal(), sprint.start().toString(),
                sprint.end().toString(), sprint.capacityPoints(), velocity.recent(), tally(planned, story -> true),
                tally(planned, story -> story.status() == StoryStatus.DONE), planned.stream().map(SprintLifecycle::storyLine).toList(),
                (Map<String, Object>) SprintJson.plain(metrics.report(sprint.id())));
    }

    private static SprintBrief.Tally tally(List<StoryView> stories, Predicate<StoryView> which) {
        List<StoryView> counted = stories.stream().filter(which).toList();
        return new SprintBrief.Tally(counted.size(), counted.stream().mapToInt(s -> s.estimate() == null ? 0 : s.estimate()).sum());
    }

    private static SprintBrief.SprintStory storyLine(StoryView story) {
        return new SprintBrief.SprintStory(story.id(), story.title(), story.status().name(), null, story.estimate(), null, null);
    }
}
