package dev.agentteam.orchestrator.retrieval;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run stopped half way (the process died after some files were written) resumes at the next start: only the files
 * it had not finished are indexed, and no chunk is there twice.
 */
class ResumeIndexTest extends RetrievalTest {

    @Autowired
    IndexScheduler scheduler;

    @TempDir
    Path temp;

    @Test
    void anInterruptedRunResumesAtStartUpWithTheFilesItHadNotFinished() {
        long id = register("resume", copyFixture(temp.resolve("resume")));
        JsonNode complete = awaitIndexed(id, null);
        List<String> before = rows(id);
        // the state a crash half way leaves: 4 files written, 5 not yet, the run marked INDEXING
        jdbc.update("delete from embeddings where repository_id = ? and source in (select path from index_files "
                + "where repository_id = ? order by path offset 4)", id, id);
        jdbc.update("delete from index_files where repository_id = ? and path in (select path from index_files "
                + "where repository_id = ? order by path offset 4)", id, id);
        jdbc.update("update index_states set status = 'INDEXING', indexed_commit = null where repository_id = ?", id);

        scheduler.resumePending();
        JsonNode resumed = awaitIndexed(id, complete.path("indexed_commit").asString());

        assertThat(resumed.path("progress").path("files_total").asInt()).as("only the unfinished files").isEqualTo(5);
        assertThat(resumed.path("chunks").asLong()).isEqualTo(complete.path("chunks").asLong());
        assertThat(rows(id)).as("the same chunks, none twice").isEqualTo(before);
    }

    private List<String> rows(long id) {
        return jdbc.queryForList("select source || ':' || chunk_index || ':' || start_line || '-' || end_line "
                + "from embeddings where repository_id = ? order by 1", String.class, id);
    }
}
