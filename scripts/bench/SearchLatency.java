import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.pgvector.PGvector;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Latency of the hybrid search statement alone (the SQL of HybridSearch, read from the compiled class so it is the
 * one the application runs) over N synthetic 384-dimensional chunks in one repository: random vectors, 40 words each
 * from a log-uniform vocabulary of 20,000, queried with three such words. Prints p50/p95/p99 over the given number of queries after a warm-up, on one connection (as from a pool).
 *
 *   java -cp orchestrator-service/target/classes:<runtime classpath> SearchLatency.java JDBC_URL N QUERIES [reuse]
 *
 * "reuse" keeps the synthetic rows of an earlier run with the same N (a 100k fill takes minutes), e.g. to time two
 * builds of the statement against the same data.
 */
public class SearchLatency {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        Field sqlField = Class.forName("dev.agentteam.orchestrator.retrieval.HybridSearch").getDeclaredField("SQL");
        sqlField.setAccessible(true);
        String sql = (String) sqlField.get(null);
        try (Connection connection = DriverManager.getConnection(url, "agentteam", "agentteam-local-dev")) {
            long repo = args.length > 3 && args[3].equals("reuse") ? existing(connection, n) : fill(connection, n);
            connection.setAutoCommit(false);
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
            Random random = new Random(42);
            List<Double> millis = new ArrayList<>();
            int returned = 0;
            for (int i = 0; i < queries + 30; i++) {
                float[] vector = new float[384];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = (float) (random.nextDouble() - 0.5);
                }
                String[] words = {word(random), word(random), word(random)};
                String terms = "'" + String.join("' | '", words) + "'";
                long start = System.nanoTime();
                try (Statement set = connection.createStatement()) {
                    set.execute("select set_config('hnsw.ef_search', '60', true), set_config('hnsw.iterative_scan', 'relaxed_order', true)");
                }
                int rows = jdbc.queryForList(sql, new MapSqlParameterSource().addValue("vector", new PGvector(vector))
                        .addValue("repo", repo).addValue("prefix", "%").addValue("language", "").addValue("vectorLimit", 60)
                        .addValue("terms", terms).addValue("textLimit", 60)
                        .addValue("allTerms", "'" + String.join("' & '", words) + "'")
                        .addValue("namedTerms", "'" + String.join("':A | '", words) + "':A").addValue("scan", 500).addValue("relaxedScan", 0)
                        .addValue("snippet", 2000).addValue("rrf", 60)
                        .addValue("vectorWeight", 1.0).addValue("textWeight", 0.5)
                        .addValue("k", 10)).size();
                connection.commit();
                if (i >= 30) {
                    millis.add((System.nanoTime() - start) / 1e6);
                    returned += rows;
                }
            }
            Collections.sort(millis);
            System.out.printf("SQL LATENCY %d chunks: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms over %d hybrid searches "
                            + "(k=10, 60 candidates a side, at most 500 full-text matches ranked per tier, HNSW m=16 ef_construction=64, ef_search=60, iterative scan "
                            + "relaxed_order; %.1f results per search)%n", n, pct(millis, 50), pct(millis, 95), pct(millis, 99),
                    millis.size(), returned / (double) millis.size());
        }
    }

    private static long existing(Connection connection, int n) throws Exception {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select id from repositories where name = 'bench-synthetic-" + n + "'")) {
            if (!rs.next()) {
                throw new IllegalStateException("no synthetic repository of " + n + " chunks to reuse: run without reuse first");
            }
            return rs.getLong(1);
        }
    }

    private static long fill(Connection connection, int n) throws Exception {
        String name = "bench-synthetic-" + n;
        try (Statement st = connection.createStatement()) {
            st.execute("delete from repositories where name = '" + name + "'");
            var rs = st.executeQuery("insert into repositories (name, test_command) values ('" + name + "', 'true') returning id");
            rs.next();
            long repo = rs.getLong(1);
            long start = System.nanoTime();
            // a bulk load: the HNSW index is built once after the rows are in, not row by row
            st.execute("drop index if exists embeddings_hnsw_idx");
            st.execute("""
                    insert into embeddings (repository_id, source, blob_sha, chunk_index, content, embedding, language,
                                            symbol, start_line, end_line, terms)
                    select %d, 'src/f' || (g / 20) || '.java', md5(g::text), g %% 20, 'synthetic chunk ' || g,
                           (select array_agg(random() - 0.5 + 0 * d + 0 * g)::vector from generate_series(1, 384) d),
                           'java', 'S' || g, 1, 10,
                           to_tsvector('english', (select string_agg('w' || (50 + floor(exp(random() * ln(20000)) + 0 * w + 0 * g)::int), ' ')
                                                   from generate_series(1, 40) w))
                    from generate_series(1, %d) g""".formatted(repo, n));
            st.execute("set maintenance_work_mem = '512MB'");
            st.execute("create index embeddings_hnsw_idx on embeddings using hnsw (embedding vector_cosine_ops)");
            st.execute("analyze embeddings");
            System.out.printf("filled %d synthetic chunks in %.1f s (HNSW index built after the load)%n", n,
                    (System.nanoTime() - start) / 1e9);
            return repo;
        }
    }

    /** A word of the synthetic vocabulary: 20,000 words, log-uniform (a few common, most rare), as in code. */
    private static String word(Random random) {
        return "w" + (50 + (int) Math.floor(Math.exp(random.nextDouble() * Math.log(20000))));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
    }
}
