package dev.agentteam.orchestrator.retrieval;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedding model and the vectors in the database, kept in agreement. The model is loaded on first use (not at
 * start-up: an endpoint may be down, an ONNX model takes a second). When the configured model is not the one the
 * stored vectors came from — another name, or another dimension — the index is emptied, the vector column and its
 * HNSW index are rebuilt for the new dimension, and every repository is queued for a full re-index: a model
 * change costs a re-index, never a crash (docs/adr/retrieval.md).
 */
@Component
class EmbeddingSpace {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingSpace.class);
    /** pgvector's HNSW index takes vectors of at most 2,000 dimensions. */
    static final int MAX_INDEXED_DIMENSION = 2000;
    private static final long MODEL_CHANGE_LOCK = 0x52414731L;

    private final RetrievalProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Embedder embedder;

    EmbeddingSpace(RetrievalProperties properties, JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The model, loaded and reconciled with the stored vectors on the first call. */
    Embedder embedder() {
        Embedder current = embedder;
        if (current == null) {
            synchronized (this) {
                if (embedder == null) {
                    Embedder created = EmbedderFactory.create(properties);
                    reconcile(created);
                    embedder = created;
                }
                current = embedder;
            }
        }
        return current;
    }

    /** The model name the stored vectors come from, if any were stored yet. */
    Optional<String> storedModel() {
        return jdbc.sql("select name from embedding_model where id = 1").query(String.class).optional();
    }

    private void record(Embedder model) {
        jdbc.sql("""
                insert into embedding_model (id, name, dimension, changed_at) values (1, ?, ?, now())
                on conflict (id) do update set name = excluded.name, dimension = excluded.dimension, changed_at = now()""")
                .params(model.name(), model.dimension()).update();
    }

    private void reconcile(Embedder model) {
        if (model.dimension() > MAX_INDEXED_DIMENSION) {
            throw new Embedder.EmbeddingFailedException("the model " + model.name() + " has " + model.dimension()
                    + " dimensions; pgvector's HNSW index takes at most " + MAX_INDEXED_DIMENSION
                    + ": choose a model (or an endpoint 'dimensions' setting) with fewer");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(MODEL_CHANGE_LOCK).query(Object.class).single();
            Optional<String> stored = jdbc.sql("select name || '/' || dimension from embedding_model where id = 1")
                    .query(String.class).optional();
            int columnDimension = jdbc.sql("""
                    select atttypmod from pg_attribute
                    where attrelid = 'embeddings'::regclass and attname = 'embedding'""").query(Integer.class).single();
            String wanted = model.name() + "/" + model.dimension();
            if (stored.map(wanted::equals).orElse(false) && columnDimension == model.dimension()) {
                return;
            }
            boolean hadVectors = jdbc.sql("select exists (select 1 from embeddings)").query(Boolean.class).single();
            if (stored.isEmpty() && !hadVectors && columnDimension == model.dimension()) {
                // the first model of this database: nothing to throw away; repositories without a state get one
                record(model);
                jdbc.sql("""
                        insert into index_states (repository_id, status, trigger, requested_at)
                        select id, 'QUEUED', 'registered', clock_timestamp() from repositories
                        on conflict (repository_id) do nothing""").update();
                return;
            }
            jdbc.sql("delete from embeddings").update();
            jdbc.sql("delete from index_files").update();
            if (columnDimension != model.dimension()) {
                jdbc.sql("drop index if exists embeddings_hnsw_idx").update();
                jdbc.sql("alter table embeddings alter column embedding type vector(" + model.dimension() + ")").update();
                jdbc.sql("create index embeddings_hnsw_idx on embeddings using hnsw (embedding vector_cosine_ops)").update();
            }
            record(model);
            int queued = jdbc.sql("""
                    insert into index_states (repository_id, status, trigger, requested_at)
                    select id, 'QUEUED', 'embedding model changed', clock_timestamp() from repositories
                    on conflict (repository_id) do update set status = 'QUEUED', trigger = excluded.trigger,
                        indexed_commit = null, requested_at = excluded.requested_at, updated_at = now()""").update();
            log.warn("Embedding model changed from {} to {}: the index was emptied and {} repositories are queued "
                    + "for a full re-index", stored.orElse("(unknown)"), wanted, queued);
        });
    }
}
