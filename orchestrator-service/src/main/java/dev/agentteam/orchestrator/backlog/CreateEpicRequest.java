package dev.agentteam.orchestrator.backlog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateEpicRequest(
        @Schema(example = "Password reset by e-mail", maxLength = 200)
        @NotBlank @Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String title,
        @Schema(description = "What the customer wants, in their words", maxLength = 20_000)
        @Size(max = 20_000, message = "must be at most 20000 characters") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String description,
        @Schema(description = "The user who asks for the epic", example = "1")
        @NotNull @Positive Long ownerId,
        @Schema(description = "The repository the epic's code goes into (optional)")
        @Positive Long repositoryId) {

    // PostgreSQL text cannot hold U+0000; refusing it here keeps it from becoming a database error.
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

    NewEpic toCommand() {
        return new NewEpic(title.strip(), description, ownerId, repositoryId);
    }
}
