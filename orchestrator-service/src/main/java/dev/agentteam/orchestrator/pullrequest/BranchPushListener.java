package dev.agentteam.orchestrator.pullrequest;

import dev.agentteam.orchestrator.forge.BranchPushed;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.history.ChangedBy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A push to an open pull request's head synchronizes it; deleting the head branch closes it. */
@Component
class BranchPushListener {

    private final PullRequestRecords records;
    private final ForgeEvents events;
    private final ForgeStorage storage;
    private final PullRequestLifecycle lifecycle;

    BranchPushListener(PullRequestRecords records, ForgeEvents events, ForgeStorage storage,
                       PullRequestLifecycle lifecycle) {
        this.records = records;
        this.events = events;
        this.storage = storage;
        this.lifecycle = lifecycle;
    }

    @EventListener
    @Transactional
    void on(BranchPushed push) {
        String repo = storage.owner() + "/" + push.repository();
        for (PullRequestRecords.Row row : records.openWithHead(repo, push.branch())) {
            PullRequestView pr = row.view();
            if (push.deleted()) {
                if (lifecycle.move(pr.id(), PullRequestStatus.CLOSED, ChangedBy.system("branch " + pr.head() + " deleted"))) {
                    events.publish(new ForgeEvent.PullRequestClosed(pr.id(), repo, pr.number(), pr.head(), pr.storyId()));
                }
            } else if (!push.newSha().equals(pr.headSha())) {
                records.updateHead(pr.id(), push.newSha());
                events.publish(new ForgeEvent.PullRequestSynchronized(pr.id(), repo, pr.number(), pr.head(),
                        push.newSha(), pr.storyId()));
            }
        }
    }
}
