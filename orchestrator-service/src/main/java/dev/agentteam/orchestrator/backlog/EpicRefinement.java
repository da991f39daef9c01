package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.task.RefinedStories;

import dev.agentteam.orchestrator.clarification.ClarificationAnswered;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backlog's side of the PO agent's work (docs/adr/po-refinement.md): when {@code po.refine_epic} succeeds its
 * stories are stored (READY, or PROPOSED when stories need a person's acceptance) and the epic is REFINED; when the
 * PO asks a person (CLARIFY) the epic is CLARIFYING until the answer sends it back to REFINING; when the task ends
 * for good the epic is REFINEMENT_FAILED with the reason. Runs after the outcome is committed, in its own
 * transaction (docs/adr/task-dispatch.md).
 */
@Component
class EpicRefinement {

    private static final Logger log = LoggerFactory.getLogger(EpicRefinement.class);

    private final EpicRepository epics;
    private final StoryRepository stories;
    private final ApplicationEventPublisher events;
    private final BacklogProperties settings;
    private final EpicLifecycle lifecycle;
    private final StoryLifecycle storyLifecycle;

    EpicRefinement(EpicRepository epics, StoryRepository stories, ApplicationEventPublisher events,
                   BacklogProperties settings, EpicLifecycle lifecycle, StoryLifecycle storyLifecycle) {
        this.epics = epics;
        this.stories = stories;
        this.events = events;
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.storyLifecycle = storyLifecycle;
    }

    // The condition keeps other tasks' results out of the event publication registry (no row written and deleted).
    @TransactionalEventListener(condition = "#event.type() == '" + Epics.REFINE_TASK + "' and #event.epicId() != null")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskSucceeded event) {
        if (!Epics.REFINE_TASK.equals(event.type()) || event.epicId() == null) {
            return;
        }
        Epic epic = epics.findById(event.epicId()).orElse(null);
        if (epic == null || !epic.refining() || stories.existsBySourceTaskId(event.taskId())) {
            log.info("Ignoring refinement result of task {}: epic {} is not being refined by it", event.taskId(), event.epicId());
            return;
        }
        StoryStatus status = settings.requireStoryAcceptance() ? StoryStatus.PROPOSED : StoryStatus.READY;
        ProposedStories proposed = ProposedStories.from(event.result(RefinedStories.class), status, event.taskId());
        Map<String, Story> byKey = new HashMap<>();
        List<Story> created = new ArrayList<>();
        for (ProposedStories.Proposed story : proposed.stories()) {
            Story saved = stories.save(new Story(epic.id(), story.story()));
            byKey.putIfAbsent(story.key(), saved);
            created.add(saved);
        }
        stories.flush();
        ChangedBy by = ChangedBy.task(event.taskId(), "refined by the PO agent");
        created.forEach(story -> storyLifecycle.created(story.id(), status, by));
        for (int i = 0; i < created.size(); i++) {
            Set<Long> dependsOn = new TreeSet<>();
            for (String key : proposed.stories().get(i).dependsOnKeys()) {
                Story sibling = byKey.get(key);
                if (sibling != null && sibling != created.get(i)) {
                    dependsOn.add(sibling.id());
                }
            }
            created.get(i).dependOn(dependsOn);
        }
        lifecycle.move(epic.id(), EpicStatus.REFINED, by);
        log.info("Epic {} refined into {} {} stories by task {}", epic.id(), created.size(), status, event.taskId());
        if (status == StoryStatus.READY) {
            created.stream().map(Story::view).forEach(story ->
                    events.publishEvent(new StoryReady(story.id(), story.epicId(), story.estimate(), story.priority())));
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskBlocked event) {
        if (Epics.REFINE_TASK.equals(event.type()) && event.epicId() != null) {
            epics.findById(event.epicId()).filter(Epic::refining).ifPresent(epic -> lifecycle.move(epic.id(),
                    EpicStatus.CLARIFYING, ChangedBy.task(event.taskId(), "the PO asked a person")));
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ClarificationAnswered event) {
        if (Epics.REFINE_TASK.equals(event.taskType()) && event.epicId() != null) {
            epics.findById(event.epicId()).filter(epic -> epic.view().status() == EpicStatus.CLARIFYING)
                    .ifPresent(epic -> lifecycle.move(epic.id(), EpicStatus.REFINING,
                            ChangedBy.system("clarification " + event.clarificationId() + " answered")));
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskFailed event) {
        if (Epics.REFINE_TASK.equals(event.type()) && event.epicId() != null) {
            epics.findById(event.epicId()).filter(Epic::refining).ifPresent(epic -> {
                log.warn("Refinement of epic {} failed for good (task {}): {}", epic.id(), event.taskId(), event.error());
                lifecycle.refinementFailed(epic.id(), event.error(), ChangedBy.task(event.taskId(), "refinement failed"));
            });
        }
    }
}
