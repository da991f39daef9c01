package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Set;

import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments, reviews with inline comments, labels and CI results on the embedded forge. */
@Service
public class PullRequestFeedback {

    private final PullRequests pullRequests;
    private final ConversationRecords conversation;
    private final ForgeGit git;
    private final ForgeEvents events;

    PullRequestFeedback(PullRequests pullRequests, ConversationRecords conversation, ForgeGit git, ForgeEvents events) {
        this.pullRequests = pullRequests;
        this.conversation = conversation;
        this.git = git;
        this.events = events;
    }

    @Transactional
    public long comment(RepositoryView repository, int number, String author, String body) {
        PullRequestView pr = pullRequests.get(repository, number);
        long id = conversation.addComment(pr.id(), "comment", author, body, null, null, null);
        events.publish(new ForgeEvent.PullRequestCommented(pr.id(), pr.repo(), number, id, author));
        return id;
    }

    /**
     * One review: the summary, and comments on lines of files in the head commit (422 if a line is not there). A
     * review names the commit its author read ({@code commitSha}); once the head has moved on it is refused (409),
     * so a review never appears to cover code its author did not see.
     */
    @Transactional
    public void review(RepositoryView repository, int number, String commitSha, String author, String summary,
            List<InlineComment> comments) {
        PullRequestView pr = pullRequests.get(repository, number);
        if (commitSha != null && !commitSha.equals(pr.headSha())) {
            throw ApiProblems.conflict("The review is of " + commitSha + " but the head of #" + number + " is now "
                    + pr.headSha() + ": review the new head.");
        }
        for (InlineComment comment : comments) {
            int lines = git.lineCount(repository.name(), pr.headSha(), comment.path());
            if (lines < 0) {
                throw ApiProblems.unprocessable("The head commit " + pr.headSha() + " has no file " + comment.path() + ".");
            }
            if (comment.line() > lines) {
                throw ApiProblems.unprocessable(comment.path() + " has " + lines + " lines; line " + comment.line()
                        + " does not exist.");
            }
        }
        conversation.addComment(pr.id(), "review", author, summary == null ? "" : summary, null, null, pr.headSha());
        for (InlineComment comment : comments) {
            conversation.addComment(pr.id(), "inline", author, comment.body(), comment.path(), comment.line(), pr.headSha());
        }
        events.publish(new ForgeEvent.ReviewSubmitted(pr.id(), pr.repo(), number, pr.headSha(), comments.size(), author));
    }

    @Transactional
    public List<String> addLabels(RepositoryView repository, int number, Set<String> labels) {
        PullRequestView pr = pullRequests.get(repository, number);
        conversation.addLabels(pr.id(), labels);
        return conversation.labels(pr.id());
    }

    /** Records a commit status ({@code kind} status) or check run ({@code kind} check_run) on a commit. */
    @Transactional
    public void reportStatus(RepositoryView repository, String sha, String kind, String context, String state,
            String description, String targetUrl) {
        if (!git.isCommit(repository.name(), sha)) {
            throw ApiProblems.unprocessable("No commit " + sha + " in " + repository.fullName() + ".");
        }
        conversation.addStatus(repository.id(), sha, kind, context, state, description, targetUrl);
        events.publish(new ForgeEvent.CommitStatusChanged(repository.fullName(), sha, kind, context, state, targetUrl));
    }

    /** The latest report per context on {@code sha} of one kind (status or check_run). */
    public List<PullRequestDetails.Status> statuses(RepositoryView repository, String sha, String kind) {
        return conversation.latestStatuses(repository.id(), sha, kind);
    }
}
