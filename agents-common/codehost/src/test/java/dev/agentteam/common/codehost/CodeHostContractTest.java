package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What every {@link CodeHost} must do. Extend it per implementation (GitHub with WireMock here; the
 * embedded forge in the orchestrator) and implement the {@code given…} hooks (prepare the host's state)
 * and {@code then…} hooks (check the host's state or the requests it received).
 */
public abstract class CodeHostContractTest {

    /** A repository whose default branch has at least one commit, {@code headSha}. */
    public record SeededRepository(RepositoryRef ref, String defaultBranch, String headSha) {
    }

    protected abstract CodeHost codeHost();

    protected abstract SeededRepository givenRepository();

    protected abstract RepositoryRef givenMissingRepository();

    /** A branch pushed with a commit on top of the default branch, no PR yet; returns its head SHA. */
    protected abstract String givenPushedBranch(SeededRepository repository, String branch);

    /** CI results on {@code sha}: commit statuses and check runs. */
    protected abstract void givenCiResults(SeededRepository repository, String sha, List<CommitCheck> statuses,
            List<CommitCheck> checkRuns);

    protected abstract void thenBranchPointsAt(SeededRepository repository, String branch, String sha);

    protected abstract void thenPullRequestsOpened(SeededRepository repository, String head, int count);

    protected abstract void thenCommentPosted(SeededRepository repository, int number, String body);

    protected abstract void thenInlineCommentPosted(SeededRepository repository, int number, InlineComment comment);

    protected abstract void thenLabelsAdded(SeededRepository repository, int number, Set<String> labels);

    protected abstract void thenMerged(SeededRepository repository, int number, String headSha);

    @Test
    void readsTheRepositoryAndItsDefaultBranch() {
        SeededRepository repository = givenRepository();

        RepositoryInfo info = codeHost().repository(repository.ref());

        assertThat(info.ref()).isEqualTo(repository.ref());
        assertThat(info.defaultBranch()).isEqualTo(repository.defaultBranch());
        assertThat(info.cloneUrl()).isNotBlank();
    }

    @Test
    void anUnknownRepositoryIsAClearError() {
        RepositoryRef missing = givenMissingRepository();

        assertThatThrownBy(() -> codeHost().repository(missing))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining(missing.fullName())
                .satisfies(e -> assertThat(((CodeHostException) e).status()).isEqualTo(404));
    }

    @Test
    void createsABranchRef() {
        SeededRepository repository = givenRepository();

        codeHost().createBranch(repository.ref(), "feature/ISSUE-1", repository.headSha());

        thenBranchPointsAt(repository, "feature/ISSUE-1", repository.headSha());
    }

    @Test
    void opensAPullRequestOnceForTheSameHead() {
        SeededRepository repository = givenRepository();
        String head = givenPushedBranch(repository, "feature/ISSUE-2");
        NewPullRequest request = new NewPullRequest("feature/ISSUE-2", repository.defaultBranch(),
                "[ISSUE-2] Greeting endpoint", "## Descripción\n- Adds a greeting", false);

        assertThat(codeHost().findOpenPullRequest(repository.ref(), "feature/ISSUE-2")).isEmpty();
        PullRequest first = codeHost().openPullRequest(repository.ref(), request);
        PullRequest again = codeHost().openPullRequest(repository.ref(), request);

        assertThat(first.number()).isPositive();
        assertThat(first.title()).isEqualTo("[ISSUE-2] Greeting endpoint");
        assertThat(first.head()).isEqualTo("feature/ISSUE-2");
        assertThat(first.base()).isEqualTo(repository.defaultBranch());
        assertThat(first.headSha()).isEqualTo(head);
        assertThat(first.open()).isTrue();
        assertThat(again.number()).isEqualTo(first.number());
        assertThat(codeHost().findOpenPullRequest(repository.ref(), "feature/ISSUE-2"))
                .hasValueSatisfying(found -> assertThat(found.number()).isEqualTo(first.number()));
        thenPullRequestsOpened(repository, "feature/ISSUE-2", 1);
    }

    @Test
    void commentsLabelsAndReviewsAPullRequest() {
        SeededRepository repository = givenRepository();
        givenPushedBranch(repository, "feature/ISSUE-3");
        PullRequest pr = codeHost().openPullRequest(repository.ref(), new NewPullRequest("feature/ISSUE-3",
                repository.defaultBranch(), "[ISSUE-3] Validation", "body", false));
        InlineComment inline = new InlineComment("src/main/java/App.java", 1, "Missing null check here.");

        codeHost().comment(repository.ref(), pr.number(), "Tests pass locally.");
        codeHost().addLabels(repository.ref(), pr.number(), Set.of("agent:dev", "needs-review"));
        codeHost().reviewComments(repository.ref(), pr.number(), pr.headSha(), "Two remarks", List.of(inline));

        thenCommentPosted(repository, pr.number(), "Tests pass locally.");
        thenLabelsAdded(repository, pr.number(), Set.of("agent:dev", "needs-review"));
        thenInlineCommentPosted(repository, pr.number(), inline);
    }

    @Test
    void readsCommitStatusesAndCheckRuns() {
        SeededRepository repository = givenRepository();
        String sha = givenPushedBranch(repository, "feature/ISSUE-4");
        List<CommitCheck> statuses = List.of(new CommitCheck("ci/tests", CiState.SUCCESS, "https://ci.example/1"));
        List<CommitCheck> runs = List.of(new CommitCheck("build", CiState.FAILURE, "https://ci.example/2"),
                new CommitCheck("lint", CiState.PENDING, null));
        givenCiResults(repository, sha, statuses, runs);

        assertThat(codeHost().commitStatuses(repository.ref(), sha)).containsExactlyElementsOf(statuses);
        assertThat(codeHost().checkRuns(repository.ref(), sha)).containsExactlyInAnyOrderElementsOf(runs);
    }

    /** Overridden where a code host refuses merges from tokens (the embedded forge: only its merge gate merges). */
    @Test
    protected void mergesWhenAskedWithTheExpectedHead() {
        SeededRepository repository = givenRepository();
        String head = givenPushedBranch(repository, "feature/ISSUE-5");
        PullRequest pr = openShipIt(repository);

        codeHost().merge(repository.ref(), pr.number(), head, MergeMethod.MERGE);

        thenMerged(repository, pr.number(), head);
    }

    /** Opens the pull request of the merge test for feature/ISSUE-5. */
    protected PullRequest openShipIt(SeededRepository repository) {
        return codeHost().openPullRequest(repository.ref(), new NewPullRequest("feature/ISSUE-5",
                repository.defaultBranch(), "[ISSUE-5] Ship it", "body", false));
    }
}
