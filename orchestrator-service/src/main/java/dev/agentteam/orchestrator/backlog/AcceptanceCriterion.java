package dev.agentteam.orchestrator.backlog;

/** One acceptance criterion of a story, as the PO writes it: Given a context, When something happens, Then an outcome. */
public record AcceptanceCriterion(String given, String when, String then) {

    /** One readable line, e.g. for a pull request's checklist. */
    public String text() {
        return "Given " + given + ", when " + when + ", then " + then;
    }
}
