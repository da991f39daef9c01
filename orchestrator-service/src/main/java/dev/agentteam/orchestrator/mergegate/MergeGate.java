package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.pullrequest.PullRequestDetails;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.user.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only way a pull request is merged (docs/adr/security.md): a person with the approver role approves the current head
 * commit, CI on it is green, so are the repository's required quality checks ({@link RequiredChecks}), the review
 * is finished, and (by default) the approver is not the owner of the epic.
 * Agent identities are refused whatever their role. Every decision is recorded in {@code approvals}.
 */
@Service
public class MergeGate {

    private static final Logger log = LoggerFactory.getLogger(MergeGate.class);
    private static final Set<String> FINISHED_REVIEWS = Set.of("APPROVED", "COMMENTED", "NEEDS_HUMAN");

    private final PullRequests pullRequests;
    private final Repositories repositories;
    private final Approvals approvals;
    private final ObjectProvider<CodeHosts> codeHosts;
    private final MergeGateProperties properties;
    private final ApplicationEventPublisher events;
    private final RequiredChecks requiredChecks;

    MergeGate(PullRequests pullRequests, Repositories repositories, Approvals approvals,
            ObjectProvider<CodeHosts> codeHosts, MergeGateProperties properties, ApplicationEventPublisher events,
            RequiredChecks requiredChecks) {
        this.requiredChecks = requiredChecks;
        this.pullRequests = pullRequests;
        this.repositories = repositories;
        this.approvals = approvals;
        this.codeHosts = codeHosts;
        this.properties = properties;
        this.events = events;
    }

    @Transactional
    public ApprovalView approve(long prId, UserView user, String comment) {
        requireHumanApprover(user, "approve");
        PullRequestView pr = openPullRequest(prId);
        requireNotEpicOwner(pr, user.id(), "approve");
        return approvals.record(pr.id(), user.id(), "APPROVED", comment, pr.headSha(), pr.base());
    }

    @Transactional
    public ApprovalView reject(long prId, UserView user, String comment) {
        requireHumanApprover(user, "reject");
        PullRequestView pr = openPullRequest(prId);
        return approvals.record(pr.id(), user.id(), "REJECTED", comment, pr.headSha(), pr.base());
    }

    @Transactional(readOnly = true)
    public List<ApprovalView> approvals(long prId) {
        pullRequests.find(prId).orElseThrow(() -> ApiProblems.notFound("pull request", prId));
        return approvals.list(prId);
    }

    @Transactional
    public PullRequestView merge(long prId, UserView user, MergeMethod method) {
        requireHumanApprover(user, "merge");
        PullRequestView pr = openPullRequest(prId);
        requireGreenCi(pr);
        requiredChecks.problem(pr).ifPresent(problem -> {
            throw GateProblems.notReady(problem);
        });
        requireFinishedReview(pr);
        ApprovalView approval = approvals.latestOn(pr.id(), pr.headSha(), pr.base()).orElseThrow(() -> GateProblems.notReady(
                "Pull request " + prId + " has no approval on its head commit " + pr.headSha() + " onto " + pr.base()
                        + "; an approver must approve it first."));
        if (!"APPROVED".equals(approval.decision())) {
            throw GateProblems.notReady("Pull request " + prId + " was rejected by " + approval.userName()
                    + " on its head commit; it needs a new approval.");
        }
        requireNotEpicOwner(pr, approval.userId(), "approve");
        if (!approvals.isHumanApprover(approval.userId())) {
            throw GateProblems.notReady("Pull request " + prId + " was approved by " + approval.userName()
                    + ", who may no longer approve (disabled, or no longer a person with the approver role); "
                    + "it needs a new approval.");
        }
        RepositoryView repository = pr.repositoryId() == null ? null : repositories.find(pr.repositoryId()).orElse(null);
        if (repository == null) {
            throw GateProblems.notReady("Pull request " + prId + " belongs to no known repository; it cannot be merged here.");
        }
        MergeMethod chosen = method == null ? properties.defaultMethod() : method;
        if (repository.forge() == ForgeType.EMBEDDED) {
            pullRequests.merge(repository, pr.number(), pr.headSha(), chosen);
        } else {
            codeHosts.getObject().forTarget(new ForgeTarget("github", repository.fullName(), repository.cloneUrl()))
                    .merge(RepositoryRef.parse(repository.fullName()), pr.number(), pr.headSha(), chosen);
        }
        pullRequests.mergedBy(pr.id(), user.id());
        events.publishEvent(new MergeCompleted(pr.id(), pr.storyId(), user.id()));
        log.info("Pull request {} ({} #{}) merged by user {} after approval {} by user {}", pr.id(), pr.repo(),
                pr.number(), user.id(), approval.id(), approval.userId());
        return pullRequests.find(pr.id()).orElseThrow();
    }

    private static void requireHumanApprover(UserView user, String action) {
        if (!user.human()) {
            throw GateProblems.forbidden("Agent identities may not " + action + " pull requests; a person with the "
                    + "approver role must.");
        }
        if (!user.enabled() || !("approver".equals(user.role()) || "admin".equals(user.role()))) {
            throw GateProblems.forbidden("Only people with the approver role may " + action + " pull requests; "
                    + "your role is " + user.role() + ".");
        }
    }

    private PullRequestView openPullRequest(long prId) {
        PullRequestView pr = pullRequests.find(prId).orElseThrow(() -> ApiProblems.notFound("pull request", prId));
        if (!pr.open()) {
            throw GateProblems.notReady("Pull request " + prId + " is " + pr.status() + ", not open.");
        }
        if (pr.headSha() == null) {
            throw GateProblems.notReady("Pull request " + prId + " has no head commit yet.");
        }
        return pr;
    }

    private void requireNotEpicOwner(PullRequestView pr, long approverId, String action) {
        if (properties.requireDifferentApprover() && approvals.epicOwner(pr.storyId()).orElse(-1L) == approverId) {
            throw GateProblems.forbidden("The owner of the epic may not " + action + " its pull requests; another "
                    + "approver must (agentteam.merge.require-different-approver).");
        }
    }

    private void requireGreenCi(PullRequestView pr) {
        ciProblem(pr).ifPresent(problem -> {
            throw GateProblems.notReady(problem);
        });
    }

    private void requireFinishedReview(PullRequestView pr) {
        reviewProblem(pr).ifPresent(problem -> {
            throw GateProblems.notReady(problem);
        });
    }

    private Optional<String> ciProblem(PullRequestView pr) {
        if ("FAILURE".equals(pr.ciStatus()) || "ERROR".equals(pr.ciStatus())) {
            return Optional.of("CI failed on pull request " + pr.id() + " (" + pr.ciStatus() + "); fix it first.");
        }
        if ("SUCCESS".equals(pr.ciStatus())) {
            return Optional.empty();
        }
        List<PullRequestDetails.Status> checks = pullRequests.details(pr.id()).map(PullRequestDetails::statuses)
                .orElse(List.of());
        checks = checks.stream().filter(check -> !RequiredChecks.isQualityContext(check.context())).toList();
        List<String> notGreen = checks.stream().filter(check -> !"SUCCESS".equals(check.state()))
                .map(check -> check.context() + " is " + check.state()).toList();
        if (checks.isEmpty() || !notGreen.isEmpty()) {
            return Optional.of("CI is not green on the head commit of pull request " + pr.id() + ": "
                    + (checks.isEmpty() ? "no results yet" : String.join(", ", notGreen)) + ".");
        }
        return Optional.empty();
    }

    private Optional<String> reviewProblem(PullRequestView pr) {
        boolean finished = FINISHED_REVIEWS.contains(pr.reviewStatus())
                || ("PENDING".equals(pr.reviewStatus()) && pr.headSha() != null
                        && approvals.reviewPostedOn(pr.id(), pr.headSha()));
        return finished ? Optional.empty() : Optional.of("The review of pull request " + pr.id()
                + " is not finished (review status " + pr.reviewStatus() + ").");
    }

    /** The gate's rules for {@code viewer} (null: not signed in as a user of this application). */
    @Transactional(readOnly = true)
    public GateReport report(long prId, UserView viewer) {
        PullRequestView pr = pullRequests.find(prId).orElseThrow(() -> ApiProblems.notFound("pull request", prId));
        Long owner = approvals.epicOwner(pr.storyId()).orElse(null);
        boolean person = viewer != null && viewer.human() && viewer.enabled()
                && ("approver".equals(viewer.role()) || "admin".equals(viewer.role()));
        boolean ownerRule = !properties.requireDifferentApprover() || owner == null || viewer == null
                || owner != viewer.id();
        Optional<String> ci = ciProblem(pr);
        Optional<String> review = reviewProblem(pr);
        Optional<String> quality = requiredChecks.problem(pr);
        List<String> required = requiredChecks.required(pr);
        Optional<ApprovalView> approval = pr.headSha() == null ? Optional.empty()
                : approvals.latestOn(pr.id(), pr.headSha(), pr.base());
        boolean approved = approval.filter(found -> "APPROVED".equals(found.decision()))
                .filter(found -> !properties.requireDifferentApprover() || owner == null || owner != found.userId())
                .filter(found -> approvals.isHumanApprover(found.userId()))
                .isPresent();
        List<GateReport.Rule> rules = List.of(
                new GateReport.Rule("The pull request is open", pr.open(), "it is " + pr.status()),
                new GateReport.Rule("CI is green", ci.isEmpty(), ci.orElse("all checks passed on the head commit")),
                new GateReport.Rule("The required quality checks are green", quality.isEmpty(), quality.orElse(
                        required.isEmpty() ? "the repository requires none" : String.join(", ", required) + " passed")),
                new GateReport.Rule("The review agent has finished its review", review.isEmpty(),
                        review.orElse("review is " + pr.reviewStatus())),
                new GateReport.Rule("You are a person with the approver role", person, viewer == null ? "not signed in"
                        : viewer.username() + " is " + viewer.role() + ", " + viewer.kind()),
                new GateReport.Rule("The approver is not the epic's owner", ownerRule, owner == null
                        ? "no epic is linked to this pull request"
                        : "the epic's owner is " + approvals.epicOwnerName(pr.storyId()).orElse("user " + owner)
                                + (ownerRule ? "" : " (you)")),
                new GateReport.Rule("The head commit is approved", approved, approval.map(found -> found.decision()
                        .toLowerCase(java.util.Locale.ROOT) + " by " + found.userName()).orElse("no decision yet")));
        boolean canDecide = pr.open() && pr.headSha() != null && person;
        return new GateReport(rules, canDecide && ownerRule, canDecide, canDecide && ci.isEmpty() && quality.isEmpty() && review.isEmpty()
                && approved);
    }
}
