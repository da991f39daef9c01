package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The work of a cancelled story stops with it: its unfinished tasks are cancelled, so a queued one never runs, a
 * retry is not made, a question no longer waits, and a late result of a running one is ignored.
 */
@Component
class CancelledStoryWork {

    private static final Logger log = LoggerFactory.getLogger(CancelledStoryWork.class);

    private final Tasks tasks;

    CancelledStoryWork(Tasks tasks) {
        this.tasks = tasks;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(StoryMoved event) {
        if (event.to() == StoryStatus.CANCELLED) {
            List<TaskView> cancelled = tasks.cancelForStory(event.storyId(), "story " + event.storyId() + " was cancelled");
            if (!cancelled.isEmpty()) {
                log.info("story {} cancelled: cancelled its tasks {}", event.storyId(), cancelled.stream().map(TaskView::id).toList());
            }
        }
    }
}
