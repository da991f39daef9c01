package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.api.ApiProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateEpicRequest(
        @Schema(example = "Password reset by e-mail", maxLength = 200)
        @NotBlank @Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String title,
        @Schema(description = "What the customer wants, in their words", maxLength = 20_000)
        @Size(max = 20_000, message = "must be at most 20000 characters") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String description,
        @Schema(description = "Optional, and only ever the caller: the owner of an epic is whoever submits it (the "
                + "merge gate keeps its owner from approving its pull requests). Another user's id answers 422.",
                example = "1", nullable = true)
        @Positive Long ownerId,
        @Schema(description = "The repository the epic's code goes into (optional)")
        @Positive Long repositoryId) {

    // PostgreSQL text cannot hold U+0000; refusing it here keeps it from becoming a database error.
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

    /** The command for {@code caller}, who becomes the owner; naming anyone else as owner is refused. */
    NewEpic toCommand(long caller) {
        if (ownerId != null && ownerId != caller) {
            throw ApiProblems.unprocessable("owner_id " + ownerId + " is not you: the owner of an epic is the user "
                    + "who submits it (you are user " + caller + "); leave owner_id out.");
        }
        return new NewEpic(title.strip(), description, caller, repositoryId);
    }
}
