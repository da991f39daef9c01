package dev.agentteam.orchestrator.quality;

import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The change rounds of one pull request ({@code dev.address_review}, {@code dev.fix_regression} tasks), oldest first. */
@Component
public class ChangeRoundTasks {

    private static final Set<String> ROUND_TYPES = Set.of(TaskType.DEV_ADDRESS_REVIEW.key(), TaskType.DEV_FIX_REGRESSION.key());

    private final Tasks tasks;

    ChangeRoundTasks(Tasks tasks) {
        this.tasks = tasks;
    }

    public List<TaskView> of(long prId, Long storyId) {
        if (storyId == null) {
            return List.of();
        }
        return tasks.forStory(storyId).stream()
                .filter(task -> ROUND_TYPES.contains(task.type()) && forPullRequest(task, prId))
                .toList();
    }

    private static boolean forPullRequest(TaskView task, long prId) {
        return task.payload().get("pull_request") instanceof Map<?, ?> pr && pr.get("id") instanceof Number id
                && id.longValue() == prId;
    }
}
