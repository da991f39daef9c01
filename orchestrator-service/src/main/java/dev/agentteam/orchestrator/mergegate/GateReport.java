package dev.agentteam.orchestrator.mergegate;

import java.util.List;

/**
 * The merge gate's rules for one pull request as one person sees them, for the UI: the same checks that refuse an
 * approve or merge.
 *
 * @param canApprove whether this person may approve the head commit now
 * @param canReject  whether this person may reject it now
 * @param canMerge   whether this person may merge now
 */
public record GateReport(List<Rule> rules, boolean canApprove, boolean canReject, boolean canMerge) {

    /** @param met whether the rule holds; {@code detail} says why not (or what holds) */
    public record Rule(String text, boolean met, String detail) {
    }

    /** The first rule that does not hold, or null. */
    public String blockedBecause() {
        return rules.stream().filter(rule -> !rule.met()).map(rule -> rule.text() + " (" + rule.detail() + ")")
                .findFirst().orElse(null);
    }
}
