package dev.agentteam.orchestrator.webhook;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.task.Assignee;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.agentteam.orchestrator.webhook.GitHubPayloads.number;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.repo;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.text;

/**
 * issue_comment on a pull request: the comment is recorded, and {@code /agent review} or {@code /agent retry} on
 * its first line is a command, obeyed only from people with write access (GitHub's author_association).
 */
@Component
class CommentCommandHandler {

    private static final Pattern COMMAND = Pattern.compile("^\\s*/agent\\s+(\\S+)");
    private static final Set<String> WRITERS = Set.of("OWNER", "MEMBER", "COLLABORATOR");

    private final HostedPullRequests pullRequests;
    private final Tasks tasks;

    CommentCommandHandler(HostedPullRequests pullRequests, Tasks tasks) {
        this.pullRequests = pullRequests;
        this.tasks = tasks;
    }

    String issueComment(String action, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        if (issue.path("pull_request").isMissingNode() || issue.path("pull_request").isNull()) {
            return "ignored: comment on issue #" + number(issue, "number") + ", not on a pull request";
        }
        if (!"created".equals(action)) {
            return "ignored: issue_comment action " + action + " is not handled";
        }
        JsonNode comment = payload.path("comment");
        String author = text(comment.path("user"), "login");
        String body = text(comment, "body");
        Optional<PullRequestView> known = pullRequests.find(repo(payload), number(issue, "number"));
        if (known.isEmpty()) {
            return "ignored: comment by " + author + " on " + repo(payload) + "#" + number(issue, "number")
                    + ", a pull request the orchestrator has no record of";
        }
        PullRequestView pr = known.get();
        pullRequests.commented(pr, author, body, null, null, null);
        Matcher command = COMMAND.matcher(body == null ? "" : body);
        if (!command.find()) {
            return "comment by " + author + " on pull request #" + pr.number() + " recorded";
        }
        String association = text(comment, "author_association");
        if (!WRITERS.contains(association)) {
            return "refused: /agent " + command.group(1) + " from " + author + " (" + association
                    + "); commands need write access (OWNER, MEMBER or COLLABORATOR)";
        }
        return switch (command.group(1)) {
            case "review" -> review(pr, payload, author);
            case "retry" -> retry(pr);
            default -> "ignored: unknown command /agent " + command.group(1) + " (known: review, retry)";
        };
    }

    private String review(PullRequestView pr, JsonNode payload, String author) {
        // the same shape as the reviews the orchestrator queues itself, so the Review agent reads it (it did not before)
        var repository = new RepositoryTarget(pr.repositoryId(), null, text(payload.path("repository"), "clone_url"),
                "github", pr.repo(), null, null);
        var task = new QualityTask.ReviewPullRequest(repository, pr.taskTarget(), pr.storyId(), null, null, author);
        TaskView created = tasks.create(new NewTask(TaskType.REVIEW_PR, null, pr.storyId(), task));
        return "/agent review by " + author + ": task " + created.id() + " (review.review_pr) queued for pull request #"
                + pr.number();
    }

    /** Re-queues the story's most recent failed task: a FAILED one as it is, a dead one as a fresh task. */
    private String retry(PullRequestView pr) {
        if (pr.storyId() == null) {
            return "refused: /agent retry on pull request #" + pr.number() + ", which belongs to no story";
        }
        Optional<TaskView> failed = tasks.forStory(pr.storyId()).stream()
                .filter(task -> task.status() == TaskState.FAILED || task.status() == TaskState.DEAD)
                .max(Comparator.comparing(TaskView::createdAt).thenComparing(TaskView::id));
        if (failed.isEmpty()) {
            return "ignored: /agent retry; story " + pr.storyId() + " has no failed task";
        }
        TaskView task = failed.get();
        if (task.assignedTo().startsWith("human:")) {
            return "refused: /agent retry; task " + task.id() + " is assigned to " + task.assignedTo();
        }
        AgentRole role = AgentRole.fromKey(task.assignedTo());
        if (task.status() == TaskState.FAILED) {
            tasks.assign(task.id(), Assignee.agent(role));
            return "/agent retry: failed task " + task.id() + " (" + task.type() + ") re-queued";
        }
        Map<String, Object> payload = new LinkedHashMap<>(task.payload());
        payload.put("retry_of", task.id());
        TaskView fresh = tasks.create(new NewTask(task.type(), role, task.epicId(), task.storyId(), payload));
        return "/agent retry: dead task " + task.id() + " (" + task.type() + ") queued again as task " + fresh.id();
    }
}
