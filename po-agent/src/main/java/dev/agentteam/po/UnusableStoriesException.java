package dev.agentteam.po;

/** The model's stories break a rule that no repair in code can fix, even after the one revision it was asked for. */
class UnusableStoriesException extends RuntimeException {

    UnusableStoriesException(String reason) {
        super("the proposed stories cannot be used: " + reason);
    }
}
