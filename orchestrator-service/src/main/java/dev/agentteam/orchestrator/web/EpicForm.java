package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.backlog.NewEpic;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The backlog page's "new epic" form, with messages written for the person filling it in. */
class EpicForm {

    @NotBlank(message = "Give the epic a title.")
    @Size(max = 200, message = "Keep the title under 200 characters.")
    @Pattern(regexp = "[^\\x00]*", message = "The title contains a NUL character.")
    private String title = "";

    @Size(max = 20_000, message = "Keep the description under 20000 characters.")
    @Pattern(regexp = "[^\\x00]*", message = "The description contains a NUL character.")
    private String description = "";

    private Long repositoryId;

    /** The owner is the person signed in, never a value from the form. */
    NewEpic toCommand(long owner) {
        return new NewEpic(title.strip(), description == null ? "" : description, owner, repositoryId);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public void setRepositoryId(Long repositoryId) {
        this.repositoryId = repositoryId;
    }
}
