package dev.agentteam.orchestrator.retrieval;

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

    /**
     * The chunks best matching the query; answers from what is indexed (and says so) while a run is going on: by
     * their words for every chunk written, by their vectors for those embedded so far.
     */
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
        IndexStatus status = status(repositoryId);
        double coverage = status.chunks() == 0 ? 1.0 : 1.0 - (double) status.chunksWithoutVector() / status.chunks();
        List<SearchHit> hits = search.search(repositoryId, query, vector, coverage);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResults(hits, tookMs, IndexReports.summary(status));
    }

    /** The state of a repository's index. */
    public IndexStatus status(long repositoryId) {
        requireRepository(repositoryId);
        String model = space.storedModel().orElse(null);
        return states.find(repositoryId).map(row -> IndexReports.status(repositoryId, row, store.totals(repositoryId),
                        store.countWithoutVector(repositoryId), store.skipped(repositoryId, SHOWN_SKIPPED), model, Instant.now()))
                .orElseGet(() -> IndexReports.notIndexed(repositoryId, model));
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
