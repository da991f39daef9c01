package dev.agentteam.common.task;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * The payload of {@code dev.implement_story}: the story with its acceptance criteria, the repository, and the answers
 * to questions the agent asked in an earlier attempt ({@code clarifications}, merged in when a person answered).
 */
public record ImplementStory(Story story, RepositoryTarget repository, List<Clarification> clarifications) {

    public ImplementStory {
        clarifications = clarifications == null ? List.of() : List.copyOf(clarifications);
    }

    public record Story(Long id, Long epicId, String title, String statement, List<Criterion> acceptanceCriteria) {

        public Story {
            acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        }

        /** Each acceptance criterion as one line ({@link Criterion#asText()}), blank ones left out. */
        public List<String> criteriaText() {
            return acceptanceCriteria.stream().map(Criterion::asText).filter(text -> !text.isBlank()).toList();
        }
    }

    /** Given/when/then as the PO writes it; {@code text} for a criterion written as one sentence (older payloads). */
    public record Criterion(String given, String when, String then, String text) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Criterion {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Criterion sentence(String text) {
            return new Criterion(null, null, null, text);
        }

        /** The criterion as one line: the sentence, or "Given …, when …, then …". */
        public String asText() {
            if (text != null) {
                return text.strip();
            }
            return ("Given " + given + ", when " + when + ", then " + then).replaceAll("\\s+", " ").strip();
        }
    }
}
