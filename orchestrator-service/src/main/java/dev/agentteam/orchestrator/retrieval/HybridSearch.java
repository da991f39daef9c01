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
 * repository and filters still yield enough rows) and the chunks that hold every word of the question (ranked by
 * {@code ts_rank_cd} over the identifier-aware terms), fused by reciprocal rank: {@code score = Σ 1 / (60 + rank)}
 * over the rankings a chunk appears in, the full-text one weighted by {@code text-weight}. A chunk both rankings
 * like wins over one that only one likes. A chunk the text pass wrote and the vector pass has not reached yet takes
 * part through its words only.
 */
@Component
class HybridSearch {

    /** The usual constant of reciprocal-rank fusion (Cormack et al., 2009). */
    static final int RRF_K = 60;
    static final int SNIPPET_CHARS = 2000;

    private static final String FILTER = """
            repository_id = :repo and source like :prefix escape '\\' and (:language = '' or language = :language)""";

    /*
     * The full-text side ranks a bounded candidate set, never every match (a frequent word matches half of a large
     * repository): chunks that hold all of the question's words (tier 0) — in text mode also chunks whose path or
     * symbol holds one of them (tier 1) and chunks that hold any of them (tier 2) — each tier at most :scan rows,
     * found through the GIN index, ordered by tier, then by ts_rank_cd. In the fusion only tier 0 takes part: a chunk
     * that merely mentions one of the words is no evidence against the vector ranking.
     */
    private static final String SQL = """
            with vec as (
                select id, row_number() over (order by distance) as r from (
                    select id, embedding <=> :vector as distance from embeddings
                    where %1$s and embedding is not null
                    order by embedding <=> :vector limit :vectorLimit) v
            ), matched as (
                (select id, 0 as tier from embeddings where %1$s and terms @@ to_tsquery('english', :allTerms) limit :scan)
                union all
                (select id, 1 from embeddings where %1$s and terms @@ to_tsquery('english', :namedTerms) limit :relaxedScan)
                union all
                (select id, 2 from embeddings where %1$s and terms @@ to_tsquery('english', :terms) limit :relaxedScan)
            ), fts as (
                select id, r from (
                    select m.id, row_number() over (order by m.tier, ts_rank_cd(e.terms, to_tsquery('english', :terms), 1) desc, m.id) as r
                    from (select id, min(tier) as tier from matched group by id) m join embeddings e on e.id = m.id) ranked
                where r <= :textLimit
            )
            select e.source, e.start_line, e.end_line, e.symbol, e.language, left(e.content, :snippet) as content,
                   coalesce(:vectorWeight / (:rrf + vec.r), 0) + coalesce(:textWeight / (:rrf + fts.r), 0) as score
            from vec full outer join fts on vec.id = fts.id
            join embeddings e on e.id = coalesce(vec.id, fts.id)
            order by score desc, e.source, e.start_line
            limit :k""".formatted(FILTER);

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

    /**
     * @param vector   the query's embedding; may be null in TEXT mode
     * @param coverage the share of the repository's chunks that have their vector (1 once the vector pass is done).
     *                 Below 1 a hybrid search fuses the relaxed full-text ranking (as {@code mode=text}: all words,
     *                 then a word in path or symbol, then any word) and weighs the vector ranking by the coverage:
     *                 the nearest of a few embedded chunks are no evidence against a text match among all of them
     */
    List<SearchHit> search(long repositoryId, SearchQuery query, float[] vector, double coverage) {
        boolean partial = query.mode() == SearchMode.HYBRID && coverage < 1.0;
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
                    .param("allTerms", terms.isEmpty() ? "''" : Terms.all(query.text()))
                    .param("namedTerms", terms.isEmpty() ? "''" : Terms.named(query.text()))
                    .param("textLimit", textLimit)
                    .param("scan", textLimit == 0 ? 0 : properties.textScan())
                    .param("relaxedScan", query.mode() == SearchMode.TEXT || partial ? properties.textScan() : 0)
                    .param("snippet", SNIPPET_CHARS)
                    .param("rrf", RRF_K)
                    .param("vectorWeight", partial ? Math.max(0.0, coverage) : 1.0)
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
