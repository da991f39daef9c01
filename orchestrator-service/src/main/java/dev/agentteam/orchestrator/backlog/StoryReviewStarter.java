package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A story goes to IN_REVIEW when a pull request for its branch ({@code feature/ISSUE-<id>}) is opened, in the
 * transaction that records the pull request. Stories already done or cancelled stay as they are.
 */
@Component
class StoryReviewStarter {

    private static final Logger log = LoggerFactory.getLogger(StoryReviewStarter.class);

    private final StoryLifecycle lifecycle;

    StoryReviewStarter(StoryLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(ForgeEvent.PullRequestOpened opened) {
        if (opened.storyId() == null) {
            return;
        }
        if (lifecycle.move(opened.storyId(), StoryStatus.IN_REVIEW,
                ChangedBy.system("pull request #" + opened.number() + " of " + opened.repo() + " opened"))) {
            log.info("Story {} is in review: pull request #{} of {}", opened.storyId(), opened.number(), opened.repo());
        }
    }
}
