package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.sprint.SprintCommitment;
import dev.agentteam.orchestrator.sprint.SprintProperties;
import dev.agentteam.orchestrator.sprint.SprintSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What lets a READY story reach the Dev agent besides its own state: the WIP limit (stories IN_PROGRESS at once) in
 * both modes and, in SPRINT mode, membership of the ACTIVE sprint and room in its capacity (the points of its stories
 * already started, plus this one's).
 */
@Component
class WorkRules {

    private final JdbcClient jdbc;
    private final SprintCommitment sprints;
    private final SprintProperties sprint;
    private final DevWorkProperties delivery;

    WorkRules(JdbcClient jdbc, SprintCommitment sprints, SprintProperties sprint, DevWorkProperties delivery) {
        this.jdbc = jdbc;
        this.sprints = sprints;
        this.sprint = sprint;
        this.delivery = delivery;
    }

    boolean sprintMode() {
        return sprint.sprintMode();
    }

    /** Why the story has to wait, or empty when it may go now. */
    Optional<String> waiting(long storyId, Integer estimate) {
        int inProgress = jdbc.sql("select count(*) from stories where status = 'IN_PROGRESS'").query(Integer.class).single();
        if (inProgress >= delivery.wipLimit()) {
            return Optional.of("the WIP limit of " + delivery.wipLimit() + " stories in progress is reached");
        }
        if (!sprint.sprintMode()) {
            return Optional.empty();
        }
        Optional<SprintSummary> active = sprints.active();
        if (active.isEmpty() || !active.get().storyIds().contains(storyId)) {
            return Optional.of("it is not committed to the active sprint");
        }
        Integer capacity = active.get().capacityPoints();
        if (capacity == null) {
            return Optional.empty();
        }
        int started = jdbc.sql("""
                        select coalesce(sum(s.estimate), 0) from stories s join sprint_stories ss on ss.story_id = s.id
                        where ss.sprint_id = ? and s.status in ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED', 'DONE')""")
                .param(active.get().id()).query(Integer.class).single();
        int points = estimate == null ? 0 : estimate;
        return started + points <= capacity ? Optional.empty()
                : Optional.of("sprint " + active.get().id() + " has " + (capacity - started) + " of " + capacity
                + " points left, the story needs " + points);
    }
}
