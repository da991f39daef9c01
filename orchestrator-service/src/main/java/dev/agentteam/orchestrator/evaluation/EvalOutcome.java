package dev.agentteam.orchestrator.evaluation;

/**
 * How one task ended.
 *
 * @param reason   {@code solved}, {@code tests}, {@code no_pr}, {@code budget}, {@code clarify}, {@code error} or {@code timeout}
 * @param detail   why, in a line or two (the held-out tests' last lines, the agent's error, its questions)
 * @param prNumber the pull request judged, or null
 */
record EvalOutcome(String reason, String detail, Integer prNumber) {
}
