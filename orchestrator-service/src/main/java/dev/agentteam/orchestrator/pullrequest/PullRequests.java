package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeUrls;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.history.StatusChange;
import dev.agentteam.orchestrator.history.StatusHistory;
import dev.agentteam.orchestrator.history.Subject;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pull requests of the embedded forge: opened by agents, merged only through the merge gate. */
@Service
public class PullRequests {

    private static final Pattern STORY_BRANCH = Pattern.compile("feature/ISSUE-(\\d{1,18})");

    private final PullRequestRecords records;
    private final ConversationRecords conversation;
    private final ForgeGit git;
    private final ForgeEvents events;
    private final ForgeUrls urls;
    private final PullRequestLifecycle lifecycle;
    private final StatusHistory statusHistory;

    PullRequests(PullRequestRecords records, ConversationRecords conversation, ForgeGit git, ForgeEvents events,
            ForgeUrls urls, PullRequestLifecycle lifecycle, StatusHistory statusHistory) {
        this.records = records;
        this.conversation = conversation;
        this.git = git;
        this.events = events;
        this.urls = urls;
        this.lifecycle = lifecycle;
        this.statusHistory = statusHistory;
    }

    /** Newest first; {@code status} OPEN, MERGED, CLOSED or null for all. */
    public List<PullRequestView> list(String status) {
        return records.list(status);
    }

    public Optional<PullRequestView> find(long id) {
        return records.find(id).map(PullRequestRecords.Row::view);
    }

    public Optional<PullRequestDetails> details(long id) {
        return records.find(id).map(PullRequestRecords.Row::view).map(pr -> new PullRequestDetails(pr,
                conversation.comments(pr.id()), conversation.labels(pr.id()),
                pr.repositoryId() == null || pr.headSha() == null ? List.of()
                        : conversation.latestStatuses(pr.repositoryId(), pr.headSha(), null)));
    }

    /** The unified diff base...head; after a merge, against the base as it was just before the merge. */
    public Optional<String> diff(long id, String repositoryName) {
        return records.find(id).map(row -> {
            PullRequestView pr = row.view();
            String baseSha = row.baseShaAtMerge() != null ? row.baseShaAtMerge()
                    : git.branchSha(repositoryName, pr.base()).orElseThrow(() -> ApiProblems.conflict(
                            "The base branch " + pr.base() + " no longer exists."));
            return git.diff(repositoryName, baseSha, pr.headSha());
        });
    }

    public Optional<PullRequestView> findOpen(RepositoryView repository, String head) {
        return records.findOpen(repository.fullName(), head).map(PullRequestRecords.Row::view);
    }

    public PullRequestView get(RepositoryView repository, int number) {
        return records.find(repository.fullName(), number).map(PullRequestRecords.Row::view)
                .orElseThrow(() -> ApiProblems.notFound("pull request in " + repository.fullName(), number));
    }

    /** Opens a pull request, or returns the one already open for {@code head}. */
    @Transactional
    public PullRequestView open(RepositoryView repository, String head, String base, String title, String body) {
        Optional<PullRequestView> existing = findOpen(repository, head);
        if (existing.isPresent()) {
            return existing.get();
        }
        String headSha = git.branchSha(repository.name(), head).orElseThrow(() -> ApiProblems.unprocessable(
                "Branch " + head + " does not exist in " + repository.fullName() + "; push it first."));
        if (git.branchSha(repository.name(), base).isEmpty()) {
            throw ApiProblems.unprocessable("Base branch " + base + " does not exist in " + repository.fullName() + ".");
        }
        if (head.equals(base)) {
            throw ApiProblems.unprocessable("A pull request needs a head branch other than its base " + base + ".");
        }
        Optional<Long> inserted = Optional.empty();
        for (int attempt = 0; attempt < 3 && inserted.isEmpty(); attempt++) {
            inserted = records.insert(repository.id(), repository.fullName(), head, base, title, body, headSha,
                    storyId(head));
            if (inserted.isEmpty()) {
                Optional<PullRequestView> concurrent = findOpen(repository, head);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
        }
        long id = inserted.orElseThrow(() -> ApiProblems.conflict("Could not number the pull request for " + head
                + " (concurrent requests); retry."));
        records.setUrl(id, urls.pullRequestUrl(id));
        lifecycle.created(id, ChangedBy.system("opened for " + head));
        PullRequestView pr = find(id).orElseThrow();
        events.publish(new ForgeEvent.PullRequestOpened(pr.id(), pr.repo(), pr.number(), head, headSha, pr.storyId()));
        return pr;
    }

    /**
     * Merges the pull request if its head is still {@code expectedHeadSha}. Only the merge gate (a person's
     * approval) calls this; the forge API refuses it to every token.
     */
    @Transactional
    public PullRequestView merge(RepositoryView repository, int number, String expectedHeadSha, MergeMethod method) {
        PullRequestView pr = get(repository, number);
        if (!pr.open()) {
            throw ApiProblems.conflict("Pull request #" + number + " is " + pr.status() + ", not open.");
        }
        String head = git.branchSha(repository.name(), pr.head()).orElse(pr.headSha());
        if (expectedHeadSha == null || !expectedHeadSha.equals(head) || !expectedHeadSha.equals(pr.headSha())) {
            throw ApiProblems.conflict("The head of pull request #" + number + " is " + head + ", not "
                    + expectedHeadSha + "; review the new commits first.");
        }
        String baseSha = git.branchSha(repository.name(), pr.base()).orElseThrow(() -> ApiProblems.conflict(
                "The base branch " + pr.base() + " no longer exists."));
        String mergeSha = git.merge(repository.name(), pr.base(), head, method == null ? MergeMethod.MERGE : method,
                "Merge pull request #" + number + " from " + pr.head() + "\n\n" + pr.title());
        if (!records.recordMerge(pr.id(), head, baseSha, mergeSha)
                || !lifecycle.move(pr.id(), PullRequestStatus.MERGED, ChangedBy.system("merged into " + pr.base()))) {
            throw ApiProblems.conflict("Pull request #" + number + " changed during the merge.");
        }
        events.publish(new ForgeEvent.PullRequestMerged(pr.id(), pr.repo(), number, pr.head(), head, mergeSha,
                pr.storyId()));
        return find(pr.id()).orElseThrow();
    }

    static Long storyId(String branch) {
        Matcher matcher = STORY_BRANCH.matcher(branch);
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
    }

    /**
     * The merge gate records who merged: MERGED (a GitHub merge is recorded here before its webhook arrives) and
     * {@code merged_by} when no one is recorded yet. False when the PR is neither open nor merged without a merger.
     */
    @Transactional
    public boolean mergedBy(long id, long userId) {
        boolean moved = lifecycle.move(id, PullRequestStatus.MERGED, ChangedBy.user(userId, "merged through the merge gate"));
        return records.setMergedBy(id, userId) || moved;
    }

    /** The pull request's status changes, oldest first. */
    public List<StatusChange> history(long id) {
        return statusHistory.of(Subject.PULL_REQUEST, id);
    }
}
