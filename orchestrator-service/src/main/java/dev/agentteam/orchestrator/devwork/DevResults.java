package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.backlog.StoryLifecycle;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backlog's side of a finished {@code dev.implement_story}: the story is IN_REVIEW and its pull request is
 * recorded in {@code pr_records} — unless the forge recorded it already (same story and number), in which case only
 * the head commit is brought up to date. Redelivered events change nothing twice.
 */
@Component
class DevResults {

    private static final Logger log = LoggerFactory.getLogger(DevResults.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        Map<String, Object> output = event.output();
        if (!(output.get("pr_number") instanceof Number number)) {
            log.warn("Dev task {} succeeded without a pr_number; story {} left as it is", event.taskId(), event.storyId());
            return;
        }
        stories.move(event.storyId(), StoryStatus.IN_REVIEW, ChangedBy.task(event.taskId(), "pull request opened"));
        Long repositoryId = jdbc.sql("select e.repository_id from stories s join epics e on e.id = s.epic_id where s.id = ?")
                .param(event.storyId()).query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
        Map<?, ?> repository = taskRepository(event.taskId());
        String repo = text(repository.get("full_name"), text(repository.get("name"), "unknown"));
        Long repoId = repositoryId != null ? repositoryId
                : repository.get("id") instanceof Number id ? id.longValue() : null;
        pullRequests.reportedByAgent(repoId, repo, event.storyId(), number.intValue(), text(output.get("branch"), ""),
                text(output.get("base_branch"), "main"), text(output.get("title"), ""),
                output.get("pr_url") == null ? null : output.get("pr_url").toString(),
                output.get("head_sha") == null ? null : output.get("head_sha").toString(), event.taskId());
        log.info("Story {} is in review with pull request #{} of {}", event.storyId(), number, repo);
    }

    private Map<?, ?> taskRepository(long taskId) {
        String payload = jdbc.sql("select payload::text from tasks where id = ?").param(taskId).query(String.class).single();
        Object repository = JSON.readValue(payload, Map.class).get("repository");
        return repository instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
