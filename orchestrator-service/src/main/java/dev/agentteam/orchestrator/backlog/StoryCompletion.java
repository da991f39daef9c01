package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story is DONE when the pull request for its branch is merged (on GitHub or the embedded forge), in the
 * transaction that records the merge. Cancelled stories stay cancelled.
 */
@Component
class StoryCompletion {

    private static final Logger log = LoggerFactory.getLogger(StoryCompletion.class);

    private final JdbcClient jdbc;

    StoryCompletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ForgeEvent.PullRequestMerged merged) {
        if (merged.storyId() == null) {
            return;
        }
        int done = jdbc.sql("""
                update stories set status = 'DONE', done_at = now(), started_at = coalesce(started_at, now()),
                       updated_at = now()
                where id = ? and status in ('READY', 'IN_PROGRESS', 'IN_REVIEW')
                """).param(merged.storyId()).update();
        if (done == 1) {
            log.info("Story {} is done: pull request #{} of {} was merged", merged.storyId(), merged.number(), merged.repo());
        }
    }
}
