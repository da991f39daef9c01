package dev.agentteam.orchestrator.retrieval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.coderepository.Repositories;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Retrieval as the rest of the orchestrator (API, UI) uses it: hybrid search over a repository's index, the
 * index's state, and re-index requests. Errors are API problems.
 */
@Service
public class CodeSearch {

    private static final int SHOWN_SKIPPED = 50;

    private final Repositories repositories;
    private final EmbeddingSpace space;
    private final HybridSearch search;
    private final IndexStates states;
    private final IndexStore store;
    private final IndexScheduler scheduler;
    private final RetrievalProperties properties;
    private final SourceFiles files;

    CodeSearch(Repositories repositories, EmbeddingSpace space, HybridSearch search, IndexStates states,
               IndexStore store, IndexScheduler scheduler, RetrievalProperties properties, SourceFiles files) {
        this.repositories = repositories;
        this.space = space;
        this.search = search;
        this.states = states;
        this.store = store;
        this.scheduler = scheduler;
        this.properties = properties;
        this.files = files;
    }

    /** The chunks best matching the query; answers from what is indexed (and says so) while a run is going on. */
    public SearchResults search(long repositoryId, SearchQuery query) {
        requireEnabled();
        requireRepository(repositoryId);
        long start = System.nanoTime();
        float[] vector = null;
        if (query.mode() != SearchMode.TEXT) {
            try {
                vector = space.embedder().embedQuery(query.text());
            } catch (RuntimeException e) {
                throw unavailable("The embedding model is not available: " + e.getMessage());
            }
        }
        List<SearchHit> hits = search.search(repositoryId, query, vector);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResults(hits, tookMs, summary(status(repositoryId)));
    }

    /** The state of a repository's index. */
    public IndexStatus status(long repositoryId) {
        requireRepository(repositoryId);
        IndexStore.Totals totals = store.totals(repositoryId);
        String model = space.storedModel().orElse(null);
        return states.find(repositoryId).map(row -> new IndexStatus(repositoryId, row.status(), row.trigger(),
                        row.indexedCommit(), row.targetCommit(), totals.indexedFiles(), totals.skippedFiles(), totals.chunks(),
                        progress(row), row.requestedAt(), row.startedAt(), row.finishedAt(), row.lastError(),
                        store.skipped(repositoryId, SHOWN_SKIPPED), model))
                .orElseGet(() -> new IndexStatus(repositoryId, "NOT_INDEXED", null, null, null, 0, 0, 0, null, null, null,
                        null, null, List.of(), model));
    }

    /** Queues a run (a full rebuild when {@code full}); a repository already queued or running is not queued twice. */
    public IndexStatus reindex(long repositoryId, boolean full) {
        requireEnabled();
        requireRepository(repositoryId);
        scheduler.request(repositoryId, full ? "full rebuild requested" : "requested", full);
        return status(repositoryId);
    }

    /** A file at the indexed commit (or the default branch's head before the first index), to show search hits in. */
    public java.util.Optional<SourceFile> file(long repositoryId, String path) {
        return files.read(repositories.find(repositoryId).orElseThrow(() -> ApiProblems.notFound("repository", repositoryId)),
                states.find(repositoryId).map(IndexStates.Row::indexedCommit).orElse(null), path);
    }

    public int maxQueryChars() {
        return properties.maxQueryChars();
    }

    public int maxResults() {
        return properties.maxResults();
    }

    private static IndexStatus.Progress progress(IndexStates.Row row) {
        if (row.startedAt() == null) {
            return null;
        }
        double percent = row.bytesTotal() > 0 ? 100.0 * row.bytesDone() / row.bytesTotal()
                : row.filesTotal() > 0 ? 100.0 * row.filesDone() / row.filesTotal() : 100.0;
        Instant end = row.finishedAt() != null && "IDLE".equals(row.status()) ? row.finishedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(row.startedAt(), end).toMillis() / 1000.0);
        Double rate = row.chunksEmbedded() > 0 ? Math.round(row.chunksEmbedded() / seconds * 10) / 10.0 : null;
        Long eta = null;
        if ("INDEXING".equals(row.status()) && row.bytesDone() > 0) {
            eta = Math.round(seconds * (row.bytesTotal() - row.bytesDone()) / row.bytesDone());
        }
        return new IndexStatus.Progress(row.filesDone(), row.filesTotal(), row.bytesDone(), row.bytesTotal(),
                row.chunksWritten(), row.chunksEmbedded(), row.filesEmbedded(), row.filesSkipped(), row.filesRemoved(),
                Math.round(Math.min(100.0, percent) * 10) / 10.0, rate, eta);
    }

    private static SearchResults.IndexSummary summary(IndexStatus status) {
        boolean complete = "IDLE".equals(status.status()) && status.indexedCommit() != null;
        String notice = switch (status.status()) {
            case "IDLE" -> status.indexedCommit() == null ? "The repository's default branch is empty: nothing is indexed." : null;
            case "NOT_INDEXED" -> "The repository has not been indexed yet: there is nothing to search.";
            case "QUEUED", "INDEXING" -> "The repository is still being indexed"
                    + (status.progress() == null ? "" : " (" + status.progress().filesDone() + " of "
                            + status.progress().filesTotal() + " changed files done)")
                    + "; results come from what is indexed so far.";
            case "FAILED" -> "The last indexing run failed (" + status.lastError() + "); results come from what was indexed before.";
            default -> null;
        };
        return new SearchResults.IndexSummary(status.status(), complete, status.indexedCommit(), notice);
    }

    private void requireRepository(long repositoryId) {
        if (repositories.find(repositoryId).isEmpty()) {
            throw ApiProblems.notFound("repository", repositoryId);
        }
    }

    private void requireEnabled() {
        if (!properties.enabled()) {
            throw unavailable("Retrieval is turned off (agentteam.retrieval.enabled=false).");
        }
    }

    private static ErrorResponseException unavailable(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        body.setTitle("Retrieval unavailable");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, body, null);
    }
}
