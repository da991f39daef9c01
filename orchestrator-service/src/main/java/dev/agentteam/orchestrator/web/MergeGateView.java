package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.pullrequest.PullRequestView;

import java.util.ArrayList;
import java.util.List;

/**
 * The merge gate's rules as far as the stored data decides them. The gate itself (and signing in, which decides
 * who approves) comes later, so the page shows every rule with its state and keeps the buttons disabled.
 */
final class MergeGateView {

    private MergeGateView() {
    }

    /** @param met true (met), false (not met) or null (cannot be decided yet) */
    record Rule(String text, Boolean met, String detail) {
    }

    record Gate(List<Rule> rules, String blockedBecause) {
    }

    static Gate evaluate(PullRequestView pr, String epicOwner) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("The pull request is open", pr.open(), "it is " + pr.status()));
        rules.add(new Rule("CI is green", "SUCCESS".equals(pr.ciStatus()), "CI is " + pr.ciStatus()));
        boolean reviewed = !"PENDING".equals(pr.reviewStatus()) && !"CHANGES_REQUESTED".equals(pr.reviewStatus());
        rules.add(new Rule("The review agent has finished its review", reviewed, "review is " + pr.reviewStatus()));
        rules.add(new Rule("You are signed in with the approver role", null,
                "signing in with roles comes with authentication"));
        rules.add(new Rule("The approver is not the epic's owner", null, epicOwner == null
                ? "no epic is linked to this pull request" : "the epic's owner is " + epicOwner));
        String blocked = rules.stream().filter(rule -> !Boolean.TRUE.equals(rule.met()))
                .map(rule -> rule.text() + " (" + rule.detail() + ")").findFirst().orElse(null);
        return new Gate(rules, blocked);
    }
}
