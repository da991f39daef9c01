package dev.agentteam.orchestrator.devwork;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.orchestrator.backlog.StoryLifecycle;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The backlog's side of a finished {@code dev.implement_story}: the story is IN_REVIEW and its pull request is
 * recorded in {@code pr_records} — unless the forge recorded it already (same story and number), in which case only
 * the head commit is brought up to date; a task that failed for good leaves the story BLOCKED. Redelivered events
 * change nothing twice.
 */
@Component
class DevResults {

    private static final Logger log = LoggerFactory.getLogger(DevResults.class);

    private final JdbcClient jdbc;
    private final StoryLifecycle stories;
    private final HostedPullRequests pullRequests;

    DevResults(JdbcClient jdbc, StoryLifecycle stories, HostedPullRequests pullRequests) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.pullRequests = pullRequests;
    }

    // The condition keeps other tasks' results out of the event publication registry (no row written and deleted).
    @TransactionalEventListener(condition = "#event.type() == '" + DevDispatch.TYPE + "' and #event.storyId() != null")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskSucceeded event) {
        if (!DevDispatch.TYPE.equals(event.type()) || event.storyId() == null) {
            return;
        }
        StoryDelivered output = event.result(StoryDelivered.class);
        int number = output.prNumber();
        stories.move(event.storyId(), StoryStatus.IN_REVIEW, ChangedBy.task(event.taskId(), "pull request opened"));
        Long repositoryId = jdbc.sql("select e.repository_id from stories s join epics e on e.id = s.epic_id where s.id = ?")
                .param(event.storyId()).query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
        RepositoryTarget repository = taskRepository(event.taskId());
        String repo = text(repository.fullName(), text(repository.name(), "unknown"));
        Long repoId = repositoryId != null ? repositoryId : repository.id();
        pullRequests.reportedByAgent(repoId, repo, event.storyId(), number, text(output.branch(), ""),
                text(output.baseBranch(), "main"), text(output.title(), ""), output.prUrl(), output.headSha(), event.taskId());
        log.info("Story {} is in review with pull request #{} of {}", event.storyId(), number, repo);
    }

    /**
     * A {@code dev.implement_story} that ended for good without a pull request (a failure no retry fixes, or retries
     * used up) leaves its story BLOCKED with the reason: a person decides — re-run the task, change the story, cancel
     * it. Left IN_PROGRESS, the story held a WIP slot for ever, and after as many failures as the WIP limit no story was
     * handed to the Dev agent any more.
     */
    @TransactionalEventListener(condition = "#event.type() == '" + DevDispatch.TYPE + "' and #event.storyId() != null")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskFailed event) {
        if (!DevDispatch.TYPE.equals(event.type()) || event.storyId() == null) {
            return;
        }
        String status = jdbc.sql("select status from stories where id = ?").param(event.storyId()).query(String.class)
                .optional().orElse("");
        if (StoryStatus.IN_PROGRESS.name().equals(status)) {
            stories.move(event.storyId(), StoryStatus.BLOCKED, ChangedBy.task(event.taskId(),
                    "its Dev task ended without a pull request: " + TextCut.head(String.valueOf(event.error()), 300)));
            log.info("Story {} is BLOCKED: its Dev task {} ended without a pull request", event.storyId(), event.taskId());
        }
    }

    /** The repository the task worked on, from its payload (which the Dev agent read as {@link ImplementStory}). */
    private RepositoryTarget taskRepository(long taskId) {
        String payload = jdbc.sql("select payload::text from tasks where id = ?").param(taskId).query(String.class).single();
        ImplementStory story = TaskPayloads.fromJson(payload, ImplementStory.class);
        return story.repository() == null ? new RepositoryTarget(null, null, null, null, null, null, null) : story.repository();
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
