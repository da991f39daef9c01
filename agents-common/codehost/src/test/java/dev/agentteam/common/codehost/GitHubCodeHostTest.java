package dev.agentteam.common.codehost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The CodeHost contract against GitHubCodeHost, with WireMock answering like api.github.com. */
class GitHubCodeHostTest extends CodeHostContractTest {

    private static final RepositoryRef SHOP = new RepositoryRef("acme", "shop");
    private static final String MAIN_SHA = "aa218f56b14c9653891f9e74264a383fa43fefbd";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private static WireMockServer server;
    private GitHubFake github;
    private GitHubCodeHost codeHost;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        github = new GitHubFake(server);
        codeHost = new GitHubCodeHost(new GitHubProperties(server.baseUrl(), "ghp_test_token_1", null),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected CodeHost codeHost() {
        return codeHost;
    }

    @Override
    protected SeededRepository givenRepository() {
        github.repository(SHOP, "main");
        return new SeededRepository(SHOP, "main", MAIN_SHA);
    }

    @Override
    protected RepositoryRef givenMissingRepository() {
        RepositoryRef missing = new RepositoryRef("acme", "nothing-here");
        github.missing(missing);
        return missing;
    }

    @Override
    protected String givenPushedBranch(SeededRepository repository, String branch) {
        String sha = String.format("%040x", Math.abs((long) branch.hashCode()));
        github.pullRequestFlow(repository.ref(), branch, repository.defaultBranch(), sha);
        return sha;
    }

    @Override
    protected void givenCiResults(SeededRepository repository, String sha, List<CommitCheck> statuses, List<CommitCheck> checkRuns) {
        github.ci(repository.ref(), sha, statuses, checkRuns);
    }

    @Override
    protected void thenBranchPointsAt(SeededRepository repository, String branch, String sha) {
        server.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/git/refs"))
                .withRequestBody(matchingJsonPath("$.ref", equalTo("refs/heads/" + branch)))
                .withRequestBody(matchingJsonPath("$.sha", equalTo(sha))));
    }

    @Override
    protected void thenPullRequestsOpened(SeededRepository repository, String head, int count) {
        server.verify(count, postRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls"))
                .withRequestBody(matchingJsonPath("$.head", equalTo(head)))
                .withRequestBody(matchingJsonPath("$.base", equalTo(repository.defaultBranch())))
                .withRequestBody(matchingJsonPath("$.title", containing("[ISSUE-"))));
    }

    @Override
    protected void thenCommentPosted(SeededRepository repository, int number, String body) {
        server.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/" + number + "/comments"))
                .withRequestBody(matchingJsonPath("$.body", equalTo(body))));
    }

    @Override
    protected void thenInlineCommentPosted(SeededRepository repository, int number, InlineComment comment) {
        server.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls/" + number + "/reviews"))
                .withRequestBody(matchingJsonPath("$.event", equalTo("COMMENT")))
                .withRequestBody(matchingJsonPath("$.comments[0].path", equalTo(comment.path())))
                .withRequestBody(matchingJsonPath("$.comments[0].line", equalTo(String.valueOf(comment.line()))))
                .withRequestBody(matchingJsonPath("$.comments[0].body", equalTo(comment.body()))));
    }

    @Override
    protected void thenLabelsAdded(SeededRepository repository, int number, Set<String> labels) {
        labels.forEach(label -> server.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/" + number + "/labels"))
                .withRequestBody(matchingJsonPath("$.labels[?(@ == '" + label + "')]"))));
    }

    @Override
    protected void thenMerged(SeededRepository repository, int number, String headSha) {
        server.verify(1, putRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls/" + number + "/merge"))
                .withRequestBody(matchingJsonPath("$.sha", equalTo(headSha)))
                .withRequestBody(matchingJsonPath("$.merge_method", equalTo("merge"))));
    }

    @Test
    void setsACommitStatusWithStateContextAndAShortDescription() {
        givenRepository();
        github.statusCreation(SHOP, MAIN_SHA);

        codeHost.setCommitStatus(SHOP, MAIN_SHA, "agent-team/ci", CiState.FAILURE, "x".repeat(200), "http://ci/logs/1");

        server.verify(postRequestedFor(urlPathEqualTo("/repos/acme/shop/statuses/" + MAIN_SHA))
                .withRequestBody(matchingJsonPath("$.state", equalTo("failure")))
                .withRequestBody(matchingJsonPath("$.context", equalTo("agent-team/ci")))
                .withRequestBody(matchingJsonPath("$.target_url", equalTo("http://ci/logs/1")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("x".repeat(139) + "…"))));
    }

    @Test
    void sendsTheTokenToTheConfiguredApiUrl() {
        givenRepository();

        codeHost.repository(SHOP);

        server.verify(getRequestedFor(urlPathEqualTo("/repos/acme/shop"))
                .withHeader("Authorization", containing("ghp_test_token_1")));
    }

    @Test
    void primaryRateLimitFailsFastWithTheDelayUntilReset() {
        Instant serverTime = NOW.plusSeconds(3600);
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(serverTime.atOffset(ZoneOffset.UTC)))
                .withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", "5000")
                .withHeader("x-ratelimit-resource", "core")
                .withHeader("x-ratelimit-reset", String.valueOf(serverTime.plusSeconds(1234).getEpochSecond()))
                .withBody("""
                        {"message": "API rate limit exceeded for installation ID 1.",
                         "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}
                        """)));

        assertThatThrownBy(() -> codeHost.repository(SHOP))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1234)));
        server.verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/shop")));
    }

    @Test
    void withoutADateHeaderTheResetIsMeasuredFromOurClock() {
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", String.valueOf(NOW.plusSeconds(600).getEpochSecond()))
                .withBody("{\"message\": \"API rate limit exceeded\"}")));

        assertThatThrownBy(() -> codeHost.repository(SHOP))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(600)));
    }

    @Test
    void secondaryRateLimitUsesRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(aResponse().withStatus(403)
                .withHeader("Retry-After", "30")
                .withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}")));
        server.stubFor(get(urlPathEqualTo("/repos/acme/other")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("{\"message\": \"Too Many Requests\"}")));

        assertThatThrownBy(() -> codeHost.repository(SHOP)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> codeHost.repository(new RepositoryRef("acme", "other")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void aPlainForbiddenIsNotARateLimit() {
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "4999")
                .withBody("{\"message\": \"Resource not accessible by integration\"}")));

        assertThatThrownBy(() -> codeHost.repository(SHOP))
                .isInstanceOf(CodeHostException.class)
                .isNotInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((CodeHostException) e).status()).isEqualTo(403));
    }

    @Test
    void anExistingBranchAtTheSameShaIsFineAtAnotherShaIsAnError() {
        givenRepository();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/repos/acme/shop/git/refs"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Reference already exists\", \"documentation_url\": \"https://docs.github.com/rest/git/refs#create-a-reference\"}")));
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop/git/refs/heads/feature/ISSUE-8")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"ref": "refs/heads/feature/ISSUE-8", "node_id": "x", "url": "%s/repos/acme/shop/git/refs/heads/feature/ISSUE-8",
                         "object": {"type": "commit", "sha": "%s", "url": "%s/repos/acme/shop/git/commits/%s"}}
                        """.formatted(server.baseUrl(), MAIN_SHA, server.baseUrl(), MAIN_SHA))));

        codeHost.createBranch(SHOP, "feature/ISSUE-8", MAIN_SHA);
        assertThatThrownBy(() -> codeHost.createBranch(SHOP, "feature/ISSUE-8", "b".repeat(40)))
                .isInstanceOf(CodeHostException.class).hasMessageContaining("already exists");
    }
}
