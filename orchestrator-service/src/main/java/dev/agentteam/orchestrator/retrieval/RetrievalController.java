package dev.agentteam.orchestrator.retrieval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search over a repository's code and the state of its index. People use it with an API token (viewer reads,
 * approver re-indexes); agents use the same search at {@code /api/forge/repositories/{id}/search} with their
 * forge token (docs/adr/retrieval.md).
 */
@RestController
@Tag(name = "Retrieval", description = "Hybrid (vector + full-text) search over a repository's code, and its index")
class RetrievalController {

    private final CodeSearch codeSearch;

    RetrievalController(CodeSearch codeSearch) {
        this.codeSearch = codeSearch;
    }

    @GetMapping(path = {"/api/repositories/{id}/search", "/api/forge/repositories/{id}/search"},
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Search the code of a repository", description = "The k chunks that best answer q, by "
            + "reciprocal-rank fusion of vector similarity (pgvector HNSW, cosine) and PostgreSQL full-text search "
            + "(identifiers split at camelCase and snake_case). While the repository is still being indexed the "
            + "results come from what is indexed so far and index.complete is false: a run writes every file's text "
            + "first, so chunks still without a vector take part through their words (the notice says how many). "
            + "Agents call the same search "
            + "under /api/forge/repositories/{id}/search with their forge token.")
    @ApiResponse(responseCode = "200", description = "The results, best first")
    @ApiResponse(responseCode = "400", description = "Empty or too long q, k out of range, bad path, language or mode",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such repository",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Retrieval is off or the embedding model is unavailable",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    SearchResults search(@PathVariable("id") long id,
                         @Parameter(description = "What you look for, in words or identifiers") @RequestParam(name = "q", required = false) String q,
                         @Parameter(description = "How many results, 1 to max (default 10, max 50)") @RequestParam(name = "k", required = false) Integer k,
                         @Parameter(description = "Only files below this path prefix, e.g. src/main/") @RequestParam(name = "path", required = false) String path,
                         @Parameter(description = "Only this language: java, python, javascript, typescript, go, ...") @RequestParam(name = "language", required = false) String language,
                         @Parameter(description = "hybrid (default), vector or text") @RequestParam(name = "mode", required = false) String mode) {
        SearchQuery query = SearchQueries.parse(q, k, path, language, mode, codeSearch.maxQueryChars(),
                codeSearch.maxResults());
        return codeSearch.search(id, query);
    }

    @GetMapping(path = "/api/repositories/{id}/index", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The state of a repository's index", description = "Commit indexed, files and chunks, the "
            + "chunks still without a vector, whether the index is complete, the current or last run's progress — its "
            + "pass (text: every changed file's chunks written, searchable by words; then vectors: the chunks "
            + "embedded in batches) with the rate and ETA of that pass — the last error and the skipped files with "
            + "their reasons.")
    @ApiResponse(responseCode = "200", description = "The index state")
    @ApiResponse(responseCode = "404", description = "No such repository",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    IndexStatus index(@PathVariable("id") long id) {
        return codeSearch.status(id);
    }

    @PostMapping(path = "/api/repositories/{id}/index", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Re-index a repository", description = "Queues an indexing run in the background and answers "
            + "at once (202) with the index state. Only changed files are embedded again; full=true empties the "
            + "repository's index first. A repository already queued or being indexed is not queued twice.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "404", description = "No such repository",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Retrieval is off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IndexStatus> reindex(@PathVariable("id") long id,
                                        @Parameter(description = "true: rebuild from scratch") @RequestParam(name = "full", defaultValue = "false") boolean full) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(codeSearch.reindex(id, full));
    }
}
