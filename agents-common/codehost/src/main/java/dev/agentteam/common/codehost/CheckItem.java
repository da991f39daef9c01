package dev.agentteam.common.codehost;

/** A Markdown task-list line: {@code - [x] text} when done. */
public record CheckItem(String text, boolean done) {

    public CheckItem {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a check item needs text");
        }
    }
}
