package dev.agentteam.common.sandbox;

import java.time.Duration;

/**
 * What a sandboxed command did.
 *
 * @param exitCode  the command's exit status (128 + signal when a signal ended it)
 * @param timedOut  the wall-clock limit was reached and the process tree was killed
 * @param output    combined stdout and stderr, cut in the middle when longer than the cap
 * @param truncated whether {@code output} was cut
 * @param duration  wall-clock time the command ran
 */
public record SandboxResult(int exitCode, boolean timedOut, String output, boolean truncated, Duration duration) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
