package dev.agentteam.orchestrator.retrieval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns an {@code index_states} row and the index's counts into what the API and the UI show: the phase of the run,
 * its rate and ETA for the pass running, whether the index is complete, and the notice a search carries when it
 * is not.
 */
final class IndexReports {

    private static final String TEXT = IndexStates.Phase.TEXT.key;
    private static final String VECTORS = IndexStates.Phase.VECTORS.key;

    private IndexReports() {
    }

    static IndexStatus status(long repositoryId, IndexStates.Row row, IndexStore.Totals totals, long withoutVector,
                              List<SkippedFile> skipped, String model, Instant now) {
        boolean complete = "IDLE".equals(row.status()) && row.indexedCommit() != null && withoutVector == 0;
        return new IndexStatus(repositoryId, row.status(), complete, row.trigger(), row.indexedCommit(), row.targetCommit(),
                totals.indexedFiles(), totals.skippedFiles(), totals.chunks(), withoutVector,
                progress(row, totals.chunks(), withoutVector, now), row.requestedAt(), row.startedAt(), row.finishedAt(),
                row.lastError(), skipped, model);
    }

    static IndexStatus notIndexed(long repositoryId, String model) {
        return new IndexStatus(repositoryId, "NOT_INDEXED", false, null, null, null, 0, 0, 0, 0, null, null, null, null,
                null, List.of(), model);
    }

    private static IndexStatus.Progress progress(IndexStates.Row row, long chunks, long withoutVector, Instant now) {
        if (row.startedAt() == null) {
            return null;
        }
        boolean running = "INDEXING".equals(row.status());
        String phase = running || "FAILED".equals(row.status()) ? row.phase() : null;
        double percent = row.bytesTotal() > 0 ? 100.0 * row.bytesDone() / row.bytesTotal()
                : row.filesTotal() > 0 ? 100.0 * row.filesDone() / row.filesTotal() : 100.0;
        double vectorsPercent = chunks > 0 ? 100.0 * (chunks - withoutVector) / chunks : 100.0;
        Instant end = running || row.finishedAt() == null ? now : row.finishedAt();
        boolean textRunning = running && TEXT.equals(row.phase());
        // the pass's own start: the rate of the vector pass is not diluted by the (much faster) text pass
        Instant from = row.phaseStartedAt() != null && (textRunning || VECTORS.equals(row.phase()))
                ? row.phaseStartedAt() : row.startedAt();
        double seconds = Math.max(0.001, Duration.between(from, end).toMillis() / 1000.0);
        int done = textRunning ? row.chunksWritten() : row.chunksEmbedded();
        Double rate = done > 0 ? Math.round(done / seconds * 10) / 10.0 : null;
        Long eta = null;
        if (textRunning && row.bytesDone() > 0) {
            eta = Math.round(seconds * (row.bytesTotal() - row.bytesDone()) / row.bytesDone());
        } else if (running && VECTORS.equals(row.phase()) && rate != null) {
            eta = Math.round(withoutVector / (done / seconds));
        }
        return new IndexStatus.Progress(phase, row.filesDone(), row.filesTotal(), row.bytesDone(), row.bytesTotal(),
                row.chunksWritten(), row.chunksEmbedded(), row.filesEmbedded(), row.filesSkipped(), row.filesRemoved(),
                tenths(Math.min(100.0, percent)), tenths(Math.min(100.0, vectorsPercent)), rate, eta);
    }

    /** The index behind a search: complete or not, and if not, why the results may miss something. */
    static SearchResults.IndexSummary summary(IndexStatus status) {
        String notice = switch (status.status()) {
            case "IDLE" -> status.indexedCommit() == null ? "The repository's default branch is empty: nothing is indexed."
                    : vectorsNotice(status, "");
            case "NOT_INDEXED" -> "The repository has not been indexed yet: there is nothing to search.";
            case "QUEUED", "INDEXING" -> status.progress() != null && VECTORS.equals(status.progress().phase())
                    ? "The text of every file is indexed; the repository is still being embedded. "
                            + vectorsNotice(status, "")
                    : "The repository is still being indexed"
                            + (status.progress() == null ? "" : " (" + status.progress().filesDone() + " of "
                                    + status.progress().filesTotal() + " changed files done)")
                            + "; results come from what is indexed so far."
                            + vectorsNotice(status, " ");
            case "FAILED" -> "The last indexing run failed (" + status.lastError() + "); results come from what was indexed before."
                    + vectorsNotice(status, " ");
            default -> null;
        };
        return new SearchResults.IndexSummary(status.status(), status.complete(), status.indexedCommit(),
                notice == null || notice.isEmpty() ? null : notice);
    }

    private static String vectorsNotice(IndexStatus status, String separator) {
        if (status.chunksWithoutVector() == 0) {
            return "";
        }
        return separator + status.chunksWithoutVector() + " of " + status.chunks() + " chunks still lack vectors: "
                + "they are found by their words only, until they are embedded.";
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
