package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A story BLOCKED because its pull request used up its change rounds goes back to IN_REVIEW when a person resumed a
 * round ({@code /agent retry}, or the task API) and that round succeeded: the new head is reviewed and checked again.
 */
@Component
class StoryRoundResume {

    private static final Logger log = LoggerFactory.getLogger(StoryRoundResume.class);
    private static final Set<String> ROUNDS = Set.of(TaskType.DEV_ADDRESS_REVIEW.key(), TaskType.DEV_FIX_REGRESSION.key());

    private final StoryLifecycle lifecycle;

    StoryRoundResume(StoryLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(TaskSucceeded succeeded) {
        if (succeeded.storyId() == null || !ROUNDS.contains(succeeded.type())) {
            return;
        }
        if (lifecycle.move(succeeded.storyId(), StoryStatus.IN_REVIEW,
                ChangedBy.task(succeeded.taskId(), "a resumed change round pushed a new head"))) {
            log.info("Story {} resumed: change round task {} succeeded", succeeded.storyId(), succeeded.taskId());
        }
    }
}
