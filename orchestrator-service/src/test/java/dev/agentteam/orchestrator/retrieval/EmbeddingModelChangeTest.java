package dev.agentteam.orchestrator.retrieval;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vectors written by another model — another name, or another dimension — are never compared with the configured
 * model's: the orchestrator empties the index, adapts the vector column and its HNSW index, and re-indexes.
 */
class EmbeddingModelChangeTest extends RetrievalTest {

    @Autowired
    RetrievalProperties properties;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IndexScheduler scheduler;

    @TempDir
    Path temp;

    @Test
    void anotherModelOrDimensionEmptiesTheIndexAdaptsTheColumnAndReindexes() throws Exception {
        long id = register("model-change", copyFixture(temp.resolve("model-change")));
        long chunks = awaitIndexed(id, null).path("chunks").asLong();
        String model = jdbc.queryForObject("select name from embedding_model", String.class);

        // vectors of another model with the same dimension
        jdbc.update("update embedding_model set name = 'onnx/some-other-model'");
        new EmbeddingSpace(properties, jdbcClient, transactions).embedder();

        assertThat(jdbc.queryForObject("select count(*) from embeddings", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from index_files", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select status || ' ' || trigger from index_states where repository_id = ?",
                String.class, id)).isEqualTo("QUEUED embedding model changed");
        assertThat(jdbc.queryForObject("select name from embedding_model", String.class)).isEqualTo(model);

        // a model of another dimension left its column behind (as after switching back from an 8-dimensional one)
        jdbc.update("drop index embeddings_hnsw_idx");
        jdbc.update("alter table embeddings alter column embedding type vector(8)");
        jdbc.update("update embedding_model set name = 'test/eight', dimension = 8");
        new EmbeddingSpace(properties, jdbcClient, transactions).embedder();

        assertThat(jdbc.queryForObject("select atttypmod from pg_attribute where attrelid = 'embeddings'::regclass "
                + "and attname = 'embedding'", Integer.class)).isEqualTo(384);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'embeddings_hnsw_idx'", String.class))
                .contains("hnsw", "vector_cosine_ops");
        assertThat(jdbc.queryForObject("select dimension from embedding_model", Integer.class)).isEqualTo(384);

        scheduler.submit(id);
        assertThat(awaitIndexed(id, null).path("chunks").asLong()).isEqualTo(chunks);
        assertThat(search(id, "parse host").path("results").get(0).path("path").asString()).isEqualTo("net/urls.py");
    }
}
