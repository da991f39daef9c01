package dev.agentteam.orchestrator.retrieval;

import java.util.List;

import com.pgvector.PGvector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One SQL statement per search: the nearest chunks by cosine distance (pgvector HNSW, iterative scan so the
 * repository and filters still yield enough rows) and the best full-text matches ({@code ts_rank_cd} over the
 * identifier-aware terms), fused by reciprocal rank: {@code score = Σ 1 / (60 + rank)} over the rankings a chunk
 * appears in, the full-text one weighted by {@code text-weight}. A chunk both rankings like wins over one that only
 * one likes.
 */
@Component
class HybridSearch {

    /** The usual constant of reciprocal-rank fusion (Cormack et al., 2009). */
    static final int RRF_K = 60;
    static final int SNIPPET_CHARS = 2000;

    private static final String SQL = """
            with vec as (
                select id, row_number() over (order by distance) as r from (
                    select id, embedding <=> :vector as distance from embeddings
                    where repository_id = :repo and source like :prefix escape '\\' and (:language = '' or language = :language)
                    order by embedding <=> :vector limit :vectorLimit) v
            ), fts as (
                select id, row_number() over (order by rank desc, id) as r from (
                    select id, ts_rank_cd(terms, query, 1) as rank from embeddings, to_tsquery('english', :terms) query
                    where repository_id = :repo and terms @@ query and source like :prefix escape '\\'
                      and (:language = '' or language = :language)
                    order by rank desc limit :textLimit) t
            )
            select e.source, e.start_line, e.end_line, e.symbol, e.language, left(e.content, :snippet) as content,
                   coalesce(1.0 / (:rrf + vec.r), 0) + coalesce(:textWeight / (:rrf + fts.r), 0) as score
            from vec full outer join fts on vec.id = fts.id
            join embeddings e on e.id = coalesce(vec.id, fts.id)
            order by score desc, e.source, e.start_line
            limit :k""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final RetrievalProperties properties;

    HybridSearch(JdbcClient jdbc, PlatformTransactionManager transactions, RetrievalProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    /** @param vector the query's embedding; may be null in TEXT mode */
    List<SearchHit> search(long repositoryId, SearchQuery query, float[] vector) {
        String terms = Terms.query(query.text());
        int candidates = Math.max(properties.candidates(), query.k());
        int vectorLimit = query.mode() == SearchMode.TEXT || vector == null ? 0 : candidates;
        int textLimit = query.mode() == SearchMode.VECTOR || terms.isEmpty() ? 0 : candidates;
        return readOnly.execute(status -> {
            jdbc.sql("select set_config('hnsw.ef_search', ?, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)")
                    .param(String.valueOf(Math.max(properties.efSearch(), candidates))).query((rs, n) -> 1).list();
            return jdbc.sql(SQL)
                    .param("vector", new PGvector(vector == null ? new float[dimensionOf()] : vector))
                    .param("repo", repositoryId)
                    .param("prefix", likePrefix(query.pathPrefix()))
                    .param("language", query.language() == null ? "" : query.language().key())
                    .param("vectorLimit", vectorLimit)
                    .param("terms", terms.isEmpty() ? "''" : terms)
                    .param("textLimit", textLimit)
                    .param("snippet", SNIPPET_CHARS)
                    .param("rrf", RRF_K)
                    .param("textWeight", query.mode() == SearchMode.TEXT ? 1.0 : properties.textWeight())
                    .param("k", query.k())
                    .query((rs, n) -> new SearchHit(rs.getString("source"), rs.getInt("start_line"), rs.getInt("end_line"),
                            rs.getString("symbol"), rs.getString("language"), rs.getDouble("score"), rs.getString("content")))
                    .list();
        });
    }

    private int dimensionOf() {
        return jdbc.sql("select atttypmod from pg_attribute where attrelid = 'embeddings'::regclass and attname = 'embedding'")
                .query(Integer.class).single();
    }

    /** {@code src/main/} → {@code src/main/%}, with LIKE's wildcards in the prefix taken literally. */
    static String likePrefix(String prefix) {
        String escaped = prefix == null ? "" : prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }
}
