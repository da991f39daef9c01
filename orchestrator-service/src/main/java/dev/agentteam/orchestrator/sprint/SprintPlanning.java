package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans sprints from backlog stories; a story is in at most one open (PLANNED or ACTIVE) sprint at a time. */
@Service
@Transactional(readOnly = true)
public class SprintPlanning {

    static final long PLANNING_LOCK = 0x5350524e54L;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final SprintRepository sprints;
    private final Stories stories;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    SprintPlanning(SprintRepository sprints, Stories stories, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.sprints = sprints;
        this.stories = stories;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Validates and stores the sprint: end before start or duplicate story ids → 400; unknown stories → 422
     * (listing them); a story already in an open sprint → 409 (naming both).
     */
    @Transactional
    public SprintSummary plan(PlanSprint command) {
        checkDates(command.start(), command.end());
        Set<Long> seen = new HashSet<>();
        Set<Long> duplicates = new LinkedHashSet<>();
        command.storyIds().forEach(id -> {
            if (!seen.add(id)) {
                duplicates.add(id);
            }
        });
        if (!duplicates.isEmpty()) {
            throw ApiProblems.badRequest("stories lists these ids more than once: " + duplicates + ".");
        }
        Set<Long> known = new HashSet<>(stories.find(command.storyIds()).stream().map(StoryView::id).toList());
        List<Long> unknown = command.storyIds().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblems.unprocessable("stories refers to unknown story ids " + unknown + ".");
        }
        if (!command.storyIds().isEmpty()) {
            // Two plans racing for one story would both pass the check below; planning is rare, so serialize it.
            jdbc.execute("select pg_advisory_xact_lock(" + PLANNING_LOCK + ")");
            var taken = sprints.findOpenMemberships(command.storyIds());
            if (!taken.isEmpty()) {
                var first = taken.get(0);
                throw ApiProblems.conflict("Story " + first.getStoryId() + " is already in open sprint "
                        + first.getSprintId() + " (\"" + first.getSprintName() + "\")"
                        + (taken.size() > 1 ? ", and " + (taken.size() - 1) + " more of the stories are too." : "."));
            }
        }
        String name = command.name() == null || command.name().isBlank()
                ? "Sprint " + command.start() + " – " + command.end() : command.name().strip();
        Sprint sprint = sprints.saveAndFlush(new Sprint(name, command.goal(), command.start(), command.end(),
                command.capacityPoints(), command.storyIds()));
        events.publishEvent(new SprintPlanned(sprint.id(), List.copyOf(command.storyIds())));
        return sprint.summary();
    }

    static void checkDates(LocalDate start, LocalDate end) {
        if (outOfRange(start) || outOfRange(end)) {
            throw ApiProblems.badRequest("start and end must lie between " + EARLIEST + " and " + LATEST + ".");
        }
        if (end.isBefore(start)) {
            throw ApiProblems.badRequest("end (" + end + ") is before start (" + start + ").");
        }
    }

    // Far-off years parse as LocalDate but PostgreSQL's date type cannot store them all; no sprint needs them.
    private static boolean outOfRange(LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST);
    }

    public Optional<SprintSummary> find(long id) {
        return sprints.findById(id).map(Sprint::summary);
    }
}
