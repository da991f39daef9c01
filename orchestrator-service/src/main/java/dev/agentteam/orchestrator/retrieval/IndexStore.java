package dev.agentteam.orchestrator.retrieval;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pgvector.PGvector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index's rows: chunks with their search terms and vectors ({@code embeddings}) and the per-file manifest
 * ({@code index_files}). A file's chunks and its manifest row change in one transaction, so an interrupted run
 * leaves every file either fully old or fully new — the next run continues from there without duplicates. A chunk
 * may be written without a vector (the text pass); the vector pass fills it in later, row by row.
 */
@Component
class IndexStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IndexStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** path → blob SHA of every file the index has seen (indexed or skipped). */
    Map<String, String> manifest(long repositoryId) {
        Map<String, String> manifest = new HashMap<>();
        jdbc.sql("select path, blob_sha from index_files where repository_id = ?").param(repositoryId)
                .query(rs -> {
                    manifest.put(rs.getString(1), rs.getString(2));
                });
        return manifest;
    }

    /**
     * The vectors of a file's current chunks by what was embedded (symbol and text): a changed file keeps the
     * vectors of its unchanged chunks, so a one-line edit embeds one chunk, not the whole file.
     */
    Map<String, float[]> vectors(long repositoryId, String path) {
        Map<String, float[]> vectors = new HashMap<>();
        jdbc.sql("""
                select symbol, content, embedding::text from embeddings
                where repository_id = ? and source = ? and embedding is not null""")
                .params(repositoryId, path)
                .query(rs -> {
                    vectors.put(reuseKey(rs.getString(1), rs.getString(2)), new PGvector(rs.getString(3)).toArray());
                });
        return vectors;
    }

    static String reuseKey(String symbol, String content) {
        return symbol + "\n" + content;
    }

    /** Replaces the chunks and manifest rows of these files; a chunk whose vector is null waits for the vector pass. */
    @Transactional
    public void write(long repositoryId, List<IndexedFile> files) {
        List<Object[]> rows = new ArrayList<>();
        for (IndexedFile file : files) {
            jdbc.sql("delete from embeddings where repository_id = ? and source = ?")
                    .params(repositoryId, file.file().path()).update();
            for (int i = 0; i < file.chunks().size(); i++) {
                Chunk chunk = file.chunks().get(i);
                String head = Terms.document(chunk.path().replace('/', ' ') + " " + (chunk.symbol() == null ? "" : chunk.symbol()));
                rows.add(new Object[] {repositoryId, chunk.path(), file.file().blobSha(), i, chunk.content(),
                        vector(file.vectors().get(i)), chunk.language().key(), chunk.symbol(), chunk.startLine(),
                        chunk.endLine(), head, Terms.document(chunk.content())});
            }
            jdbc.sql("""
                    insert into index_files (repository_id, path, blob_sha, language, size_bytes, chunks, skip_reason, indexed_at)
                    values (?, ?, ?, ?, ?, ?, ?, now())
                    on conflict (repository_id, path) do update set blob_sha = excluded.blob_sha,
                        language = excluded.language, size_bytes = excluded.size_bytes, chunks = excluded.chunks,
                        skip_reason = excluded.skip_reason, indexed_at = now()""")
                    .params(repositoryId, file.file().path(), file.file().blobSha(), file.language().key(),
                            file.file().size(), file.chunks().size(), file.skipReason())
                    .update();
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("""
                    insert into embeddings (repository_id, source, blob_sha, chunk_index, content, embedding, language,
                                            symbol, start_line, end_line, terms)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            setweight(to_tsvector('english', ?), 'A') || to_tsvector('english', ?))""", rows);
        }
    }

    /**
     * Up to {@code limit} chunks of a repository without a vector, in row order, after row {@code afterId}: the
     * vector pass walks them once; a chunk written meanwhile has a larger id and comes later in the same walk.
     */
    List<PendingChunk> withoutVector(long repositoryId, long afterId, int limit) {
        return jdbc.sql("""
                select id, source, symbol, content from embeddings
                where repository_id = ? and embedding is null and id > ?
                order by id limit ?""")
                .params(repositoryId, afterId, limit)
                .query((rs, row) -> new PendingChunk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Stores the vectors of these chunks, each keyed by its row id and the content it was embedded from: a chunk
     * rewritten or removed meanwhile (a newer push) is not touched, nor one that got its vector elsewhere. Returns
     * how many were stored.
     */
    @Transactional
    public int storeVectors(List<PendingChunk> chunks, List<float[]> vectors) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            PendingChunk chunk = chunks.get(i);
            rows.add(new Object[] {new PGvector(vectors.get(i)), chunk.id(), chunk.content(),
                    new SqlParameterValue(Types.VARCHAR, chunk.symbol())});
        }
        int stored = 0;
        for (int count : template.batchUpdate("""
                update embeddings set embedding = ?
                where id = ? and content = ? and symbol is not distinct from ? and embedding is null""", rows)) {
            stored += Math.max(count, 0);
        }
        return stored;
    }

    /** How many chunks of a repository wait for their vector. */
    long countWithoutVector(long repositoryId) {
        return jdbc.sql("select count(*) from embeddings where repository_id = ? and embedding is null")
                .param(repositoryId).query(Long.class).single();
    }

    /** A vector, or a NULL typed as one (an untyped NULL would cost a parameter-type round trip per row). */
    private static Object vector(float[] vector) {
        return vector == null ? new SqlParameterValue(Types.OTHER, "vector", null) : new PGvector(vector);
    }

    /** Files no longer in the tree leave the index. */
    @Transactional
    public void remove(long repositoryId, Collection<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        String[] array = paths.toArray(String[]::new);
        jdbc.sql("delete from embeddings where repository_id = ? and source = any(?)").params(repositoryId, array).update();
        jdbc.sql("delete from index_files where repository_id = ? and path = any(?)").params(repositoryId, array).update();
    }

    /** Everything of one repository, for a full rebuild. */
    @Transactional
    public void clear(long repositoryId) {
        jdbc.sql("delete from embeddings where repository_id = ?").param(repositoryId).update();
        jdbc.sql("delete from index_files where repository_id = ?").param(repositoryId).update();
    }

    /** Indexed files, skipped files and chunks of a repository. */
    Totals totals(long repositoryId) {
        return jdbc.sql("""
                select count(*) filter (where skip_reason is null) as indexed,
                       count(*) filter (where skip_reason is not null) as skipped,
                       coalesce(sum(chunks), 0) as chunks
                from index_files where repository_id = ?""")
                .param(repositoryId)
                .query((rs, row) -> new Totals(rs.getInt("indexed"), rs.getInt("skipped"), rs.getLong("chunks")))
                .single();
    }

    /** The first skipped files, by path, with their reasons. */
    List<SkippedFile> skipped(long repositoryId, int limit) {
        return jdbc.sql("""
                select path, skip_reason from index_files where repository_id = ? and skip_reason is not null
                order by path limit ?""")
                .params(repositoryId, limit)
                .query((rs, row) -> new SkippedFile(rs.getString(1), rs.getString(2)))
                .list();
    }

    record Totals(int indexedFiles, int skippedFiles, long chunks) {
    }

    /** A chunk written by the text pass that has no vector yet. */
    record PendingChunk(long id, String path, String symbol, String content) {

        String embeddingText() {
            return Chunk.embeddingText(path, symbol, content);
        }
    }
}
