package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * One indexing run of one repository: the tree at the head of its default branch against the manifest of what is
 * indexed, keyed by blob SHA — files gone from the tree leave, unchanged ones are not touched, and new and changed
 * files go through two passes: their chunks are written with their search terms at once (searchable by words),
 * then the chunks without a vector are embedded in batches (docs/adr/retrieval.md, "Two passes"). Progress is
 * written after every batch; an interrupted run resumes in whichever pass it stopped.
 */
@Component
class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final Repositories repositories;
    private final SourceTrees trees;
    private final EmbeddingSpace space;
    private final IndexStore store;
    private final IndexStates states;
    private final RetrievalProperties properties;
    private final FileFilter filter;

    Indexer(Repositories repositories, SourceTrees trees, EmbeddingSpace space, IndexStore store, IndexStates states,
            RetrievalProperties properties) {
        this.repositories = repositories;
        this.trees = trees;
        this.space = space;
        this.store = store;
        this.states = states;
        this.properties = properties;
        this.filter = new FileFilter(properties.maxFileSize(), properties.skipDirectories());
    }

    /** Runs the index of one repository; true when another run was requested meanwhile. */
    boolean run(long repositoryId) {
        Optional<RepositoryView> found = repositories.find(repositoryId);
        if (found.isEmpty()) {
            return false;
        }
        RepositoryView repository = found.get();
        try {
            Embedder embedder = space.embedder();
            if (states.takeFullRebuild(repositoryId)) {
                store.clear(repositoryId);
            }
            try (Repository git = trees.open(repository)) {
                return index(repository, git, embedder);
            }
        } catch (DataIntegrityViolationException e) {
            if (repositories.find(repositoryId).isEmpty()) {
                log.info("Repository {} was removed while it was being indexed", repositoryId);
                return false;
            }
            return failed(repository, e);
        } catch (RuntimeException e) {
            return failed(repository, e);
        }
    }

    private boolean failed(RepositoryView repository, RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
            log.info("Indexing of {} interrupted; it resumes at the next start", repository.name());
            return false;
        }
        log.warn("Indexing of repository {} failed: {}", repository.name(), e.toString());
        states.fail(repository.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return false;
    }

    private boolean index(RepositoryView repository, Repository git, Embedder embedder) {
        long id = repository.id();
        ObjectId head = resolve(git, Constants.R_HEADS + repository.defaultBranch());
        String commit = head == null ? null : head.name();
        List<TreeFile> files = head == null ? List.of() : SourceTrees.files(git, head);
        Map<String, String> manifest = store.manifest(id);
        List<TreeFile> changed = files.stream().filter(f -> !f.blobSha().equals(manifest.get(f.path()))).toList();
        Set<String> gone = new HashSet<>(manifest.keySet());
        files.forEach(f -> gone.remove(f.path()));
        long bytes = changed.stream().filter(f -> filter.beforeReading(f).isEmpty()).mapToLong(TreeFile::size).sum();
        states.start(id, commit, changed.size(), bytes);
        store.remove(id, gone);
        states.progress(id, new IndexStates.Progress(0, 0, 0, 0, gone.size(), 0, 0));
        writeText(id, git, changed, new Chunker(embedder.chunkChars(), properties.overlapLines()), manifest.keySet());
        states.textDone(id, commit);
        boolean vectorsDone = embedPending(id, embedder);
        boolean again = states.finish(id, commit);
        log.info("Indexed {} at {}: {} files changed, {} removed{}", repository.name(),
                head == null ? "(empty)" : head.abbreviate(8).name(), changed.size(), gone.size(),
                vectorsDone ? "" : "; the vectors still missing wait for the next run, requested meanwhile");
        return again;
    }

    /**
     * Pass 1, no model: every new or changed file's chunks with their search terms and its manifest row. A chunk
     * that is unchanged in a changed file keeps its vector; the others are written without one.
     */
    private void writeText(long id, Repository git, List<TreeFile> changed, Chunker chunker, Set<String> known) {
        Batch batch = new Batch(known);
        try (ObjectReader reader = git.newObjectReader()) {
            for (TreeFile file : changed) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                batch.add(prepare(file, reader, chunker));
                if (batch.chunks >= properties.batchSize()) {
                    flush(id, batch);
                }
            }
            flush(id, batch);
        }
    }

    /**
     * Pass 2: the chunks without a vector, {@code batchSize} at a time, each batch embedded outside any transaction
     * and stored keyed by row and content. Stops early (false) when another run was requested meanwhile — a push:
     * its text pass goes first, and the next run's vector pass picks up what is still missing.
     */
    private boolean embedPending(long id, Embedder embedder) {
        long after = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
            if (states.requestedSinceStart(id)) {
                return false;
            }
            List<IndexStore.PendingChunk> pending = store.withoutVector(id, after, properties.batchSize());
            if (pending.isEmpty()) {
                return true;
            }
            List<float[]> vectors = embed(embedder, pending.stream().map(IndexStore.PendingChunk::embeddingText).toList());
            store.storeVectors(pending, vectors);
            states.progress(id, new IndexStates.Progress(0, 0, 0, 0, 0, 0, pending.size()));
            after = pending.get(pending.size() - 1).id();
        }
    }

    private IndexedFile prepare(TreeFile file, ObjectReader reader, Chunker chunker) {
        Optional<String> skip = filter.beforeReading(file);
        if (skip.isPresent()) {
            return IndexedFile.skipped(file, skip.get());
        }
        byte[] bytes;
        try {
            bytes = reader.open(ObjectId.fromString(file.blobSha()), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
        FileFilter.Text text = FileFilter.decode(bytes);
        if (text.skipReason() != null) {
            return IndexedFile.skipped(file, text.skipReason());
        }
        List<Chunk> chunks = chunker.chunk(file.path(), text.content());
        return new IndexedFile(file, Language.of(file.path()), chunks, List.of(), null);
    }

    private void flush(long id, Batch batch) {
        if (batch.files.isEmpty()) {
            return;
        }
        List<IndexedFile> ready = new ArrayList<>();
        int written = 0;
        int indexedFiles = 0;
        int skipped = 0;
        long bytes = 0;
        for (IndexedFile file : batch.files) {
            Map<String, float[]> known = file.chunks().isEmpty() || !batch.known.contains(file.file().path()) ? Map.of()
                    : store.vectors(id, file.file().path());
            List<float[]> vectors = new ArrayList<>(file.chunks().size());
            for (Chunk chunk : file.chunks()) {
                vectors.add(known.get(IndexStore.reuseKey(chunk.symbol(), chunk.content())));
            }
            ready.add(new IndexedFile(file.file(), file.language(), file.chunks(), vectors, file.skipReason()));
            written += file.chunks().size();
            if (file.skipReason() == null) {
                indexedFiles++;
                bytes += file.file().size();
            } else {
                skipped++;
            }
        }
        store.write(id, ready);
        states.progress(id, new IndexStates.Progress(ready.size(), bytes, indexedFiles, skipped, 0, written, 0));
        batch.files.clear();
        batch.chunks = 0;
    }

    private static List<float[]> embed(Embedder embedder, List<String> texts) {
        try {
            return embedder.embed(texts);
        } catch (Embedder.EmbeddingFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Embedder.EmbeddingFailedException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    private static ObjectId resolve(Repository git, String ref) {
        try {
            return git.resolve(ref);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + ref, e);
        }
    }

    private static final class Batch {
        final List<IndexedFile> files = new ArrayList<>();
        /** Paths the index already holds: their unchanged chunks keep their vectors. */
        final Set<String> known;
        int chunks;

        Batch(Set<String> known) {
            this.known = known;
        }

        void add(IndexedFile file) {
            files.add(file);
            chunks += file.chunks().size();
        }
    }
}
