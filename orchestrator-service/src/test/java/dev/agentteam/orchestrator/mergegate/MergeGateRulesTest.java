package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.user.UserView;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.MergeMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.ErrorResponseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of the merge gate on its own, called on the gate itself (the URL rules stand in front of it over HTTP):
 * the pull request, its CI and review results and the approvals are rows in the real database, so a test needs
 * no git repository and takes milliseconds — fast enough for PIT to run per mutant (docs/adr/mutation-testing.md).
 * The complete way through the embedded forge, merge included, is {@link MergeGateTest}.
 */
class MergeGateRulesTest extends IntegrationTest {

    private static final String HEAD = "1111111111111111111111111111111111111111";
    private static final String APPROVED = "The head commit is approved";
    private static final String PERSON = "You are a person with the approver role";
    private static final String NOT_OWNER = "The approver is not the epic's owner";

    @Autowired
    MergeGate gate;
    @Autowired
    PullRequests pullRequests;
    @Autowired
    Repositories repositories;
    @Autowired
    Approvals approvals;
    @Autowired
    ObjectProvider<CodeHosts> codeHosts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    RequiredChecks requiredChecks;
    @Autowired
    Callers callers;
    @Autowired
    UserDetailsService accountDetails;

    private UserView owner;
    private UserView approver;
    private long repositoryId;
    private long storyId;
    private long prId;

    @BeforeEach
    void openPullRequest() {
        owner = users.create("approver", "human");
        approver = users.create("approver", "human");
        repositoryId = jdbc.queryForObject("""
                insert into repositories (name, full_name, test_command) values ('rules', 'agentteam/rules', 'true')
                returning id""", Long.class);
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Text tools', ?) returning id",
                Long.class, owner.id());
        storyId = jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Shout', 'IN_PROGRESS') "
                + "returning id", Long.class, epic);
        prId = pullRequest(repositoryId, storyId, HEAD);
    }

    // --- who may decide -------------------------------------------------------------------------------------------

    @Test
    void agentIdentitiesMayNotApproveRejectOrMergeWhateverTheirRole() {
        readyButUnapproved();
        for (String role : List.of("approver", "admin")) {
            UserView agent = users.create(role, "agent");
            assertRefused(() -> gate.approve(prId, agent, null), 403, "Agent identities may not approve");
            assertRefused(() -> gate.reject(prId, agent, null), 403, "Agent identities may not reject");
            assertRefused(() -> gate.merge(prId, agent, null), 403, "Agent identities may not merge");
        }
        assertThat(approvalCount()).isZero();
    }

    @Test
    void viewersAndDisabledApproversMayNotApproveRejectOrMerge() {
        readyButUnapproved();
        UserView viewer = users.create("viewer", "human");
        UserView disabled = disabled(users.create("approver", "human"));
        for (UserView caller : List.of(viewer, disabled)) {
            assertRefused(() -> gate.approve(prId, caller, null), 403, "may approve");
            assertRefused(() -> gate.reject(prId, caller, null), 403, "may reject");
            assertRefused(() -> gate.merge(prId, caller, null), 403, "may merge");
        }
        assertThat(approvalCount()).isZero();
    }

    @Test
    void approversAndAdminsWhoArePeopleMayApproveAndReject() {
        UserView admin = users.create("admin", "human");

        ApprovalView byApprover = gate.approve(prId, approver, "fine");
        ApprovalView byAdmin = gate.reject(prId, admin, "not yet");

        assertThat(byApprover.decision()).isEqualTo("APPROVED");
        assertThat(byApprover.userId()).isEqualTo(approver.id());
        assertThat(byApprover.headSha()).isEqualTo(HEAD);
        assertThat(byAdmin.decision()).isEqualTo("REJECTED");
        assertThat(byAdmin.userId()).isEqualTo(admin.id());
        assertThat(gate.approvals(prId)).extracting(ApprovalView::decision).containsExactly("APPROVED", "REJECTED");
    }

    @Test
    void theEpicsOwnerMayRejectButNotApprove() {
        assertRefused(() -> gate.approve(prId, owner, null), 403, "owner of the epic may not approve");

        assertThat(gate.reject(prId, owner, "stop").decision()).isEqualTo("REJECTED");
        assertThat(approvalCount()).isEqualTo(1);
    }

    @Test
    void anOwnersApprovalThatGotIntoTheTableDoesNotLetAnyoneMerge() {
        readyButUnapproved();
        recordDecision(owner, "APPROVED", HEAD);

        assertRefused(() -> gate.merge(prId, approver, null), 403, "owner of the epic may not approve");
        GateReport report = gate.report(prId, approver);
        assertThat(rule(report, APPROVED).met()).isFalse();
        assertThat(report.canMerge()).isFalse();
    }

    @Test
    void withDifferentApproversNotRequiredTheOwnerMayApproveAndTheApprovalCounts() {
        readyButUnapproved();
        MergeGate lenient = gateWith(new MergeGateProperties(false, MergeMethod.MERGE));

        assertThat(lenient.approve(prId, owner, "my own").decision()).isEqualTo("APPROVED");
        GateReport report = lenient.report(prId, owner);
        assertThat(rule(report, NOT_OWNER).met()).isTrue();
        assertThat(rule(report, APPROVED).met()).isTrue();
        assertThat(report.canApprove()).isTrue();
        assertThat(report.canMerge()).isTrue();
        // The strict gate still refuses the same approval at merge.
        assertRefused(() -> gate.merge(prId, approver, null), 403, "owner of the epic");
    }

    @Test
    void aPullRequestWithoutAnEpicMayBeApprovedByAnyApprover() {
        long orphan = pullRequest(repositoryId, null, HEAD);

        assertThat(gate.approve(orphan, owner, null).decision()).isEqualTo("APPROVED");
        GateReport report = gate.report(orphan, owner);
        assertThat(rule(report, NOT_OWNER).met()).isTrue();
        assertThat(rule(report, NOT_OWNER).detail()).isEqualTo("no epic is linked to this pull request");
        assertThat(rule(report, APPROVED).met()).isTrue();
    }

    @Test
    void theCallerIsTheUserAsStoredNowAndOnlyAUserOfThisApplication() {
        UserDetails account = accountDetails.loadUserByUsername(users.login("approver").username());
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.getAuthorities());
        long id = ((Account) account).user().id();

        jdbc.update("update users set role = 'viewer' where id = ?", id);
        assertThat(callers.of(signedIn).role()).isEqualTo("viewer");
        assertRefused(() -> callers.of(new TestingAuthenticationToken("someone", null)), 403, "Sign in as a person");
        assertRefused(() -> callers.of(null), 403, "Sign in as a person");
        jdbc.update("delete from users where id = ?", id);
        assertRefused(() -> callers.of(signedIn), 403, "no longer exists");
    }

    // --- which pull request ---------------------------------------------------------------------------------------

    @Test
    void unknownClosedOrHeadlessPullRequestsCannotBeDecidedOn() {
        long merged = pullRequest(repositoryId, storyId, HEAD);
        jdbc.update("update pr_records set status = 'MERGED' where id = ?", merged);
        long headless = pullRequest(repositoryId, storyId, null);

        for (long id : List.of(merged, headless)) {
            assertRefused(() -> gate.approve(id, approver, null), 409, String.valueOf(id));
            assertRefused(() -> gate.reject(id, approver, null), 409, String.valueOf(id));
            assertRefused(() -> gate.merge(id, approver, null), 409, String.valueOf(id));
        }
        assertRefused(() -> gate.approve(999_999, approver, null), 404, "999999");
        assertRefused(() -> gate.reject(999_999, approver, null), 404, "999999");
        assertRefused(() -> gate.merge(999_999, approver, null), 404, "999999");
        assertRefused(() -> gate.approvals(999_999), 404, "999999");
        assertRefused(() -> gate.report(999_999, approver), 404, "999999");
        assertThat(approvalCount()).isZero();
        assertThat(gate.report(merged, approver).canReject()).isFalse();
        assertThat(gate.report(headless, approver).canReject()).isFalse();
        assertThat(rule(gate.report(merged, approver), "The pull request is open").met()).isFalse();
    }

    @Test
    void aPullRequestOfNoKnownRepositoryIsNotMerged() {
        long stray = pullRequest(null, null, HEAD);
        jdbc.update("update pr_records set ci_status = 'SUCCESS', review_status = 'APPROVED' where id = ?", stray);
        gate.approve(stray, approver, null);

        assertRefused(() -> gate.merge(stray, approver, null), 409, "belongs to no known repository");
        assertThat(status(stray)).isEqualTo("OPEN");
    }

    // --- CI, required checks, review ------------------------------------------------------------------------------

    @Test
    void mergeWaitsForCiAndEachOfItsChecks() {
        reviewed();
        gate.approve(prId, approver, null);

        assertRefused(() -> gate.merge(prId, approver, null), 409, "no results yet");
        assertThat(gate.report(prId, approver).canMerge()).isFalse();
        status("agent-team/lint", "FAILURE");
        assertRefused(() -> gate.merge(prId, approver, null), 409, "no results yet");
        status("ci/tests", "SUCCESS");
        status("ci/build", "PENDING");
        assertRefused(() -> gate.merge(prId, approver, null), 409, "ci/build is PENDING");
        assertThat(rule(gate.report(prId, approver), "CI is green").met()).isFalse();
        status("ci/build", "SUCCESS");
        // Only the red optional quality check is left, and it is not CI: the gate goes on to the merge itself,
        // which fails here only because the repository has no git repository behind it.
        assertThat(rule(gate.report(prId, approver), "CI is green").met()).isTrue();
        assertThat(gate.report(prId, approver).canMerge()).isTrue();
    }

    @Test
    void aFailedOrErroredCiResultRefusesTheMergeWhateverTheChecksSay() {
        reviewed();
        gate.approve(prId, approver, null);
        status("ci/tests", "SUCCESS");
        for (String failed : List.of("FAILURE", "ERROR")) {
            jdbc.update("update pr_records set ci_status = ? where id = ?", failed, prId);
            assertRefused(() -> gate.merge(prId, approver, null), 409, "CI failed on pull request " + prId + " (" + failed);
            assertThat(rule(gate.report(prId, approver), "CI is green").detail()).contains(failed);
        }
        jdbc.update("update pr_records set ci_status = 'SUCCESS' where id = ?", prId);
        assertThat(rule(gate.report(prId, approver), "CI is green").met()).isTrue();
    }

    @Test
    void aSuccessfulCiResultNeedsNoChecks() {
        jdbc.update("update pr_records set ci_status = 'SUCCESS' where id = ?", prId);

        GateReport.Rule ci = rule(gate.report(prId, approver), "CI is green");

        assertThat(ci.met()).isTrue();
        assertThat(ci.detail()).isEqualTo("all checks passed on the head commit");
    }

    @Test
    void aRequiredQualityCheckBlocksUntilItReportsSuccess() {
        readyAndApproved();
        jdbc.update("update repositories set lint_command = 'lint', security_command = 'scan', "
                + "required_checks = '{lint,security}' where id = ?", repositoryId);

        assertRefused(() -> gate.merge(prId, approver, null), 409, "lint has not reported, security has not reported");
        status("agent-team/lint", "FAILURE");
        status("agent-team/security", "SUCCESS");
        assertRefused(() -> gate.merge(prId, approver, null), 409, "lint is FAILURE");
        GateReport red = gate.report(prId, approver);
        assertThat(red.canMerge()).isFalse();
        assertThat(red.blockedBecause()).startsWith("The required quality checks are green (Required checks are not green")
                .doesNotContain("security");
        status("agent-team/lint", "SUCCESS");
        GateReport green = gate.report(prId, approver);
        assertThat(rule(green, "The required quality checks are green").detail()).isEqualTo("lint, security passed");
        assertThat(green.canMerge()).isTrue();
    }

    @Test
    void checksOfAnotherCommitDoNotCount() {
        readyAndApproved();
        jdbc.update("update repositories set security_command = 'scan', required_checks = '{security}' where id = ?",
                repositoryId);
        jdbc.update("insert into commit_statuses (repository_id, sha, context, state) values (?, ?, "
                + "'agent-team/security', 'SUCCESS')", repositoryId, "4444444444444444444444444444444444444444");

        assertRefused(() -> gate.merge(prId, approver, null), 409, "security has not reported");
    }

    @Test
    void mergeWaitsForTheReviewOfTheCurrentHead() {
        jdbc.update("update pr_records set ci_status = 'SUCCESS' where id = ?", prId);
        gate.approve(prId, approver, null);

        assertRefused(() -> gate.merge(prId, approver, null), 409, "review status PENDING");
        reviewComment("2222222222222222222222222222222222222222");
        assertRefused(() -> gate.merge(prId, approver, null), 409, "is not finished");
        jdbc.update("update pr_records set review_status = 'CHANGES_REQUESTED' where id = ?", prId);
        reviewComment(HEAD);
        assertRefused(() -> gate.merge(prId, approver, null), 409, "review status CHANGES_REQUESTED");
        assertThat(rule(gate.report(prId, approver), "The review agent has finished its review").met()).isFalse();
        assertThat(gate.report(prId, approver).canMerge()).isFalse();

        jdbc.update("update pr_records set review_status = 'PENDING' where id = ?", prId);
        assertThat(rule(gate.report(prId, approver), "The review agent has finished its review").met()).isTrue();
        for (String finished : List.of("APPROVED", "COMMENTED", "NEEDS_HUMAN")) {
            jdbc.update("update pr_records set review_status = ? where id = ?", finished, prId);
            assertThat(gate.report(prId, approver).canMerge()).as(finished).isTrue();
        }
    }

    // --- the approval ---------------------------------------------------------------------------------------------

    @Test
    void mergeNeedsAnApprovalOfTheHeadOntoTheBase() {
        readyButUnapproved();
        assertRefused(() -> gate.merge(prId, approver, null), 409, "no approval on its head commit " + HEAD + " onto main");
        recordDecision(approver, "APPROVED", "3333333333333333333333333333333333333333");
        assertRefused(() -> gate.merge(prId, approver, null), 409, "no approval on its head commit");
        jdbc.update("insert into approvals (pr_id, user_id, decision, head_sha, base_branch) values (?, ?, 'APPROVED', ?, "
                + "'release')", prId, approver.id(), HEAD);
        assertRefused(() -> gate.merge(prId, approver, null), 409, "no approval on its head commit");
        assertThat(rule(gate.report(prId, approver), APPROVED).detail()).isEqualTo("no decision yet");
    }

    @Test
    void theLatestDecisionCountsAndARejectionNeedsANewApproval() {
        readyButUnapproved();
        gate.approve(prId, approver, "yes");
        gate.reject(prId, approver, "no");

        assertRefused(() -> gate.merge(prId, approver, null), 409, "was rejected by " + approver.name());
        GateReport rejected = gate.report(prId, approver);
        assertThat(rule(rejected, APPROVED).met()).isFalse();
        assertThat(rule(rejected, APPROVED).detail()).isEqualTo("rejected by " + approver.name());
        assertThat(rejected.canMerge()).isFalse();

        gate.approve(prId, approver, "yes after all");
        GateReport approved = gate.report(prId, approver);
        assertThat(rule(approved, APPROVED).met()).isTrue();
        assertThat(rule(approved, APPROVED).detail()).isEqualTo("approved by " + approver.name());
        assertThat(approved.canMerge()).isTrue();
        assertThat(approved.blockedBecause()).isNull();
    }

    @Test
    void anApprovalBySomeoneWhoMayNoLongerApproveDoesNotCount() {
        readyButUnapproved();
        gate.approve(prId, approver, "yes");
        UserView merger = users.create("approver", "human");
        for (String change : List.of("role = 'viewer'", "enabled = false", "kind = 'agent'")) {
            jdbc.update("update users set role = 'approver', enabled = true, kind = 'human' where id = ?", approver.id());
            jdbc.update("update users set " + change + " where id = ?", approver.id());

            assertRefused(() -> gate.merge(prId, merger, null), 409, "who may no longer approve");
            assertThat(rule(gate.report(prId, merger), APPROVED).met()).as(change).isFalse();
            assertThat(gate.report(prId, merger).canMerge()).as(change).isFalse();
        }
        assertThat(status(prId)).isEqualTo("OPEN");
    }

    @Test
    void anAdminsApprovalCounts() {
        readyButUnapproved();
        UserView admin = users.create("admin", "human");
        gate.approve(prId, admin, "as admin");

        assertThat(rule(gate.report(prId, approver), APPROVED).met()).isTrue();
        assertThat(gate.report(prId, approver).canMerge()).isTrue();
    }

    @Test
    void approvingOrRejectingTwiceIsOneDecision() {
        ApprovalView first = gate.approve(prId, approver, "yes");
        ApprovalView again = gate.approve(prId, approver, "yes again");
        ApprovalView rejected = gate.reject(prId, approver, "no");
        ApprovalView rejectedAgain = gate.reject(prId, approver, "still no");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.comment()).isEqualTo("yes");
        assertThat(rejectedAgain.id()).isEqualTo(rejected.id()).isNotEqualTo(first.id());
        assertThat(approvalCount()).isEqualTo(2);
    }

    // --- what the report tells whom -------------------------------------------------------------------------------

    @Test
    void theReportTellsEachPersonWhatTheyMayDo() {
        readyButUnapproved();
        UserView viewer = users.create("viewer", "human");
        UserView agent = users.create("admin", "agent");

        GateReport approvers = gate.report(prId, approver);
        GateReport owners = gate.report(prId, owner);
        GateReport viewers = gate.report(prId, viewer);
        GateReport agents = gate.report(prId, agent);
        GateReport disabledOnes = gate.report(prId, disabled(users.create("approver", "human")));
        GateReport anonymous = gate.report(prId, null);

        assertThat(approvers.canApprove()).isTrue();
        assertThat(approvers.canReject()).isTrue();
        assertThat(approvers.canMerge()).isFalse();
        assertThat(approvers.blockedBecause()).isEqualTo(APPROVED + " (no decision yet)");
        assertThat(rule(approvers, PERSON).met()).isTrue();
        assertThat(rule(approvers, PERSON).detail()).isEqualTo(approver.username() + " is approver, human");
        assertThat(rule(approvers, NOT_OWNER).met()).isTrue();
        assertThat(rule(approvers, NOT_OWNER).detail()).isEqualTo("the epic's owner is " + owner.name());

        assertThat(owners.canApprove()).isFalse();
        assertThat(owners.canReject()).isTrue();
        assertThat(rule(owners, NOT_OWNER).met()).isFalse();
        assertThat(rule(owners, NOT_OWNER).detail()).isEqualTo("the epic's owner is " + owner.name() + " (you)");

        for (GateReport refused : List.of(viewers, agents, disabledOnes, anonymous)) {
            assertThat(rule(refused, PERSON).met()).isFalse();
            assertThat(refused.canApprove()).isFalse();
            assertThat(refused.canReject()).isFalse();
            assertThat(refused.canMerge()).isFalse();
        }
        assertThat(rule(anonymous, PERSON).detail()).isEqualTo("not signed in");
        assertThat(rule(anonymous, NOT_OWNER).met()).isTrue();
        assertThat(rule(gate.report(prId, users.create("admin", "human")), PERSON).met()).isTrue();
    }

    @Test
    void onceApprovedByAnotherPersonTheReportLetsAnApproverMergeButNotTheViewers() {
        readyAndApproved();

        GateReport approvers = gate.report(prId, approver);

        assertThat(approvers.rules()).allSatisfy(rule -> assertThat(rule.met()).as(rule.text()).isTrue());
        assertThat(approvers.canMerge()).isTrue();
        assertThat(rule(approvers, "The pull request is open").detail()).isEqualTo("it is OPEN");
        assertThat(rule(approvers, "The required quality checks are green").detail())
                .isEqualTo("the repository requires none");
        assertThat(rule(approvers, "The review agent has finished its review").detail()).isEqualTo("review is APPROVED");
        assertThat(gate.report(prId, users.create("viewer", "human")).canMerge()).isFalse();
        // The owner may carry out the merge another person approved: the rule binds the approval, not the click.
        assertThat(gate.report(prId, owner).canMerge()).isTrue();
    }

    @Test
    void theReportOfAHeadlessPullRequestHasNoApproval() {
        long headless = pullRequest(repositoryId, storyId, null);
        recordDecisionOn(headless, approver, "APPROVED", HEAD);

        GateReport report = gate.report(headless, approver);

        assertThat(rule(report, APPROVED).met()).isFalse();
        assertThat(report.canApprove()).isFalse();
        assertThat(report.canMerge()).isFalse();
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    private MergeGate gateWith(MergeGateProperties properties) {
        return new MergeGate(pullRequests, repositories, approvals, codeHosts, properties, events, requiredChecks);
    }

    private long pullRequest(Long repository, Long story, String headSha) {
        int number = jdbc.queryForObject("select coalesce(max(pr_number), 0) + 1 from pr_records", Integer.class);
        return jdbc.queryForObject("""
                insert into pr_records (repository_id, story_id, pr_number, repo, branch, base_branch, head_sha)
                values (?, ?, ?, 'agentteam/rules', ?, 'main', ?) returning id""", Long.class, repository, story, number,
                "feature/rules-" + number, headSha);
    }

    private void readyButUnapproved() {
        status("ci/tests", "SUCCESS");
        reviewed();
    }

    private void readyAndApproved() {
        readyButUnapproved();
        gate.approve(prId, approver, "fine");
    }

    private void reviewed() {
        jdbc.update("update pr_records set review_status = 'APPROVED' where id = ?", prId);
    }

    private void reviewComment(String sha) {
        jdbc.update("insert into pr_comments (pr_id, kind, author, body, commit_sha) values (?, 'review', 'review-agent', "
                + "'Fine.', ?)", prId, sha);
    }

    private void status(String context, String state) {
        jdbc.update("insert into commit_statuses (repository_id, sha, context, state) values (?, ?, ?, ?)", repositoryId,
                HEAD, context, state);
    }

    private void recordDecision(UserView user, String decision, String sha) {
        recordDecisionOn(prId, user, decision, sha);
    }

    private void recordDecisionOn(long pr, UserView user, String decision, String sha) {
        jdbc.update("insert into approvals (pr_id, user_id, decision, head_sha, base_branch) values (?, ?, ?, ?, 'main')",
                pr, user.id(), decision, sha);
    }

    private UserView disabled(UserView user) {
        jdbc.update("update users set enabled = false where id = ?", user.id());
        return new UserView(user.id(), user.name(), user.email(), user.role(), user.kind(), false, user.username());
    }

    private int approvalCount() {
        return jdbc.queryForObject("select count(*) from approvals", Integer.class);
    }

    private String status(long pr) {
        return jdbc.queryForObject("select status from pr_records where id = ?", String.class, pr);
    }

    private static GateReport.Rule rule(GateReport report, String text) {
        return report.rules().stream().filter(rule -> rule.text().equals(text)).findFirst().orElseThrow();
    }

    private static void assertRefused(Runnable call, int status, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(status);
            assertThat(refused.getBody().getDetail()).contains(detail);
        });
    }
}
