package dev.agentteam.common.task;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readings of the shared payload parts every agent applies, written once on the wire records. */
class PayloadPartsTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aPullRequestsHeadShaMustBeAFullCommitId() {
        assertThat(pullRequest(SHA, null, null).validHeadSha()).isEqualTo(SHA);
        for (String bad : Arrays.asList("0123456", SHA.toUpperCase(), SHA + "0", "g" + SHA.substring(1), null)) {
            assertThatThrownBy(() -> pullRequest(bad, null, null).validHeadSha()).as("%s", bad)
                    .isInstanceOf(InvalidPayloadException.class)
                    .hasMessage("invalid payload: pull_request.head_sha must be a 40-character commit id, was '" + bad + "'");
        }
    }

    @Test
    void aDeploysMergeShaFollowsTheSameRule() {
        RepositoryTarget repository = new RepositoryTarget(1L, "shop", "http://forge/git/shop.git", null, "acme/shop", "main",
                "make test");
        assertThat(new QualityTask.Deploy(repository, SHA, 4L).validMergeSha()).isEqualTo(SHA);
        assertThatThrownBy(() -> new QualityTask.Deploy(repository, "HEAD", 4L).validMergeSha())
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("invalid payload: merge_sha must be a 40-character commit id, was 'HEAD'");
    }

    @Test
    void aPullRequestsBaseDefaultsToMainAndAMissingHeadReadsEmpty() {
        assertThat(pullRequest(SHA, null, null).baseOrDefault()).isEqualTo("main");
        assertThat(pullRequest(SHA, null, "develop").baseOrDefault()).isEqualTo("develop");
        assertThat(pullRequest(SHA, null, null).headOrEmpty()).isEmpty();
        assertThat(pullRequest(SHA, "feature/ISSUE-7", null).headOrEmpty()).isEqualTo("feature/ISSUE-7");
    }

    @Test
    void aRepositoryWithoutForgeIsOnTheEmbeddedForge() {
        assertThat(repository(null, "http://x", "make").forgeOrDefault()).isEqualTo("embedded");
        assertThat(repository("  ", "http://x", "make").forgeOrDefault()).isEqualTo("embedded");
        assertThat(repository(" github ", "http://x", "make").forgeOrDefault()).isEqualTo("github");
    }

    @Test
    void aCheckoutNeedsACloneUrlAndATestCommandNamedWithTheirPath() {
        RepositoryTarget complete = repository(null, "http://forge/git/shop.git", "make test");
        assertThat(complete.requireCheckout("repository")).isSameAs(complete);
        assertThatThrownBy(() -> repository(null, null, "make test").requireCheckout("repository"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("invalid payload: required field 'repository.clone_url' is missing");
        assertThatThrownBy(() -> repository(null, "http://x", " ").requireCheckout("repository"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("invalid payload: required field 'repository.test_command' is missing (blank)");
    }

    @Test
    void acceptanceCriteriaReadAsOneLineEachWithoutBlankOnes() {
        ImplementStory task = TaskPayloads.read(Map.of("story", Map.of("id", 7, "title", "Sum",
                "acceptance_criteria", List.of(" a sentence ", Map.of("given", "two numbers", "when", "added",
                        "then", "their sum\n shows"), "  "))), ImplementStory.class);

        assertThat(task.story().criteriaText())
                .containsExactly("a sentence", "Given two numbers, when added, then their sum shows");
        assertThat(new ImplementStory.Story(1L, null, "t", null, null).criteriaText()).isEmpty();
    }

    private static PullRequestTarget pullRequest(String headSha, String head, String base) {
        return new PullRequestTarget(12L, 3, head, headSha, base, null);
    }

    private static RepositoryTarget repository(String forge, String cloneUrl, String testCommand) {
        return new RepositoryTarget(1L, "shop", cloneUrl, forge, "acme/shop", null, testCommand);
    }
}
