package dev.agentteam.common.task;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

import static dev.agentteam.common.task.TaskPayloads.required;

/**
 * The payload of {@code po.refine_epic}: the epic to split into stories, the titles of stories it already has
 * (strings or objects with a {@code title}), and the answers to questions of an earlier attempt.
 */
public record RefineEpic(Long epicId, String title, String description, Long ownerId, Long repositoryId,
                         List<ExistingStory> existingStories, List<Clarification> clarifications) implements CheckedPayload {

    public RefineEpic {
        existingStories = existingStories == null ? List.of() : List.copyOf(existingStories);
        clarifications = clarifications == null ? List.of() : List.copyOf(clarifications);
    }

    /** A new refinement of an epic (no stories yet, no answers). */
    public RefineEpic(Long epicId, String title, String description, Long ownerId, Long repositoryId) {
        this(epicId, title, description, ownerId, repositoryId, List.of(), List.of());
    }

    @Override
    public void check() {
        required(epicId, "epic_id");
        required(title, "title");
    }

    /** A story the epic already has; a bare string is its title. */
    public record ExistingStory(Long id, String title) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public ExistingStory {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ExistingStory titled(String title) {
            return new ExistingStory(null, title);
        }
    }
}
