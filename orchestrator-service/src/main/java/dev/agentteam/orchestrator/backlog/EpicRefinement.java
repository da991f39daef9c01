package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backlog's side of the PO agent's work: when {@code po.refine_epic} succeeds its stories are stored and the
 * epic is REFINED; when the PO asks a human (CLARIFY) the epic is CLARIFYING. Runs after the task's outcome is
 * committed, in its own transaction (docs/adr/task-dispatch.md).
 */
@Component
class EpicRefinement {

    private static final Logger log = LoggerFactory.getLogger(EpicRefinement.class);

    private final EpicRepository epics;
    private final StoryRepository stories;
    private final ApplicationEventPublisher events;

    EpicRefinement(EpicRepository epics, StoryRepository stories, ApplicationEventPublisher events) {
        this.epics = epics;
        this.stories = stories;
        this.events = events;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskSucceeded event) {
        if (!Epics.REFINE_TASK.equals(event.type()) || event.epicId() == null) {
            return;
        }
        Epic epic = epics.findById(event.epicId()).orElse(null);
        if (epic == null || !epic.refining()) {
            log.info("Ignoring refinement result of task {}: epic {} is not being refined", event.taskId(), event.epicId());
            return;
        }
        ProposedStories proposed = ProposedStories.from(event.output());
        List<Story> created = new ArrayList<>();
        for (NewStory story : proposed.stories()) {
            created.add(story == null ? null : stories.save(new Story(epic.id(), story)));
        }
        stories.flush();
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i) != null) {
                Set<Long> dependsOn = new TreeSet<>();
                for (int position : proposed.dependsOnPositions().get(i)) {
                    if (position >= 0 && position < created.size() && position != i && created.get(position) != null) {
                        dependsOn.add(created.get(position).id());
                    }
                }
                created.get(i).dependOn(dependsOn);
            }
        }
        epic.refined();
        log.info("Epic {} refined into {} stories by task {}", epic.id(),
                created.stream().filter(s -> s != null).count(), event.taskId());
        created.stream().filter(s -> s != null).map(Story::view).forEach(story ->
                events.publishEvent(new StoryReady(story.id(), story.epicId(), story.estimate(), story.priority())));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskBlocked event) {
        if (Epics.REFINE_TASK.equals(event.type()) && event.epicId() != null) {
            epics.findById(event.epicId()).filter(Epic::refining).ifPresent(Epic::awaitClarification);
        }
    }
}
