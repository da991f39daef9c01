package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.history.ChangedBy;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/** The backlog's stories: read by other features (sprint planning), added when an epic is refined. */
@Service
@Transactional(readOnly = true)
public class Stories {

    private final StoryRepository stories;
    private final EpicRepository epics;
    private final ApplicationEventPublisher events;
    private final StoryLifecycle lifecycle;
    private final EntityManager entities;

    Stories(StoryRepository stories, EpicRepository epics, ApplicationEventPublisher events, StoryLifecycle lifecycle,
            EntityManager entities) {
        this.stories = stories;
        this.epics = epics;
        this.events = events;
        this.lifecycle = lifecycle;
        this.entities = entities;
    }

    /** The stories with these ids that exist, ordered by id; the caller compares to find the unknown ones. */
    public List<StoryView> find(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : stories.findByIdInOrderByIdAsc(ids).stream().map(Story::view).toList();
    }

    /** The stories of these epics, most urgent first. */
    public List<StoryView> ofEpics(Collection<Long> epicIds) {
        return epicIds.isEmpty() ? List.of()
                : stories.findByEpicIdInOrderByPriorityAscIdAsc(epicIds).stream().map(Story::view).toList();
    }

    /** A person accepts a story the PO proposed: PROPOSED → READY, announced with {@link StoryReady}. */
    @Transactional
    public StoryView accept(long storyId, ChangedBy by) {
        StoryStatus before = find(List.of(storyId)).stream().findFirst().map(StoryView::status)
                .orElseThrow(() -> ApiProblems.notFound("story", storyId));
        if (before != StoryStatus.PROPOSED || !lifecycle.move(storyId, StoryStatus.READY, by)) {
            throw ApiProblems.conflict("Story " + storyId + " is " + before + "; only PROPOSED stories can be accepted.");
        }
        StoryView accepted = reload(storyId);
        events.publishEvent(new StoryReady(accepted.id(), accepted.epicId(), accepted.estimate(), accepted.priority()));
        return accepted;
    }

    /** Adds a story to an epic; a READY story is announced with {@link StoryReady}. */
    @Transactional
    public StoryView add(long epicId, NewStory command) {
        return add(epicId, command, ChangedBy.system("story added"));
    }

    @Transactional
    public StoryView add(long epicId, NewStory command, ChangedBy by) {
        if (!epics.existsById(epicId)) {
            throw ApiProblems.notFound("epic", epicId);
        }
        var known = new HashSet<Long>();
        find(command.dependsOn()).forEach(story -> known.add(story.id()));
        var unknown = command.dependsOn().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblems.unprocessable("depends_on refers to unknown stories " + unknown + ".");
        }
        StoryView story = stories.saveAndFlush(new Story(epicId, command)).view();
        lifecycle.created(story.id(), story.status(), by);
        if (story.status() == StoryStatus.READY) {
            events.publishEvent(new StoryReady(story.id(), epicId, story.estimate(), story.priority()));
        }
        return story;
    }

    /** A person cancels a story (any status but DONE): 404 unknown, 409 when it is DONE or already CANCELLED. */
    @Transactional
    public StoryView cancel(long storyId, ChangedBy by) {
        lifecycle.require(storyId, StoryStatus.CANCELLED, by);
        return reload(storyId);
    }

    // The status is written by SQL: read the row afresh, not from the persistence context.
    private StoryView reload(long storyId) {
        stories.findById(storyId).ifPresent(entities::refresh);
        return stories.findById(storyId).map(Story::view).orElseThrow();
    }
}
