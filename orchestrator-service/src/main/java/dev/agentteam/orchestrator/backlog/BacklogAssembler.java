package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.backlog.BacklogResponses.EpicResponse;
import dev.agentteam.orchestrator.backlog.BacklogResponses.StoryResponse;
import dev.agentteam.orchestrator.backlog.BacklogResponses.TaskResponse;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Puts epics together with their stories and tasks for the API. */
@Component
class BacklogAssembler {

    private final Stories stories;
    private final Tasks tasks;

    BacklogAssembler(Stories stories, Tasks tasks) {
        this.stories = stories;
        this.tasks = tasks;
    }

    List<EpicResponse> assemble(List<EpicView> epics) {
        Map<Long, List<StoryView>> storiesByEpic = stories.ofEpics(epics.stream().map(EpicView::id).toList())
                .stream().collect(Collectors.groupingBy(StoryView::epicId));
        return epics.stream().map(epic -> assemble(epic, storiesByEpic.getOrDefault(epic.id(), List.of()))).toList();
    }

    private EpicResponse assemble(EpicView epic, List<StoryView> epicStories) {
        List<TaskView> epicTasks = tasks.forEpic(epic.id()).stream()
                .sorted(Comparator.comparingLong(TaskView::id)).toList();
        Map<Long, List<TaskResponse>> tasksByStory = epicTasks.stream().filter(task -> task.storyId() != null)
                .collect(Collectors.groupingBy(TaskView::storyId,
                        Collectors.mapping(TaskResponse::of, Collectors.toList())));
        List<StoryResponse> storyResponses = epicStories.stream()
                .map(story -> StoryResponse.of(story, tasksByStory.getOrDefault(story.id(), List.of()))).toList();
        List<TaskResponse> epicLevel = epicTasks.stream().filter(task -> Objects.isNull(task.storyId()))
                .map(TaskResponse::of).toList();
        return new EpicResponse(epic.id(), epic.title(), epic.description(), epic.ownerId(), epic.repositoryId(),
                epic.status(), epic.createdAt(), epic.refinedAt(), epic.doneAt(), epic.refinementError(), storyResponses,
                epicLevel);
    }
}
