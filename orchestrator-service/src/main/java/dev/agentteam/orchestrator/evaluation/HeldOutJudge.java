package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxResult;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.util.FileUtils;
import org.springframework.stereotype.Component;

/**
 * Decides whether a task is solved: a fresh checkout of the pull request's head (from the forge's bare repository,
 * outside any agent's reach), the held-out tests copied in (and the test patch applied), the test command run in the
 * sandbox. The checkout is deleted afterwards; nothing is pushed.
 */
@Component
class HeldOutJudge {

    private final ForgeStorage forge;
    private final Sandbox sandbox;
    private final EvalProperties properties;

    HeldOutJudge(ForgeStorage forge, Sandbox sandbox, EvalProperties properties) {
        this.forge = forge;
        this.sandbox = sandbox;
        this.properties = properties;
    }

    /** @param judged false when the tests could not even run (the head could not be checked out, a patch did not apply) */
    record Verdict(boolean judged, boolean passed, String summary) {
    }

    Verdict judge(String repository, String headSha, EvalTask task, String testCommand) {
        Path checkout = null;
        try {
            checkout = Files.createTempDirectory("agentteam-eval-judge-");
            try (Git git = Git.cloneRepository().setURI(forge.path(repository).toUri().toString())
                    .setDirectory(checkout.toFile()).call()) {
                git.checkout().setName(headSha).call();
                if (task.testPatch() != null) {
                    git.apply().setPatch(new ByteArrayInputStream(task.testPatch().getBytes(StandardCharsets.UTF_8))).call();
                }
            }
            for (Map.Entry<String, byte[]> file : task.heldOut().entrySet()) {
                Path target = checkout.resolve(file.getKey()).normalize();
                if (!target.startsWith(checkout)) {
                    throw new IllegalArgumentException("held-out file outside the checkout: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            SandboxResult result = sandbox.run(checkout, List.of("/bin/sh", "-c", testCommand), properties.judgeTimeout());
            boolean passed = !result.timedOut() && result.exitCode() == 0;
            return new Verdict(true, passed, (result.timedOut() ? "held-out tests timed out" : "held-out tests exit "
                    + result.exitCode()) + ": " + tail(result.output()));
        } catch (IOException | GitAPIException e) {
            return new Verdict(false, false, "could not judge " + headSha + ": " + e.getMessage());
        } finally {
            if (checkout != null) {
                try {
                    FileUtils.delete(checkout.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
                } catch (IOException ignored) {
                    // a temporary directory; the OS cleans it eventually
                }
            }
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    }
}
