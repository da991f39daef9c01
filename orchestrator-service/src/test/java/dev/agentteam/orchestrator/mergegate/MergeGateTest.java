package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.user.UserView;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge gate against the real embedded forge: a story's pull request pushed and opened with an agent's forge
 * token, CI and review reported through the forge API, and people (or agents) approving and merging.
 */
class MergeGateTest extends IntegrationTest {

    @TempDir
    Path work;

    @Autowired
    MergeGate mergeGate;

    @LocalServerPort
    int port;

    private String name;
    private long storyId;
    private long prId;
    private String headSha;
    private Git git;
    private UserView owner;
    private UserView approver;
    private TestApi ownerApi;
    private TestApi approverApi;

    @BeforeEach
    void openPullRequest() throws Exception {
        jdbc.execute("truncate repositories restart identity cascade");
        owner = users.create("approver", "human");
        approver = users.create("approver", "human");
        ownerApi = anonymous.as(users.bearer(owner.id()));
        approverApi = anonymous.as(users.bearer(approver.id()));
        name = "gate-" + System.nanoTime();
        Reply repository = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(repository.status()).as(repository.body()).isEqualTo(201);
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Text tools', ?) returning id",
                Long.class, owner.id());
        storyId = jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Shout', 'IN_PROGRESS') "
                + "returning id", Long.class, epic);
        git = ForgeClient.cloneRepository(repository.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                work.resolve("clone"));
        headSha = ForgeClient.commitFile(git, "textstats/shout.py", "def shout(t):\n    return t.upper()\n", "Shout");
        assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-" + storyId))
                .isEqualTo(RemoteRefUpdate.Status.OK);
        Reply opened = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-" + storyId
                + "\", \"base\": \"main\", \"title\": \"Shout\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        prId = opened.json().path("id").asLong();
    }

    @AfterEach
    void closeClone() {
        git.close();
    }

    @Test
    void anApproverWhoIsNotTheOwnerApprovesAndMergesAGreenReviewedPullRequestAndTheStoryIsDone() {
        greenCi();
        reviewed();

        Reply approval = approverApi.postJson(gate("approve"), "{\"comment\": \"Looks good\"}");
        Reply merged = approverApi.postJson(gate("merge"), "{}");

        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        assertThat(approval.json().path("decision").asString()).isEqualTo("APPROVED");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("status").asString()).isEqualTo("MERGED");
        assertThat(jdbc.queryForMap("select status, merged_by from pr_records where id = ?", prId))
                .containsEntry("status", "MERGED").containsEntry("merged_by", approver.id());
        assertThat(jdbc.queryForMap("select status, done_at is not null as done from stories where id = ?", storyId))
                .containsEntry("status", "DONE").containsEntry("done", true);
        assertThat(jdbc.queryForMap("select user_id, decision, head_sha from approvals where pr_id = ?", prId))
                .containsEntry("user_id", approver.id()).containsEntry("decision", "APPROVED")
                .containsEntry("head_sha", headSha);
        assertThat(forge("GET", "", null).status()).isEqualTo(200);
        assertThat(mainContains("textstats/shout.py")).isTrue();
        assertThat(api.get(gate("approvals")).json()).hasSize(1);
        var history = api.get("/api/pull-requests/" + prId + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("to").asString()).isEqualTo("OPEN");
        assertThat(history.get(1).path("from").asString()).isEqualTo("OPEN");
        assertThat(history.get(1).path("to").asString()).isEqualTo("MERGED");
        assertThat(jdbc.queryForObject("""
                select count(*) from status_changes where subject = 'STORY' and subject_id = ? and to_status = 'DONE'""",
                Integer.class, storyId)).isEqualTo(1);
    }

    @Test
    void anAgentIdentityCanNeitherApproveNorMergeEvenWithTheApproverRole() {
        greenCi();
        reviewed();
        approverApi.postJson(gate("approve"), "{}");
        TestApi agent = anonymous.as(users.agent("admin"));

        Reply approve = agent.postJson(gate("approve"), "{}");
        Reply merge = agent.postJson(gate("merge"), "{}");

        assertThat(approve.status()).isEqualTo(403);
        assertThat(merge.status()).isEqualTo(403);
        assertThat(merge.isProblem()).isTrue();
        assertThat(merge.detail()).contains("Agent identities may not");
        assertNothingMerged();
        assertThat(jdbc.queryForObject("select count(*) from approvals where pr_id = ?", Integer.class, prId)).isEqualTo(1);
    }

    @Test
    void aViewerMayNotApprove() {
        Reply reply = anonymous.as(users.person("viewer")).postJson(gate("approve"), "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).contains("approver role");
        assertThat(jdbc.queryForObject("select count(*) from approvals", Integer.class)).isZero();
    }

    @Test
    void theOwnerOfTheEpicMayNotApproveIt() {
        Reply reply = ownerApi.postJson(gate("approve"), "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).contains("owner of the epic");
    }

    @Test
    void mergeWaitsForGreenCi() {
        reviewed();
        approverApi.postJson(gate("approve"), "{}");

        Reply noResults = approverApi.postJson(gate("merge"), "{}");
        forge("POST", "/commits/" + headSha + "/statuses", "{\"context\": \"ci/tests\", \"state\": \"failure\"}");
        Reply failed = approverApi.postJson(gate("merge"), "{}");

        assertThat(noResults.status()).isEqualTo(409);
        assertThat(noResults.detail()).contains("CI is not green").contains("no results yet");
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.detail()).contains("ci/tests is FAILURE");
        assertNothingMerged();
    }

    @Test
    void mergeWaitsForAFinishedReview() {
        greenCi();
        approverApi.postJson(gate("approve"), "{}");
        jdbc.update("update pr_records set review_status = 'CHANGES_REQUESTED' where id = ?", prId);

        Reply reply = approverApi.postJson(gate("merge"), "{}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).contains("review").contains("CHANGES_REQUESTED");
        assertNothingMerged();
    }

    @Test
    void mergeNeedsAnApprovalOfTheCurrentHead() throws Exception {
        greenCi();
        reviewed();
        Reply unapproved = approverApi.postJson(gate("merge"), "{}");
        approverApi.postJson(gate("reject"), "{\"comment\": \"Not like this\"}");
        Reply rejected = approverApi.postJson(gate("merge"), "{}");

        assertThat(unapproved.status()).isEqualTo(409);
        assertThat(unapproved.detail()).contains("no approval");
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.detail()).contains("rejected");

        approverApi.postJson(gate("approve"), "{}");
        // A new commit after the approval: the approval was for the old head.
        headSha = ForgeClient.commitFile(git, "textstats/whisper.py", "def whisper(t):\n    return t.lower()\n", "Whisper");
        ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-" + storyId);
        greenCi();
        Reply oldReview = approverApi.postJson(gate("merge"), "{}");
        reviewed();
        Reply stale = approverApi.postJson(gate("merge"), "{}");

        assertThat(oldReview.status()).isEqualTo(409);
        assertThat(oldReview.detail()).contains("review").contains("not finished");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("no approval on its head commit " + headSha);
        assertNothingMerged();
    }

    @Test
    void aMergedPullRequestCannotBeMergedAgainAndUnknownOnesAre404() {
        greenCi();
        reviewed();
        approverApi.postJson(gate("approve"), "{}");
        assertThat(approverApi.postJson(gate("merge"), "{}").status()).isEqualTo(200);

        Reply again = approverApi.postJson(gate("merge"), "{}");
        Reply unknown = approverApi.postJson("/api/pull-requests/999999/merge", "{}");
        Reply badMethod = approverApi.postJson(gate("merge"), "{\"method\": \"octopus\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("MERGED, not open");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badMethod.status()).isIn(400, 409);
    }

    @Test
    void theGateReportsItsRulesAndThePageFormsUseTheSameGate() throws Exception {
        greenCi();
        reviewed();
        assertThat(report(owner).canApprove()).isFalse();
        assertThat(report(approver).canApprove()).isTrue();
        assertThat(report(approver).canMerge()).isFalse();
        assertThat(report(approver).blockedBecause()).contains("The head commit is approved");

        FormClient browser = users.signedIn("approver", port);
        String tokenPage = "/account/tokens";
        assertThat(FormClient.location(browser.submit(tokenPage, gate("approve").substring(4), java.util.Map.of())))
                .endsWith("/pull-requests/" + prId);
        browser.submit(tokenPage, gate("merge").substring(4), java.util.Map.of());

        assertThat(jdbc.queryForObject("select status from pr_records where id = ?", String.class, prId)).isEqualTo("MERGED");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, storyId)).isEqualTo("DONE");
        assertThat(report(approver).canMerge()).isFalse();
    }

    /**
     * The gate's own checks, called directly (the URL rules stand in front of them over HTTP, so only this shows
     * whether MergeGate itself refuses): an agent identity, even an admin one, and a viewer may not approve,
     * reject or merge.
     */
    @Test
    void theGateItselfRefusesAgentIdentitiesAndViewers() {
        greenCi();
        reviewed();
        mergeGate.approve(prId, approver, "ok");
        for (UserView caller : java.util.List.of(users.create("admin", "agent"), users.create("approver", "agent"),
                users.create("viewer", "human"))) {
            assertRefused(() -> mergeGate.approve(prId, caller, null), 403);
            assertRefused(() -> mergeGate.reject(prId, caller, null), 403);
            assertRefused(() -> mergeGate.merge(prId, caller, null), 403);
        }
        assertThat(jdbc.queryForObject("select count(*) from approvals where pr_id = ?", Integer.class, prId)).isEqualTo(1);
        assertNothingMerged();
    }

    /** The owner's approval never counts: not through approve, and not if one got into the table some other way. */
    @Test
    void theGateItselfRefusesTheEpicOwnerAtApprovalAndAtMerge() {
        greenCi();
        reviewed();
        assertRefused(() -> mergeGate.approve(prId, owner, null), 403);
        jdbc.update("insert into approvals (pr_id, user_id, decision, head_sha, base_branch) values (?, ?, 'APPROVED', ?, 'main')",
                prId, owner.id(), headSha);

        assertRefused(() -> mergeGate.merge(prId, approver, null), 403);
        assertThat(report(approver).canMerge()).isFalse();
        assertThat(rule(report(approver), "The head commit is approved").met()).isFalse();
        assertNothingMerged();
    }

    /** Only an APPROVED decision on the head by an entitled person counts in the report and at merge. */
    @Test
    void theReportCountsOnlyAnApprovalOfTheHeadByAnEntitledPerson() {
        greenCi();
        reviewed();
        assertThat(rule(report(approver), "The head commit is approved").met()).isFalse();
        mergeGate.reject(prId, approver, "no");
        assertThat(rule(report(approver), "The head commit is approved").met()).isFalse();
        assertThat(report(approver).canMerge()).isFalse();
        mergeGate.approve(prId, approver, "yes");
        assertThat(rule(report(approver), "The head commit is approved").met()).isTrue();
        assertThat(report(approver).canMerge()).isTrue();

        // The approver loses the role after approving: the approval no longer lets anyone merge.
        jdbc.update("update users set role = 'viewer' where id = ?", approver.id());
        UserView merger = users.create("approver", "human");
        assertThat(rule(report(merger), "The head commit is approved").met()).isFalse();
        assertRefused(() -> mergeGate.merge(prId, merger, null), 409);
        assertNothingMerged();
    }

    /** Issue 13: approving twice recorded two approvals. */
    @Test
    void approvingTwiceIsOneApproval() {
        ApprovalView first = mergeGate.approve(prId, approver, "yes");
        ApprovalView second = mergeGate.approve(prId, approver, "yes again");
        Reply third = approverApi.postJson(gate("approve"), "{}");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().path("id").asLong()).isEqualTo(first.id());
        assertThat(api.get(gate("approvals")).json()).hasSize(1);
        mergeGate.reject(prId, approver, "changed my mind");
        mergeGate.approve(prId, approver, "yes after all");
        assertThat(api.get(gate("approvals")).json()).hasSize(3);
    }

    /** The gate judges the caller as stored: a disabled approver is refused, an admin who is a person decides. */
    @Test
    void aDisabledApproverIsRefusedAndAnAdminPersonMayDecide() {
        greenCi();
        reviewed();
        UserView disabled = users.create("approver", "human");
        jdbc.update("update users set enabled = false where id = ?", disabled.id());
        UserView disabledNow = new UserView(disabled.id(), disabled.name(), disabled.email(), disabled.role(),
                disabled.kind(), false, disabled.username());
        UserView admin = users.create("admin", "human");

        assertRefused(() -> mergeGate.approve(prId, disabledNow, null), 403);
        assertRefused(() -> mergeGate.reject(prId, disabledNow, null), 403);
        assertRefused(() -> mergeGate.merge(prId, disabledNow, null), 403);
        assertThat(rule(report(disabledNow), "You are a person with the approver role").met()).isFalse();
        assertThat(report(disabledNow).canReject()).isFalse();
        assertThat(rule(report(admin), "You are a person with the approver role").met()).isTrue();
        assertThat(mergeGate.approve(prId, admin, "as admin").decision()).isEqualTo("APPROVED");
        assertThat(report(admin).canMerge()).isTrue();
        assertThat(mergeGate.merge(prId, admin, null).status()).isEqualTo("MERGED");
    }

    /** The epic's owner may still reject (stop) the work; only approving it is someone else's call. */
    @Test
    void theReportLetsTheOwnerRejectButNotApproveAndSaysWhoIsNotSignedIn() {
        greenCi();
        reviewed();

        GateReport ownersView = report(owner);
        GateReport anonymousView = report(null);

        assertThat(ownersView.canApprove()).isFalse();
        assertThat(ownersView.canReject()).isTrue();
        assertThat(rule(ownersView, "The approver is not the epic's owner").met()).isFalse();
        assertThat(rule(ownersView, "The approver is not the epic's owner").detail()).endsWith("(you)");
        assertThat(mergeGate.reject(prId, owner, "not yet").decision()).isEqualTo("REJECTED");
        assertThat(anonymousView.canApprove()).isFalse();
        assertThat(anonymousView.canReject()).isFalse();
        assertThat(rule(anonymousView, "You are a person with the approver role").detail()).isEqualTo("not signed in");
        assertThat(rule(report(approver), "The approver is not the epic's owner").met()).isTrue();
        assertThat(report(approver).canApprove()).isTrue();
        assertThat(report(approver).canReject()).isTrue();
    }

    /** An approval is bound to the base it was given for: retargeting the pull request needs a new one. */
    @Test
    void anApprovalOntoAnotherBaseDoesNotCount() {
        greenCi();
        reviewed();
        jdbc.update("insert into approvals (pr_id, user_id, decision, head_sha, base_branch) values (?, ?, 'APPROVED', ?, 'release')",
                prId, approver.id(), headSha);

        assertRefused(() -> mergeGate.merge(prId, approver, null), 409);
        assertThat(rule(report(approver), "The head commit is approved").met()).isFalse();
        assertThat(report(approver).canMerge()).isFalse();
        assertNothingMerged();
    }

    private static void assertRefused(Runnable call, int status) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class,
                        refused -> assertThat(refused.getStatusCode().value()).isEqualTo(status));
    }

    private static GateReport.Rule rule(GateReport report, String text) {
        return report.rules().stream().filter(rule -> rule.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void aRequiredQualityCheckBlocksTheMergeUntilGreenAndAnOptionalRedOneDoesNot() {
        greenCi();
        reviewed();
        approverApi.postJson(gate("approve"), "{}");
        forge("POST", "/commits/" + headSha + "/statuses", "{\"context\": \"agent-team/coverage\", \"state\": \"failure\"}");
        forge("POST", "/commits/" + headSha + "/statuses", "{\"context\": \"agent-team/lint\", \"state\": \"failure\"}");
        long repositoryId = jdbc.queryForObject("select id from repositories where name = ?", Long.class, name);
        String quality = "/api/repositories/" + repositoryId + "/quality";
        String requireLint = "{\"lint_command\": \"python3 tools/lint.py\", \"coverage_command\": \"python3 tools/coverage.py\", "
                + "\"coverage_threshold\": 80, \"required_checks\": [\"lint\"]}";

        assertThat(approverApi.send("PUT", quality, "application/json", requireLint).status()).isEqualTo(403);
        Reply required = api.send("PUT", quality, "application/json", requireLint);
        Reply red = approverApi.postJson(gate("merge"), "{}");
        GateReport redReport = report(approver);
        forge("POST", "/commits/" + headSha + "/statuses", "{\"context\": \"agent-team/lint\", \"state\": \"success\"}");
        Reply merged = approverApi.postJson(gate("merge"), "{}");

        assertThat(required.status()).as(required.body()).isEqualTo(200);
        assertThat(required.json().path("required_checks").get(0).asString()).isEqualTo("lint");
        assertThat(red.status()).isEqualTo(409);
        assertThat(red.detail()).contains("Required checks are not green").contains("lint is FAILURE")
                .doesNotContain("coverage");
        assertThat(redReport.canMerge()).isFalse();
        assertThat(redReport.blockedBecause()).contains("The required quality checks are green");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    }

    @Test
    void aRequiredCheckThatNeverReportedBlocksTheMerge() {
        greenCi();
        reviewed();
        approverApi.postJson(gate("approve"), "{}");
        jdbc.update("update repositories set security_command = 'true', required_checks = '{security}' where name = ?", name);

        Reply reply = approverApi.postJson(gate("merge"), "{}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).contains("security has not reported");
        assertNothingMerged();
    }

    private GateReport report(UserView viewer) {
        return mergeGate.report(prId, viewer);
    }

    private void greenCi() {
        Reply reported = forge("POST", "/commits/" + headSha + "/statuses", "{\"context\": \"ci/tests\", \"state\": \"success\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    }

    private void reviewed() {
        Reply review = forge("POST", "/pulls/" + number() + "/reviews", "{\"summary\": \"Fine.\", \"comments\": []}");
        assertThat(review.status()).as(review.body()).isIn(200, 201, 204);
    }

    private int number() {
        return jdbc.queryForObject("select pr_number from pr_records where id = ?", Integer.class, prId);
    }

    private void assertNothingMerged() {
        assertThat(jdbc.queryForObject("select status from pr_records where id = ?", String.class, prId)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, storyId)).isNotEqualTo("DONE");
        assertThat(mainContains("textstats/shout.py")).isFalse();
    }

    private boolean mainContains(String path) {
        try {
            git.fetch().setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(
                    "x", ForgeClient.AGENT_TOKEN)).call();
            var main = git.getRepository().resolve("refs/remotes/origin/main^{tree}");
            try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), path, main)) {
                return walk != null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String gate(String action) {
        return "/api/pull-requests/" + prId + "/" + action;
    }

    private Reply forge(String method, String path, String body) {
        return api.send(method, "/api/forge/repos/agentteam/" + name + path, body == null ? null : "application/json",
                body, ForgeClient.AGENT_TOKEN);
    }
}
