package dev.agentteam.common.codehost;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHCommitStatus;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CodeHost} on the GitHub REST API (org.kohsuke github-api), failing fast on rate limits. */
public class GitHubCodeHost implements CodeHost {

    private static final Logger log = LoggerFactory.getLogger(GitHubCodeHost.class);

    private final GitHub github;

    public GitHubCodeHost(GitHubProperties properties) {
        this(properties, Clock.systemUTC());
    }

    GitHubCodeHost(GitHubProperties properties, Clock clock) {
        this.github = GitHubClients.connect(properties, clock);
    }

    @Override
    public RepositoryInfo repository(RepositoryRef repository) {
        GHRepository repo = GitHubResults.call("read repository " + repository, () -> github.getRepository(repository.fullName()));
        return new RepositoryInfo(repository, repo.getDefaultBranch(), repo.getHttpTransportUrl(),
                String.valueOf(repo.getHtmlUrl()), repo.isPrivate());
    }

    @Override
    public void createBranch(RepositoryRef repository, String branch, String sha) {
        GHRepository repo = repo(repository);
        try {
            repo.createRef("refs/heads/" + branch, sha);
        } catch (HttpException e) {
            if (e.getResponseCode() != 422) {
                throw GitHubResults.failure("create branch " + branch + " in " + repository, e);
            }
            GHRef existing = GitHubResults.call("read branch " + branch, () -> repo.getRef("heads/" + branch));
            if (!sha.equals(existing.getObject().getSha())) {
                throw new CodeHostException("branch " + branch + " already exists in " + repository + " at "
                        + existing.getObject().getSha() + ", not " + sha, 422);
            }
        } catch (IOException e) {
            throw GitHubResults.failure("create branch " + branch + " in " + repository, e);
        }
    }

    @Override
    public Optional<PullRequest> findOpenPullRequest(RepositoryRef repository, String head) {
        GHRepository repo = repo(repository);
        List<GHPullRequest> open = GitHubResults.call("list pull requests of " + repository, () -> repo.queryPullRequests()
                .state(GHIssueState.OPEN).head(repository.owner() + ":" + head).list().toList());
        return open.stream().findFirst().map(GitHubResults::pullRequest);
    }

    @Override
    public PullRequest openPullRequest(RepositoryRef repository, NewPullRequest request) {
        Optional<PullRequest> existing = findOpenPullRequest(repository, request.head());
        if (existing.isPresent()) {
            return existing.get();
        }
        GHRepository repo = repo(repository);
        try {
            GHPullRequest created = repo.createPullRequest(request.title(), request.head(), request.base(),
                    request.body(), true, request.draft());
            log.info("Opened pull request #{} in {} for {}", created.getNumber(), repository, request.head());
            return GitHubResults.pullRequest(created);
        } catch (HttpException e) {
            // a concurrent attempt may have opened it between our look-up and the create
            if (e.getResponseCode() == 422) {
                return findOpenPullRequest(repository, request.head()).orElseThrow(() -> GitHubResults.failure("open pull request", e));
            }
            throw GitHubResults.failure("open pull request for " + request.head() + " in " + repository, e);
        } catch (IOException e) {
            throw GitHubResults.failure("open pull request for " + request.head() + " in " + repository, e);
        }
    }

    @Override
    public void comment(RepositoryRef repository, int number, String body) {
        GHRepository repo = repo(repository);
        GitHubResults.call("comment on #" + number + " in " + repository, () -> repo.getIssue(number).comment(body));
    }

    @Override
    public void reviewComments(RepositoryRef repository, int number, String commitSha, String summary,
            List<InlineComment> comments) {
        GHRepository repo = repo(repository);
        GitHubResults.call("review #" + number + " in " + repository, () -> {
            GHPullRequest pr = repo.getPullRequest(number);
            GHPullRequestReviewBuilder review = pr.createReview().commitId(commitSha)
                    .event(GHPullRequestReviewEvent.COMMENT).body(summary == null ? "" : summary);
            comments.forEach(c -> review.singleLineComment(c.body(), c.path(), c.line()));
            return review.create();
        });
    }

    @Override
    public void addLabels(RepositoryRef repository, int number, Set<String> labels) {
        GHRepository repo = repo(repository);
        GitHubResults.call("label #" + number + " in " + repository,
                () -> repo.getIssue(number).addLabels(labels.toArray(String[]::new)));
    }

    @Override
    public List<CommitCheck> commitStatuses(RepositoryRef repository, String sha) {
        GHRepository repo = repo(repository);
        List<GHCommitStatus> statuses = GitHubResults.call("read statuses of " + sha, () -> repo.listCommitStatuses(sha).toList());
        // GitHub lists newest first; the first per context is the one that counts
        Map<String, CommitCheck> latest = new LinkedHashMap<>();
        for (GHCommitStatus status : statuses) {
            latest.putIfAbsent(status.getContext(),
                    new CommitCheck(status.getContext(), GitHubResults.state(status.getState()), status.getTargetUrl()));
        }
        return new ArrayList<>(latest.values());
    }

    @Override
    public List<CommitCheck> checkRuns(RepositoryRef repository, String sha) {
        GHRepository repo = repo(repository);
        List<GHCheckRun> runs = GitHubResults.call("read check runs of " + sha, () -> repo.getCheckRuns(sha).toList());
        return runs.stream().map(run -> new CommitCheck(run.getName(), GitHubResults.state(run),
                run.getDetailsUrl() == null ? null : run.getDetailsUrl().toString())).toList();
    }

    @Override
    public void setCommitStatus(RepositoryRef repository, String sha, String context, CiState state, String description,
                                String targetUrl) {
        GHRepository repo = repo(repository);
        GHCommitState ghState = switch (state) {
            case PENDING -> GHCommitState.PENDING;
            case SUCCESS -> GHCommitState.SUCCESS;
            case FAILURE -> GHCommitState.FAILURE;
        };
        // GitHub refuses descriptions longer than 140 characters
        String text = description == null ? "" : description.length() <= 140 ? description : description.substring(0, 139) + "…";
        GitHubResults.call("set status " + context + " on " + sha, () -> repo.createCommitStatus(sha, ghState, targetUrl, text, context));
    }

    @Override
    public void merge(RepositoryRef repository, int number, String expectedHeadSha, MergeMethod method) {
        GHRepository repo = repo(repository);
        GitHubResults.call("merge #" + number + " in " + repository, () -> {
            GHPullRequest pr = repo.getPullRequest(number);
            pr.merge(pr.getTitle(), expectedHeadSha, GHPullRequest.MergeMethod.valueOf(method.name()));
            return pr;
        });
        log.info("Merged pull request #{} in {}", number, repository);
    }

    private GHRepository repo(RepositoryRef repository) {
        return GitHubResults.call("read repository " + repository, () -> github.getRepository(repository.fullName()));
    }
}
