package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story goes to IN_REVIEW when a pull request for its branch ({@code feature/ISSUE-<id>}) is opened, in the
 * transaction that records the pull request. Stories already done or cancelled stay as they are.
 */
@Component
class StoryReviewStarter {

    private static final Logger log = LoggerFactory.getLogger(StoryReviewStarter.class);

    private final JdbcClient jdbc;

    StoryReviewStarter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ForgeEvent.PullRequestOpened opened) {
        if (opened.storyId() == null) {
            return;
        }
        int moved = jdbc.sql("""
                update stories set status = 'IN_REVIEW', started_at = coalesce(started_at, now()), updated_at = now()
                where id = ? and status in ('PROPOSED', 'READY', 'IN_PROGRESS')
                """).param(opened.storyId()).update();
        if (moved == 1) {
            log.info("Story {} is in review: pull request #{} of {}", opened.storyId(), opened.number(), opened.repo());
        }
    }
}
