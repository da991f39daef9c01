package dev.agentteam.common.prompt;

/** A prompt file that cannot be used: bad front matter, wrong name, missing fields. */
public class PromptFormatException extends RuntimeException {

    public PromptFormatException(String file, String reason) {
        super("prompt file " + file + ": " + reason);
    }
}
