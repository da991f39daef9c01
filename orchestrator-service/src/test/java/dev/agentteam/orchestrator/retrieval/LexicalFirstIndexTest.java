package dev.agentteam.orchestrator.retrieval;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.pgvector.PGvector;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lexical first: a run writes every file's chunks with their words at once and embeds them afterwards. Each test runs
 * its own indexer over the application's beans with the real model behind a gate (the model boundary, a LangChain4j
 * {@link EmbeddingModel}): the gate holds the vector pass, so what is searchable before any vector exists, what a
 * restart half way leaves, and what a push during the vector pass gets can be looked at while it happens.
 */
class LexicalFirstIndexTest extends RetrievalTest {

    @Autowired
    Repositories repositories;

    @Autowired
    SourceTrees trees;

    @Autowired
    EmbeddingSpace space;

    @Autowired
    IndexStore store;

    @Autowired
    IndexStates states;

    @Autowired
    RetrievalProperties properties;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path temp;

    private final List<GatedModel> models = new ArrayList<>();
    private final List<IndexScheduler> schedulers = new ArrayList<>();

    @AfterEach
    void stopOwnIndexers() {
        models.forEach(GatedModel::open);
        schedulers.forEach(IndexScheduler::destroy);
    }

    @Test
    void theTextPassMakesEveryFileSearchableByItsWordsBeforeAnyVectorThenEveryChunkIsEmbeddedOnce() {
        long id = emptiedRepository("lexical");
        GatedModel model = gate(0);
        indexer(model, 4).submit(id);
        await().atMost(INDEXED).until(model::waiting);

        long rows = rows(id);
        assertThat(rows).isGreaterThan(10);
        assertThat(withoutVector(id)).as("the text pass wrote every chunk, none with a vector").isEqualTo(rows);
        JsonNode state = api.get("/api/repositories/" + id + "/index").json();
        assertThat(state.path("status").asString()).isEqualTo("INDEXING");
        assertThat(state.path("complete").asBoolean()).isFalse();
        assertThat(state.path("chunks").asLong()).isEqualTo(rows);
        assertThat(state.path("chunks_without_vector").asLong()).isEqualTo(rows);
        assertThat(state.path("indexed_commit").asString()).as("the text of the head is indexed")
                .isEqualTo(state.path("target_commit").asString()).isNotBlank();
        JsonNode progress = state.path("progress");
        assertThat(progress.path("phase").asString()).isEqualTo("vectors");
        assertThat(progress.path("files_done").asInt()).isEqualTo(progress.path("files_total").asInt()).isEqualTo(9);
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("chunks_written").asLong()).isEqualTo(rows);
        assertThat(progress.path("chunks_embedded").asInt()).isZero();
        assertThat(progress.path("vectors_percent").asDouble()).isZero();

        String card = users.signedIn("viewer", URI.create(api.baseUrl()).getPort())
                .get("/repositories/" + id + "/index-state").body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(card).as("the repository page's index card")
                .contains("pass 2 of 2: vectors", rows + " without vectors yet", "100.0% of the text, 0.0% of the vectors");

        JsonNode found = search(id, "parse host");
        assertThat(found.path("results").get(0).path("path").asString()).isEqualTo("net/urls.py");
        assertThat(found.path("results").get(0).path("symbol").asString()).isEqualTo("parse_host");
        assertThat(found.path("index").path("complete").asBoolean()).isFalse();
        assertThat(found.path("index").path("notice").asString()).contains(rows + " of " + rows + " chunks still lack vectors");
        // a question whose words never meet in one chunk: while vectors are missing the relaxed full-text ranking
        // answers it (the all-words candidates of the complete index's fusion would be empty)
        assertThat(search(id, "lower-case the host of a crawled url").path("results").get(0).path("path").asString())
                .isEqualTo("net/urls.py");

        model.open();
        JsonNode done = awaitIndexed(id, null);
        assertThat(withoutVector(id)).isZero();
        assertThat(model.embedded).as("every chunk embedded exactly once").containsExactlyInAnyOrderElementsOf(texts(id));
        assertStoredVectorsAreTheModelsFor(id, model);
        assertThat(done.path("complete").asBoolean()).isTrue();
        assertThat(done.path("progress").path("phase").isNull()).isTrue();
        assertThat(done.path("progress").path("chunks_embedded").asLong()).isEqualTo(rows);
        assertThat(done.path("progress").path("vectors_percent").asDouble()).isEqualTo(100.0);
        JsonNode complete = search(id, "parse host");
        assertThat(complete.path("index").path("complete").asBoolean()).isTrue();
        assertThat(complete.path("index").path("notice").isNull()).isTrue();
    }

    @Test
    void aRestartDuringTheVectorPassResumesItWithoutRewritingTextOrEmbeddingAChunkTwice() {
        long id = emptiedRepository("restart");
        GatedModel first = gate(1);
        IndexScheduler stopped = indexer(first, 4);
        stopped.submit(id);
        await().atMost(INDEXED).until(() -> first.embedded.size() == 4 && first.waiting());
        List<Long> rowIds = rowIds(id);
        long rows = rowIds.size();

        stopped.destroy(); // the process stops: its indexing thread is interrupted in the middle of a batch
        await().atMost(INDEXED).until(() -> !first.waiting());
        assertThat(withoutVector(id)).isEqualTo(rows - 4);
        assertThat(states.find(id).orElseThrow().status()).as("left to resume").isEqualTo("INDEXING");

        GatedModel second = gate(GatedModel.OPEN);
        indexer(second, 4).resumePending(); // the next start
        JsonNode done = awaitIndexed(id, null);

        assertThat(rowIds(id)).as("no chunk written again, none twice").isEqualTo(rowIds);
        assertThat(second.embedded).hasSize((int) rows - 4).doesNotContainAnyElementsOf(first.embedded);
        List<String> all = new ArrayList<>(first.embedded);
        all.addAll(second.embedded);
        assertThat(all).as("every chunk embedded once across the restart").containsExactlyInAnyOrderElementsOf(texts(id));
        assertThat(withoutVector(id)).isZero();
        assertThat(done.path("progress").path("files_total").asInt()).as("no file read again").isZero();
        assertThat(done.path("progress").path("chunks_embedded").asLong()).isEqualTo(rows - 4);
        assertThat(done.path("complete").asBoolean()).isTrue();
    }

    @Test
    void aPushDuringTheVectorPassIsIndexedNextAndItsChangedChunkGetsTheVectorOfItsNewText() throws Exception {
        long id = emptiedRepository("push-during");
        GatedModel model = gate(0);
        IndexScheduler scheduler = indexer(model, 100); // one batch: every chunk, the old parse_host among them
        scheduler.submit(id);
        await().atMost(INDEXED).until(model::waiting);

        String head = commitToDefaultBranch(id, "net/urls.py",
                text -> text.replace("return host.split(\":\", 1)[0].lower()", "return host.split(\":\", 1)[0].lower().rstrip(\".\")"));
        scheduler.request(id, "pushed", false); // what the push's event does
        model.open();
        JsonNode done = awaitIndexed(id, head);

        assertThat(withoutVector(id)).isZero();
        assertStoredVectorsAreTheModelsFor(id, model);
        String parseHost = jdbc.queryForObject("select content from embeddings where repository_id = ? and symbol = 'parse_host'",
                String.class, id);
        assertThat(parseHost).contains("rstrip(\".\")");
        assertThat(model.embedded).as("the old text once (in the batch the push overtook), the new text once")
                .doesNotHaveDuplicates()
                .contains(Chunk.embeddingText("net/urls.py", "parse_host", parseHost))
                .anyMatch(text -> text.startsWith("net/urls.py parse_host\n") && !text.contains("rstrip"));
        assertThat(done.path("progress").path("files_total").asInt()).as("the push's run: one changed file").isEqualTo(1);
        assertThat(done.path("progress").path("chunks_embedded").asInt()).as("only the changed chunk").isEqualTo(1);
        assertThat(done.path("complete").asBoolean()).isTrue();
    }

    /** A registered fixture repository, indexed once by the application, then emptied and queued for this test's indexer. */
    private long emptiedRepository(String name) {
        long id = register(name, copyFixture(temp.resolve(name)));
        awaitIndexed(id, null);
        store.clear(id);
        states.request(id, "test", false);
        return id;
    }

    private GatedModel gate(int batchesLetThrough) {
        GatedModel model = new GatedModel(space.embedder().model(), batchesLetThrough);
        models.add(model);
        return model;
    }

    /** An indexer over the application's beans that embeds through the gated model, {@code batchSize} chunks at a time. */
    private IndexScheduler indexer(GatedModel model, int batchSize) {
        Embedder real = space.embedder();
        Embedder gated = new Embedder(real.name(), model, real.dimension(), real.chunkChars(), real.queryPrefix());
        EmbeddingSpace gatedSpace = new EmbeddingSpace(properties, jdbcClient, transactions) {
            @Override
            Embedder embedder() {
                return gated;
            }
        };
        RetrievalProperties p = properties;
        RetrievalProperties batches = new RetrievalProperties(p.enabled(), p.provider(), p.model(), p.baseUrl(), p.apiKey(),
                p.timeout(), p.chunkChars(), p.overlapLines(), p.maxFileSize(), p.skipDirectories(), batchSize,
                p.sweepInterval(), p.maxQueryChars(), p.maxResults(), p.candidates(), p.efSearch(), p.textWeight(),
                p.textScan());
        IndexScheduler scheduler = new IndexScheduler(new Indexer(repositories, trees, gatedSpace, store, states, batches),
                states, batches, gatedSpace);
        schedulers.add(scheduler);
        return scheduler;
    }

    /** Commits a change straight into the forge's bare repository (no event: the test asks for the run itself). */
    private String commitToDefaultBranch(long id, String path, UnaryOperator<String> change) throws Exception {
        RepositoryView repository = repositories.find(id).orElseThrow();
        Path bare;
        try (Repository git = trees.open(repository)) {
            bare = git.getDirectory().toPath();
        }
        try (Git clone = Git.cloneRepository().setURI(bare.toUri().toString()).setBranch(repository.defaultBranch())
                .setDirectory(temp.resolve("clone-" + id).toFile()).call()) {
            Path file = clone.getRepository().getWorkTree().toPath().resolve(path);
            Files.writeString(file, change.apply(Files.readString(file)));
            clone.add().addFilepattern(path).call();
            String commit = clone.commit().setMessage("change " + path).setAuthor("test", "test@example.com")
                    .setCommitter("test", "test@example.com").call().getName();
            clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/" + repository.defaultBranch())).call();
            return commit;
        }
    }

    private void assertStoredVectorsAreTheModelsFor(long id, GatedModel model) {
        jdbc.query("select source, symbol, content, embedding::text from embeddings where repository_id = ?", rs -> {
            String text = Chunk.embeddingText(rs.getString(1), rs.getString(2), rs.getString(3));
            assertThat(model.vectors).as(text).containsKey(text);
            assertThat(new PGvector(rs.getString(4)).toArray()).as(text).containsExactly(model.vectors.get(text));
        }, id);
    }

    private long rows(long id) {
        return jdbc.queryForObject("select count(*) from embeddings where repository_id = ?", Long.class, id);
    }

    private long withoutVector(long id) {
        return jdbc.queryForObject("select count(*) from embeddings where repository_id = ? and embedding is null", Long.class, id);
    }

    private List<Long> rowIds(long id) {
        return jdbc.queryForList("select id from embeddings where repository_id = ? order by id", Long.class, id);
    }

    /** What the model must have embedded for the stored chunks. */
    private List<String> texts(long id) {
        return jdbc.query("select source, symbol, content from embeddings where repository_id = ?",
                (rs, n) -> Chunk.embeddingText(rs.getString(1), rs.getString(2), rs.getString(3)), id);
    }

    /**
     * The real model behind a gate: each batch waits for a permit (the test lets a number through, or opens the gate).
     * Records every text it embedded and the vector it gave. A stop (interrupt) while waiting fails the batch and
     * keeps the thread's interrupt, as a model call cut short by a shutdown does.
     */
    static final class GatedModel implements EmbeddingModel {

        /** Permits enough for any run here. */
        static final int OPEN = 1_000_000;
        final List<String> embedded = Collections.synchronizedList(new ArrayList<>());
        final Map<String, float[]> vectors = new ConcurrentHashMap<>();
        private final EmbeddingModel real;
        private final Semaphore permits = new Semaphore(0);
        private final AtomicInteger waiting = new AtomicInteger();

        GatedModel(EmbeddingModel real, int batchesLetThrough) {
            this.real = real;
            permits.release(batchesLetThrough);
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            waiting.incrementAndGet();
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while embedding", e);
            } finally {
                waiting.decrementAndGet();
            }
            Response<List<Embedding>> response = real.embedAll(segments);
            for (int i = 0; i < segments.size(); i++) {
                vectors.put(segments.get(i).text(), response.content().get(i).vector());
                embedded.add(segments.get(i).text());
            }
            return response;
        }

        boolean waiting() {
            return waiting.get() > 0;
        }

        void open() {
            permits.release(OPEN);
        }
    }
}
