package dev.agentteam.common.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ArtifactStore} must do; one subclass per implementation. */
abstract class ArtifactStoreContractTest {

    private ArtifactStore store;
    private String base;

    protected abstract ArtifactStore store();

    @BeforeEach
    void fresh() {
        store = store();
        // a fresh prefix per test: S3 buckets and directories outlive one test
        base = "t-" + UUID.randomUUID() + "/";
    }

    @Test
    void storesAndReadsBackContentAndType() {
        byte[] log = "line 1\nline 2 ✓\n".getBytes(StandardCharsets.UTF_8);

        StoredArtifact stored = store.put(base + "tasks/7/ci-log.txt", log, "text/plain; charset=utf-8");

        assertThat(stored).isEqualTo(new StoredArtifact(base + "tasks/7/ci-log.txt", "text/plain;charset=utf-8", log.length));
        Artifact read = store.get(base + "tasks/7/ci-log.txt").orElseThrow();
        assertThat(read.content()).isEqualTo(log);
        assertThat(read.text()).contains("line 2 ✓");
        assertThat(read.contentType()).isEqualTo("text/plain;charset=utf-8");
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(store.get(base + "nothing-here.txt")).isEmpty();
    }

    @Test
    void puttingAgainReplacesTheContent() {
        store.put(base + "report.xml", "<old/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        store.put(base + "report.xml", "<new-and-longer/>".getBytes(StandardCharsets.UTF_8), "application/xml");

        assertThat(store.get(base + "report.xml").orElseThrow().text()).isEqualTo("<new-and-longer/>");
        assertThat(store.list(base)).hasSize(1);
    }

    @Test
    void listsByPrefixSortedByKey() {
        store.put(base + "tasks/2/b.xml", new byte[3], "application/xml");
        store.put(base + "tasks/2/a.txt", new byte[5], null);
        store.put(base + "tasks/20/c.txt", new byte[1], "text/plain");
        store.put(base + "other/d.txt", new byte[2], "text/plain");

        assertThat(store.list(base + "tasks/2/")).containsExactly(
                new StoredArtifact(base + "tasks/2/a.txt", "application/octet-stream", 5),
                new StoredArtifact(base + "tasks/2/b.xml", "application/xml", 3));
        assertThat(store.list(base + "tasks/")).extracting(StoredArtifact::key)
                .containsExactly(base + "tasks/2/a.txt", base + "tasks/2/b.xml", base + "tasks/20/c.txt");
        assertThat(store.list(base + "nothing/")).isEmpty();
    }

    @Test
    void emptyContentIsAnArtifactToo() {
        store.put(base + "empty.log", new byte[0], "text/plain");

        assertThat(store.get(base + "empty.log").orElseThrow().content()).isEmpty();
        assertThat(store.list(base)).containsExactly(new StoredArtifact(base + "empty.log", "text/plain", 0));
    }

    @Test
    void keysThatCouldEscapeOrBeAmbiguousAreRefused() {
        for (String key : new String[] {"../etc/passwd", "a/../b", "/abs", "a//b", "a/", "", "a b", "a/.hidden", "x\\y"}) {
            assertThatThrownBy(() -> store.put(key, new byte[1], "text/plain"))
                    .as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("../")).isInstanceOf(IllegalArgumentException.class);
    }
}
