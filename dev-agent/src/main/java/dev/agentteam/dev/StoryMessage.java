package dev.agentteam.dev;

import dev.agentteam.common.prompt.UntrustedText;

import java.util.stream.Collectors;

/** The user message of the tool loop: the story (and answers to earlier questions) as labelled, delimited data. */
final class StoryMessage {

    private StoryMessage() {
    }

    static String render(StoryAssignment story) {
        String criteria = story.acceptanceCriteria().isEmpty() ? "- (none given)"
                : story.acceptanceCriteria().stream().map(c -> "- " + UntrustedText.clean(c, 1000))
                        .collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder()
                .append("Implement story ISSUE-").append(story.storyId()).append(".\n<story>\n")
                .append("Title: ").append(UntrustedText.clean(story.title(), 300)).append('\n')
                .append("Statement: ").append(UntrustedText.clean(story.statement(), 4000)).append('\n')
                .append("Acceptance criteria:\n").append(criteria).append("\n</story>");
        if (!story.clarifications().isEmpty()) {
            text.append("\n<answers>\n").append(DeveloperLoop.clarificationsText(story)).append("\n</answers>");
        }
        return text.toString();
    }
}
