package dev.agentteam.orchestrator.coderepository;

import dev.agentteam.orchestrator.api.Locations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.List;

import dev.agentteam.orchestrator.api.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/repositories", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Repositories", description = "The code repositories: embedded forge (default) or GitHub")
class RepositoryController {

    private final Repositories repositories;

    RepositoryController(Repositories repositories) {
        this.repositories = repositories;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or register a repository", description = "An embedded repository is created in the "
            + "forge from a template or a local path and served at /git/<name>.git; a GitHub one is registered by "
            + "full_name. 400 bad input, 409 duplicate name, 422 unknown template or path.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RepositoryView> create(@Valid @RequestBody CreateRepositoryRequest request) {
        RepositoryView created = repositories.create(request.toCommand(repositories));
        var location = Locations.of("/api/repositories/{id}", created.id());
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping(path = "/{id}/quality", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the repository's Definition-of-Done checks", description = "lint_command, "
            + "coverage_command with coverage_threshold, security_command (each optional; absent means not configured) "
            + "and required_checks, the checks the merge gate requires green. The next CI run uses them. "
            + "400 bad input, 404 unknown repository.")
    RepositoryView updateQuality(@PathVariable("id") long id, @Valid @RequestBody QualityRequest request) {
        return repositories.updateQuality(id, request.toCommands());
    }

    @GetMapping
    @Operation(summary = "All repositories, oldest first")
    List<RepositoryView> list() {
        return repositories.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One repository")
    RepositoryView get(@PathVariable("id") long id) {
        return repositories.find(id).orElseThrow(() -> ApiProblems.notFound("repository", id));
    }
}
