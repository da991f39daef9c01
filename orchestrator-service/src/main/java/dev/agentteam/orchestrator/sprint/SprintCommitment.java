package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes what an open sprint commits to: stories are added to (or released from) a PLANNED or ACTIVE sprint, by
 * a person or by the autopilot. Which stories the ACTIVE sprint holds decides what the Dev agent takes in SPRINT mode.
 */
@Service
@Transactional(readOnly = true)
public class SprintCommitment {

    private final SprintRepository sprints;
    private final Stories stories;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    SprintCommitment(SprintRepository sprints, Stories stories, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.sprints = sprints;
        this.stories = stories;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The ACTIVE sprint, if one is. */
    public Optional<SprintSummary> active() {
        return sprints.findFirstByStatus(SprintStatus.ACTIVE).map(Sprint::summary);
    }

    /**
     * Unknown sprint → 404; a CLOSED sprint → 409; unknown stories → 422; a story DONE or CANCELLED, or already in an
     * open sprint → 409. Stories already in this sprint are accepted and left as they are.
     */
    @Transactional
    public SprintSummary commit(long sprintId, List<Long> storyIds) {
        jdbc.execute("select pg_advisory_xact_lock(" + SprintPlanning.PLANNING_LOCK + ")");
        Sprint sprint = sprints.findByIdForUpdate(sprintId).orElseThrow(() -> ApiProblems.notFound("sprint", sprintId));
        if (!sprint.status().open()) {
            throw ApiProblems.conflict("Sprint " + sprintId + " is CLOSED: stories can be committed only to a PLANNED "
                    + "or ACTIVE sprint.");
        }
        List<StoryView> found = stories.find(new HashSet<>(storyIds));
        Set<Long> known = new HashSet<>(found.stream().map(StoryView::id).toList());
        List<Long> unknown = storyIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblems.unprocessable("stories refers to unknown story ids " + unknown + ".");
        }
        found.stream().filter(story -> story.status().isFinal()).findFirst().ifPresent(story -> {
            throw ApiProblems.conflict("Story " + story.id() + " is " + story.status() + "; only open work can be committed.");
        });
        Set<Long> already = new HashSet<>(sprint.summary().storyIds());
        List<Long> added = known.stream().filter(id -> !already.contains(id)).sorted().toList();
        if (!added.isEmpty()) {
            sprints.findOpenMemberships(added).stream().findFirst().ifPresent(m -> {
                throw ApiProblems.conflict("Story " + m.getStoryId() + " is already in open sprint " + m.getSprintId()
                        + " (\"" + m.getSprintName() + "\").");
            });
            sprint.commit(added);
        }
        SprintSummary summary = sprints.saveAndFlush(sprint).summary();
        if (!added.isEmpty()) {
            events.publishEvent(new SprintCommitted(sprintId, added, summary.status() == SprintStatus.ACTIVE));
        }
        return summary;
    }

    /** Takes a story out of an open sprint: 404 when the sprint is unknown or does not hold it; 409 when CLOSED. */
    @Transactional
    public SprintSummary release(long sprintId, long storyId) {
        Sprint sprint = sprints.findByIdForUpdate(sprintId).orElseThrow(() -> ApiProblems.notFound("sprint", sprintId));
        if (!sprint.status().open()) {
            throw ApiProblems.conflict("Sprint " + sprintId + " is CLOSED: its stories stay as they were.");
        }
        if (!sprint.release(storyId)) {
            throw ApiProblems.notFound("story in sprint " + sprintId + " with id", storyId);
        }
        return sprints.saveAndFlush(sprint).summary();
    }
}
