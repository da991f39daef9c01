package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.mergegate.MergeCompleted;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A story is DONE when the pull request for its branch is merged (on GitHub or the embedded forge), in the
 * transaction that records the merge: done_at closes its lead time and cycle time. Cancelled stories stay
 * cancelled. A merge through the merge gate counts at once, also on GitHub before its webhook arrives.
 */
@Component
class StoryCompletion {

    private static final Logger log = LoggerFactory.getLogger(StoryCompletion.class);

    private final StoryLifecycle lifecycle;

    StoryCompletion(StoryLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(ForgeEvent.PullRequestMerged merged) {
        if (merged.storyId() != null && lifecycle.move(merged.storyId(), StoryStatus.DONE,
                ChangedBy.system("pull request #" + merged.number() + " of " + merged.repo() + " merged"))) {
            log.info("Story {} is done: pull request #{} of {} was merged", merged.storyId(), merged.number(), merged.repo());
        }
    }

    @EventListener
    void on(MergeCompleted merged) {
        if (merged.storyId() != null && lifecycle.move(merged.storyId(), StoryStatus.DONE,
                ChangedBy.user(merged.mergedBy(), "merged pull request " + merged.pullRequestId()))) {
            log.info("Story {} is done: pull request {} merged by user {}", merged.storyId(), merged.pullRequestId(),
                    merged.mergedBy());
        }
    }
}
