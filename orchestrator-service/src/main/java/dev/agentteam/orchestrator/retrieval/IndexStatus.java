package dev.agentteam.orchestrator.retrieval;

import java.time.Instant;
import java.util.List;

/**
 * The index of one repository as the API and the UI show it.
 *
 * @param status              NOT_INDEXED, QUEUED, INDEXING, IDLE (up to date with indexed_commit) or FAILED
 * @param complete            true when every file of indexed_commit is searchable by its words and every chunk has
 *                            its vector (IDLE, nothing pending)
 * @param indexedCommit       the commit whose text the index holds (set when a run's text pass is done)
 * @param targetCommit        the commit the current or last run works towards
 * @param chunks              chunks stored
 * @param chunksWithoutVector chunks written by the text pass still waiting for their vector: searchable by their
 *                            words only until then
 * @param progress            the current or last run
 * @param skipped             the first skipped files with their reasons
 * @param model               the embedding model of the stored vectors
 */
public record IndexStatus(long repositoryId, String status, boolean complete, String trigger, String indexedCommit,
                          String targetCommit, int indexedFiles, int skippedFiles, long chunks, long chunksWithoutVector,
                          Progress progress, Instant requestedAt, Instant startedAt, Instant finishedAt,
                          String lastError, List<SkippedFile> skipped, String model) {

    /**
     * A run's progress. A run has two passes: {@code text} (every new or changed file's chunks written with their
     * search terms, no model) and then {@code vectors} (the chunks without a vector embedded in batches).
     *
     * @param phase          {@code text} or {@code vectors} while the run goes on (or the pass a failed run stopped
     *                       in); null once it is over
     * @param filesTotal     files new or changed at the start of the run (unchanged files are not counted: they cost nothing)
     * @param percent        of the text pass, by bytes
     * @param chunksWritten  chunks the text pass wrote
     * @param chunksEmbedded chunks the model embedded; the other written chunks kept the vectors of unchanged chunks
     * @param vectorsPercent chunks of the repository that have their vector
     * @param chunksPerSecond the rate of the pass running: chunks written per second in the text pass, chunks
     *                       embedded per second in the vector pass (after the run: the vector pass's rate)
     * @param etaSeconds     the time left in the pass running, at its rate so far; null before its first batch
     */
    public record Progress(String phase, int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                           int chunksWritten, int chunksEmbedded, int filesEmbedded, int filesSkipped, int filesRemoved,
                           double percent, double vectorsPercent, Double chunksPerSecond, Long etaSeconds) {
    }

    public boolean running() {
        return "INDEXING".equals(status) || "QUEUED".equals(status);
    }
}
