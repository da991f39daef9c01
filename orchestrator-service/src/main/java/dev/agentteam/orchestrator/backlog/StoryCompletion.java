package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.mergegate.MergeCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story is DONE when its pull request is merged through the merge gate, in the same transaction: done_at
 * closes its lead time (from created_at) and cycle time (from started_at).
 */
@Component
class StoryCompletion {

    private static final Logger log = LoggerFactory.getLogger(StoryCompletion.class);

    private final JdbcClient jdbc;

    StoryCompletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MergeCompleted merged) {
        if (merged.storyId() == null) {
            return;
        }
        int done = jdbc.sql("""
                update stories set status = 'DONE', done_at = now(), started_at = coalesce(started_at, now()),
                       updated_at = now()
                where id = ? and status not in ('DONE', 'CANCELLED')""").param(merged.storyId()).update();
        if (done == 1) {
            log.info("Story {} is done: pull request {} merged by user {}", merged.storyId(), merged.pullRequestId(),
                    merged.mergedBy());
        }
    }
}
