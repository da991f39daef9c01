package dev.agentteam.common.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class WorkspaceFilesTest {

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    private WorkspaceFiles files;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(workspace.resolve("src/main/java"));
        Files.writeString(workspace.resolve("src/main/java/App.java"), "class App {\n  int answer = 42;\n}\n");
        Files.writeString(workspace.resolve("README.md"), "# Demo\nanswer: see App\n");
        Files.createDirectories(workspace.resolve(".git/objects"));
        Files.writeString(workspace.resolve(".git/config"), "[core]\n answer = 42\n");
        Files.writeString(outside.resolve("secret.txt"), "token=very-secret\n");
        files = new WorkspaceFiles(workspace, limits(10, 10, DataSize.ofKilobytes(4)));
    }

    private static WorkspaceProperties limits(int maxListed, int maxHits, DataSize maxRead) {
        return new WorkspaceProperties(null, null, null, null, maxRead, DataSize.ofKilobytes(8), maxListed, maxHits);
    }

    @Test
    void listsFilesSortedWithoutGitDirectory() {
        FileListing listing = files.list("");

        assertThat(listing.files()).containsExactly("README.md", "src/main/java/App.java");
        assertThat(listing.truncated()).isFalse();
        assertThat(files.list("src").files()).containsExactly("src/main/java/App.java");
    }

    @Test
    void listingStopsAtTheCapAndSaysSo() throws IOException {
        for (int i = 0; i < 15; i++) {
            Files.writeString(workspace.resolve("gen-" + i + ".txt"), "x");
        }

        FileListing listing = files.list("");

        assertThat(listing.files()).hasSize(10);
        assertThat(listing.truncated()).isTrue();
    }

    @Test
    void readsWholeFilesAndLineRanges() {
        assertThat(files.read("src/main/java/App.java")).isEqualTo("class App {\n  int answer = 42;\n}\n");
        assertThat(files.read("src/main/java/App.java", 2, 3)).isEqualTo("  int answer = 42;\n}\n");
        assertThat(files.read("./src/main/../main/java/App.java", 1, 1)).isEqualTo("class App {\n");
    }

    @Test
    void readRefusesFilesAboveTheCapAndMissingFiles() throws IOException {
        Files.writeString(workspace.resolve("big.txt"), "line\n".repeat(2000));

        assertThatThrownBy(() -> files.read("big.txt")).isInstanceOf(WorkspaceFileException.class)
                .hasMessageContaining("read a line range");
        assertThat(files.read("big.txt", 1999, 2000)).isEqualTo("line\nline\n");
        assertThatThrownBy(() -> files.read("nope.txt")).hasMessageContaining("no such file: nope.txt");
        assertThatThrownBy(() -> files.read("src")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> files.read("README.md", 0, 2)).hasMessageContaining("invalid line range");
    }

    @Test
    void searchesLiteralTextAndRegexOutsideGit() {
        SearchResults literal = files.search("answer", false, "");
        SearchResults regex = files.search("int \\w+ = \\d+", true, "src");

        assertThat(literal.hits()).containsExactly(
                new SearchHit("README.md", 2, "answer: see App"),
                new SearchHit("src/main/java/App.java", 2, "  int answer = 42;"));
        assertThat(regex.hits()).extracting(SearchHit::path).containsExactly("src/main/java/App.java");
        assertThat(files.search("a.swer", false, "").hits()).isEmpty();
        assertThatThrownBy(() -> files.search("(unclosed", true, "")).hasMessageContaining("invalid regular expression");
    }

    @Test
    void searchStopsAtTheResultCap() throws IOException {
        Files.writeString(workspace.resolve("many.txt"), "hit\n".repeat(50));

        SearchResults results = files.search("hit", false, "");

        assertThat(results.hits()).hasSize(10);
        assertThat(results.truncated()).isTrue();
    }

    @Test
    void editReplacesTextThatOccursExactlyOnce() {
        files.edit("src/main/java/App.java", "int answer = 42;", "int answer = 43;");

        assertThat(workspace.resolve("src/main/java/App.java")).hasContent("class App {\n  int answer = 43;\n}\n");
    }

    @Test
    void editRefusesZeroOrSeveralMatches() throws IOException {
        Files.writeString(workspace.resolve("twice.txt"), "same\nsame\n");

        assertThatThrownBy(() -> files.edit("README.md", "not there", "x"))
                .isInstanceOfSatisfying(EditMatchException.class, e -> assertThat(e.matches()).isZero())
                .hasMessageContaining("0 matches");
        assertThatThrownBy(() -> files.edit("twice.txt", "same", "other"))
                .isInstanceOfSatisfying(EditMatchException.class, e -> assertThat(e.matches()).isEqualTo(2))
                .hasMessageContaining("2 matches");
        assertThat(workspace.resolve("twice.txt")).hasContent("same\nsame\n");
    }

    @Test
    void writeCreatesFilesAndParentDirectories() {
        files.write("src/test/java/AppTest.java", "class AppTest {}\n");
        files.write("README.md", "replaced");

        assertThat(workspace.resolve("src/test/java/AppTest.java")).hasContent("class AppTest {}\n");
        assertThat(workspace.resolve("README.md")).hasContent("replaced");
        assertThatThrownBy(() -> files.write("huge.txt", "x".repeat(9000))).hasMessageContaining("more than the");
    }

    @Test
    void refusesDotDotEscapesAndAbsolutePaths() {
        String escape = "../" + outside.getFileName() + "/secret.txt";

        assertThatThrownBy(() -> files.read(escape)).isInstanceOf(PathOutsideWorkspaceException.class)
                .hasMessageContaining("escapes the workspace");
        assertThatThrownBy(() -> files.write("src/../../evil.txt", "x")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> files.read(outside.resolve("secret.txt").toString()))
                .isInstanceOf(PathOutsideWorkspaceException.class).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> files.list("..")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThat(workspace.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void refusesSymlinksLeadingOutsideIncludingSymlinkedParents() throws IOException {
        Files.createSymbolicLink(workspace.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(workspace.resolve("linkdir"), outside);
        Files.createSymbolicLink(workspace.resolve("dangling"), outside.resolve("missing/dir"));

        assertThatThrownBy(() -> files.read("link.txt")).isInstanceOf(PathOutsideWorkspaceException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> files.write("link.txt", "overwrite")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> files.read("linkdir/secret.txt")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> files.write("linkdir/new.txt", "x")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> files.write("dangling/new.txt", "x")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThatThrownBy(() -> files.list("linkdir")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThat(files.search("very-secret", false, "").hits()).isEmpty();
        assertThat(outside.resolve("secret.txt")).hasContent("token=very-secret\n");
        assertThat(outside.resolve("new.txt")).doesNotExist();
    }

    @Test
    void symlinksInsideTheWorkspaceAreFine() throws IOException {
        Files.createSymbolicLink(workspace.resolve("alias.md"), workspace.resolve("README.md"));

        assertThat(files.read("alias.md")).startsWith("# Demo");
    }

    @Test
    void refusesTheGitDirectory() {
        assertThatThrownBy(() -> files.read(".git/config")).isInstanceOf(PathOutsideWorkspaceException.class)
                .hasMessageContaining(".git");
        assertThatThrownBy(() -> files.write(".git/hooks/pre-commit", "#!/bin/sh\ncurl evil")).isInstanceOf(PathOutsideWorkspaceException.class);
        assertThat(workspace.resolve(".git/hooks/pre-commit")).doesNotExist();
    }
}
