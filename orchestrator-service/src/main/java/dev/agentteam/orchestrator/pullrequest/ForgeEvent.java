package dev.agentteam.orchestrator.pullrequest;

/**
 * What happened on a forge, in one shape for the embedded forge and (later) GitHub webhooks. Each event names the
 * GitHub webhook event and action it corresponds to, so both are recorded in {@code webhook_deliveries} alike.
 * {@code repo} is the repository's {@code owner/name}; {@code storyId} is null when the branch names no story.
 */
public sealed interface ForgeEvent {

    String repo();

    /** The GitHub webhook event name ({@code X-GitHub-Event}). */
    String event();

    /** The webhook payload's {@code action}, or null for events without one. */
    String action();

    record PullRequestOpened(long prId, String repo, int number, String head, String sha, Long storyId)
            implements ForgeEvent {
        public String event() { return "pull_request"; }
        public String action() { return "opened"; }
    }

    /** New commits were pushed to an open pull request's head branch. */
    record PullRequestSynchronized(long prId, String repo, int number, String head, String sha, Long storyId)
            implements ForgeEvent {
        public String event() { return "pull_request"; }
        public String action() { return "synchronize"; }
    }

    /** Closed without merging (its head branch was deleted). */
    record PullRequestClosed(long prId, String repo, int number, String head, Long storyId) implements ForgeEvent {
        public String event() { return "pull_request"; }
        public String action() { return "closed"; }
    }

    record PullRequestMerged(long prId, String repo, int number, String head, String sha, String mergeSha,
            Long storyId) implements ForgeEvent {
        public String event() { return "pull_request"; }
        public String action() { return "closed"; }
    }

    record PullRequestCommented(long prId, String repo, int number, long commentId, String author)
            implements ForgeEvent {
        public String event() { return "issue_comment"; }
        public String action() { return "created"; }
    }

    /** A review with a summary and {@code inlineComments} comments on lines of the head commit. */
    record ReviewSubmitted(long prId, String repo, int number, String sha, int inlineComments, String author)
            implements ForgeEvent {
        public String event() { return "pull_request_review"; }
        public String action() { return "submitted"; }
    }

    /** A commit status ({@code kind} status) or check run ({@code kind} check_run) was reported. */
    record CommitStatusChanged(String repo, String sha, String kind, String context, String state, String targetUrl)
            implements ForgeEvent {
        public String event() { return "check_run".equals(kind) ? "check_run" : "status"; }
        public String action() { return "check_run".equals(kind) ? "completed" : null; }
    }
}
