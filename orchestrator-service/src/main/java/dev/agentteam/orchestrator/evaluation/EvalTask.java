package dev.agentteam.orchestrator.evaluation;

import java.util.List;
import java.util.Map;

/**
 * One benchmark task: where the code comes from, the story the team gets, and the held-out tests that decide success
 * (copied into the pull request's head only after the agents finished; never pushed to the forge, never in a prompt).
 *
 * @param testCommand the command that runs the held-out tests and the tests that must keep passing; null: the
 *                    repository's own
 * @param heldOut     files (path → content) added to the checkout before judging
 * @param testPatch   a unified diff applied to the checkout before judging (SWE-bench's {@code test_patch}), or null
 */
record EvalTask(String id, String title, String statement, List<String> acceptanceCriteria, String difficulty,
                Source source, String testCommand, Map<String, byte[]> heldOut, String testPatch) {

    /** Exactly one of: a bundled repository template, a local directory, or a git URL at a base commit. */
    record Source(String template, String path, String gitUrl, String baseCommit) {

        String describe() {
            return template != null ? "template " + template : path != null ? "path " + path : gitUrl + "@" + baseCommit;
        }
    }
}
