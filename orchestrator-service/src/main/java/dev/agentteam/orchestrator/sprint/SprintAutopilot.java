package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryReady;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.backlog.Stories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Scrum agent's cadence in SPRINT mode with {@code agentteam.sprint.autopilot}: when no sprint is open it plans
 * one from the READY backlog within the configured capacity (the Scrum agent writes the narrative) and starts it;
 * while a sprint is ACTIVE, READY stories in no open sprint are pulled in as long as its capacity has room; a sprint
 * whose stories are all DONE or CANCELLED is closed (its retrospective is queued) so the next one can begin. A
 * PLANNED sprint a person made is started as it is.
 */
@Component
class SprintAutopilot {

    private static final Logger log = LoggerFactory.getLogger(SprintAutopilot.class);

    private final SprintProperties properties;
    private final SprintRepository sprints;
    private final CapacityPlanning planning;
    private final SprintLifecycle lifecycle;
    private final SprintCommitment commitment;
    private final Stories stories;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SprintAutopilot(SprintProperties properties, SprintRepository sprints, CapacityPlanning planning,
                    SprintLifecycle lifecycle, SprintCommitment commitment, Stories stories, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions) {
        this.properties = properties;
        this.sprints = sprints;
        this.planning = planning;
        this.lifecycle = lifecycle;
        this.commitment = commitment;
        this.stories = stories;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StoryReady event) {
        safely();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StoryMoved event) {
        if (event.to().isFinal()) {
            safely();
        }
    }

    @Scheduled(initialDelayString = "${agentteam.sprint.sweep-interval:15s}",
            fixedDelayString = "${agentteam.sprint.sweep-interval:15s}")
    public void sweep() {
        safely();
    }

    private void safely() {
        if (!properties.sprintMode() || !properties.autopilot()) {
            return;
        }
        try {
            step();
        } catch (ErrorResponseException e) {
            log.debug("Sprint autopilot: nothing to do ({})", e.getBody().getDetail());
        } catch (RuntimeException e) {
            log.warn("Sprint autopilot failed; it tries again on the next sweep: {}", e.getMessage(), e);
        }
    }

    /**
     * One step of the cadence: close a finished sprint, then plan and start the next, or pull stories into the active
     * one. Each part commits on its own (the triggers include after-commit listeners, whose transaction is over).
     */
    void step() {
        Optional<Sprint> active = inNew(() -> sprints.findFirstByStatus(SprintStatus.ACTIVE));
        if (active.isPresent() && inNew(() -> finished(active.get()))) {
            inNew(() -> lifecycle.close(active.get().id()));
            log.info("Sprint {} closed by the autopilot: all its stories are DONE or CANCELLED", active.get().id());
        } else if (active.isPresent()) {
            inNew(() -> {
                pullIn(active.get().summary());
                return null;
            });
            return;
        }
        Optional<Long> next;
        try {
            next = inNew(() -> sprints.findFirstByStatus(SprintStatus.PLANNED).map(Sprint::id).or(this::planNext));
        } catch (ErrorResponseException nothingFits) {
            return; // no READY story fits: nothing to do until one does
        }
        next.ifPresent(id -> {
            inNew(() -> lifecycle.start(id));
            log.info("Sprint {} started by the autopilot", id);
        });
    }

    private Optional<Long> planNext() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PlannedSprint plan = planning.plan(new PlanByCapacity(null, null, today,
                today.plusDays(Math.max(1, properties.lengthDays()) - 1L), properties.capacityPoints()));
        log.info("Sprint {} planned by the autopilot with stories {}", plan.sprint().id(), plan.sprint().storyIds());
        return Optional.of(plan.sprint().id());
    }

    private <T> T inNew(java.util.function.Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private boolean finished(Sprint sprint) {
        List<Long> ids = sprint.summary().storyIds();
        return !ids.isEmpty() && stories.find(ids).stream().allMatch(story -> story.status().isFinal());
    }

    /** READY stories in no open sprint, most urgent first, while the points committed stay within the capacity. */
    private void pullIn(SprintSummary sprint) {
        if (sprint.capacityPoints() == null) {
            return;
        }
        int committed = stories.find(sprint.storyIds()).stream().filter(s -> s.status() != StoryStatus.CANCELLED)
                .mapToInt(s -> s.estimate() == null ? 0 : s.estimate()).sum();
        List<Long> ready = jdbc.queryForList("""
                select s.id from stories s join epics e on e.id = s.epic_id
                where s.status = 'READY' and e.status <> 'CANCELLED'
                  and not exists (select 1 from sprint_stories ss join sprints sp on sp.id = ss.sprint_id
                                  where ss.story_id = s.id and sp.status in ('PLANNED', 'ACTIVE'))
                order by s.priority, s.id""", Long.class);
        List<Long> chosen = new ArrayList<>();
        List<StoryView> candidates = stories.find(ready).stream()
                .sorted(Comparator.comparingInt(StoryView::priority).thenComparingLong(StoryView::id)).toList();
        for (StoryView story : candidates) {
            int points = story.estimate() == null ? 0 : story.estimate();
            if (committed + points <= sprint.capacityPoints()) {
                committed += points;
                chosen.add(story.id());
            }
        }
        if (!chosen.isEmpty()) {
            commitment.commit(sprint.id(), chosen);
            log.info("Sprint {}: the autopilot pulled in stories {} ({} of {} points committed)", sprint.id(), chosen,
                    committed, sprint.capacityPoints());
        }
    }
}
