package dev.agentteam.orchestrator.retrieval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code index_states} row of each repository: the request (QUEUED), the run and its progress (INDEXING), the
 * outcome (IDLE or FAILED). A request during a run only moves {@code requested_at}: the run then goes again. The
 * pass a run is in ({@code text}, then {@code vectors}) and since when is its {@code index_phases} row.
 */
@Component
class IndexStates {

    private final JdbcClient jdbc;

    IndexStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for a run; a repository already waiting or running keeps its place (and a full rebuild sticks). */
    void request(long repositoryId, String trigger, boolean full) {
        jdbc.sql("""
                insert into index_states (repository_id, status, trigger, full_rebuild, requested_at, updated_at)
                select r.id, 'QUEUED', :trigger, :full, clock_timestamp(), now() from repositories r where r.id = :id
                on conflict (repository_id) do update set
                    status = case when index_states.status = 'INDEXING' then 'INDEXING' else 'QUEUED' end,
                    trigger = :trigger, full_rebuild = index_states.full_rebuild or :full,
                    requested_at = clock_timestamp(), updated_at = now()""")
                .param("id", repositoryId).param("trigger", trigger).param("full", full)
                .update();
    }

    /** Repositories waiting for a run or whose run was interrupted, oldest request first. */
    List<Long> pending() {
        return jdbc.sql("select repository_id from index_states where status in ('QUEUED', 'INDEXING') order by requested_at")
                .query(Long.class).list();
    }

    /** Takes (and clears) the request for a full rebuild: true when the index must be emptied first. */
    boolean takeFullRebuild(long repositoryId) {
        return Boolean.TRUE.equals(jdbc.sql("""
                with old as (select full_rebuild from index_states where repository_id = :id for update)
                update index_states set full_rebuild = false where repository_id = :id
                returning (select full_rebuild from old)""")
                .param("id", repositoryId).query(Boolean.class).optional().orElse(false));
    }

    /** Marks the run started with what it has to do; progress counts from zero. */
    void start(long repositoryId, String targetCommit, int filesTotal, long bytesTotal) {
        jdbc.sql("""
                update index_states set status = 'INDEXING', target_commit = ?, files_total = ?, bytes_total = ?,
                    files_done = 0, bytes_done = 0, files_embedded = 0, files_removed = 0, files_skipped = 0,
                    chunks_written = 0, chunks_embedded = 0, started_at = clock_timestamp(), finished_at = null, last_error = null,
                    updated_at = now()
                where repository_id = ?""")
                .params(targetCommit, filesTotal, bytesTotal, repositoryId)
                .update();
        phase(repositoryId, Phase.TEXT);
    }

    /**
     * The text pass is done: every file of {@code commit} is searchable by its words (so the index is at that
     * commit for files shown from search hits); the vector pass starts.
     */
    void textDone(long repositoryId, String commit) {
        jdbc.sql("update index_states set indexed_commit = ?, updated_at = now() where repository_id = ?")
                .params(commit, repositoryId).update();
        phase(repositoryId, Phase.VECTORS);
    }

    /** True when a run was requested after the current one started (a push): the vector pass lets it go first. */
    boolean requestedSinceStart(long repositoryId) {
        return jdbc.sql("select requested_at > started_at from index_states where repository_id = ?")
                .param(repositoryId).query(Boolean.class).optional().orElse(false);
    }

    private void phase(long repositoryId, Phase phase) {
        jdbc.sql("""
                insert into index_phases (repository_id, phase, started_at)
                select repository_id, ?, clock_timestamp() from index_states where repository_id = ?
                on conflict (repository_id) do update set phase = excluded.phase, started_at = excluded.started_at""")
                .params(phase.key, repositoryId).update();
    }

    void progress(long repositoryId, Progress delta) {
        jdbc.sql("""
                update index_states set files_done = files_done + ?, bytes_done = bytes_done + ?,
                    files_embedded = files_embedded + ?, files_skipped = files_skipped + ?, files_removed = files_removed + ?,
                    chunks_written = chunks_written + ?, chunks_embedded = chunks_embedded + ?, updated_at = now()
                where repository_id = ?""")
                .params(delta.files(), delta.bytes(), delta.embedded(), delta.skipped(), delta.removed(), delta.chunks(),
                        delta.chunksEmbedded(), repositoryId)
                .update();
    }

    /** Ends a run; returns true when another request came in while it ran (the repository is queued again). */
    boolean finish(long repositoryId, String indexedCommit) {
        return jdbc.sql("""
                update index_states set indexed_commit = ?, finished_at = clock_timestamp(), updated_at = now(),
                    status = case when requested_at > started_at then 'QUEUED' else 'IDLE' end
                where repository_id = ?
                returning status""")
                .params(indexedCommit, repositoryId).query(String.class).optional().map("QUEUED"::equals).orElse(false);
    }

    void fail(long repositoryId, String error) {
        jdbc.sql("""
                update index_states set status = 'FAILED', last_error = ?, finished_at = clock_timestamp(), updated_at = now()
                where repository_id = ?""")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, repositoryId).update();
    }

    Optional<Row> find(long repositoryId) {
        return jdbc.sql("""
                select s.*, p.phase, p.started_at as phase_started_at
                from index_states s left join index_phases p on p.repository_id = s.repository_id
                where s.repository_id = ?""").param(repositoryId)
                .query(IndexStates::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("status"), rs.getString("trigger"), rs.getString("target_commit"),
                rs.getString("indexed_commit"), rs.getInt("files_total"), rs.getInt("files_done"),
                rs.getLong("bytes_total"), rs.getLong("bytes_done"), rs.getInt("files_embedded"),
                rs.getInt("files_removed"), rs.getInt("files_skipped"), rs.getInt("chunks_written"), rs.getInt("chunks_embedded"),
                instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("last_error"), rs.getString("phase"), instant(rs, "phase_started_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** What one step of a run added. */
    record Progress(int files, long bytes, int embedded, int skipped, int removed, int chunks, int chunksEmbedded) {
    }

    record Row(String status, String trigger, String targetCommit, String indexedCommit, int filesTotal, int filesDone,
               long bytesTotal, long bytesDone, int filesEmbedded, int filesRemoved, int filesSkipped, int chunksWritten,
               int chunksEmbedded,
               Instant requestedAt, Instant startedAt, Instant finishedAt, String lastError, String phase,
               Instant phaseStartedAt) {
    }

    /** The passes of a run: the text of every new or changed file first, then the vectors of the chunks without one. */
    enum Phase {
        TEXT("text"), VECTORS("vectors");

        final String key;

        Phase(String key) {
            this.key = key;
        }
    }
}
