package dev.agentteam.orchestrator.notification;

import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.quality.ChangeRoundsExhausted;
import dev.agentteam.orchestrator.pullrequest.PullRequestDetails;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What people are told about: a pull request that waits for a human (CI green and review done, on GitHub or the
 * embedded forge), announced once per head commit; one that used up its change rounds; a task blocked on
 * questions (a clarification); and a story whose Dev task ended without a pull request. Reacts only
 * to committed changes and decides on the notification thread, never in the transaction that caused it.
 */
@Component
class NotificationTriggers {

    private static final Set<String> REVIEW_DONE = Set.of("APPROVED", "COMMENTED");

    private final Notifications notifications;
    private final PullRequests pullRequests;
    private final JdbcClient jdbc;

    NotificationTriggers(Notifications notifications, PullRequests pullRequests, JdbcClient jdbc) {
        this.notifications = notifications;
        this.pullRequests = pullRequests;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TaskBlocked blocked) {
        notifications.run(() -> notifications.send("Clarification needed: task " + blocked.taskId() + " ("
                + blocked.type() + (blocked.storyId() != null ? ", story " + blocked.storyId()
                : blocked.epicId() != null ? ", epic " + blocked.epicId() : "") + ") asks:\n"
                + blocked.questions().stream().map(question -> "• " + question).collect(Collectors.joining("\n"))
                + "\nAnswer it in the clarification inbox."));
    }

    /** A story's Dev task ended without a pull request: the story is BLOCKED until a person acts (DevResults). */
    @TransactionalEventListener(fallbackExecution = true,
            condition = "#failed.type() == 'dev.implement_story' and #failed.storyId() != null")
    void on(TaskFailed failed) {
        notifications.run(() -> {
            String title = jdbc.sql("select title from stories where id = ?").param(failed.storyId()).query(String.class)
                    .optional().orElse("");
            notifications.send("Story " + failed.storyId() + " \"" + title + "\" is blocked: its Dev task " + failed.taskId()
                    + " ended without a pull request: " + TextCut.head(String.valueOf(failed.error()), 300)
                    + "\nRun it again from the backlog (\"Run the Dev task again\"), change the story, or cancel it.");
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChangeRoundsExhausted exhausted) {
        notifications.run(() -> pullRequests.find(exhausted.prId()).ifPresent(pr -> notifications.send("Pull request "
                + pr.repo() + "#" + pr.number() + " \"" + pr.title() + "\" needs a human. " + exhausted.reason()
                + (pr.url() == null ? "" : "\n" + pr.url()))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ForgeEvent.ReviewSubmitted review) {
        notifications.run(() -> pullRequests.details(review.prId()).ifPresent(this::announceIfReady));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ForgeEvent.CommitStatusChanged status) {
        notifications.run(() -> pullRequests.list("OPEN").stream()
                .filter(pr -> pr.repo().equals(status.repo()) && status.sha().equals(pr.headSha()))
                .forEach(pr -> pullRequests.details(pr.id()).ifPresent(this::announceIfReady)));
    }

    private void announceIfReady(PullRequestDetails details) {
        PullRequestView pr = details.pullRequest();
        if (!pr.open() || !ciGreen(details) || !reviewDone(details) || !firstTime("pr-ready:" + pr.id() + ":" + pr.headSha())) {
            return;
        }
        notifications.send("Pull request " + pr.repo() + "#" + pr.number() + " \"" + pr.title() + "\" waits for your "
                + "approval: CI is green and the review is done." + (pr.url() == null ? "" : "\n" + pr.url()));
    }

    /** GitHub pull requests carry their CI verdict; the embedded forge's are read from its status reports. */
    private static boolean ciGreen(PullRequestDetails details) {
        String ci = details.pullRequest().ciStatus();
        if (!"PENDING".equals(ci)) {
            return "SUCCESS".equals(ci);
        }
        return !details.statuses().isEmpty()
                && details.statuses().stream().allMatch(status -> "SUCCESS".equals(status.state()));
    }

    /** A recorded verdict decides; without one, a review summary on the head commit (the embedded forge's). */
    private static boolean reviewDone(PullRequestDetails details) {
        PullRequestView pr = details.pullRequest();
        if (!"PENDING".equals(pr.reviewStatus())) {
            return REVIEW_DONE.contains(pr.reviewStatus());
        }
        return details.comments().stream()
                .anyMatch(comment -> "review".equals(comment.kind()) && pr.headSha() != null
                        && pr.headSha().equals(comment.commitSha()));
    }

    private boolean firstTime(String key) {
        return jdbc.sql("insert into notifications_sent (key) values (?) on conflict (key) do nothing")
                .param(key).update() == 1;
    }
}
