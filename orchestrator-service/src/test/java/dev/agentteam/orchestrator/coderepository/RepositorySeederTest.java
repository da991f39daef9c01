package dev.agentteam.orchestrator.coderepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.agentteam.orchestrator.forge.ForgeProperties;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;

/** Imports from local paths, without the application: the checks that keep them inside their roots. */
class RepositorySeederTest {

    @TempDir
    Path temp;

    private Path allowed;
    private ForgeStorage storage;
    private RepositorySeeder seeder;

    @BeforeEach
    void setUp() throws Exception {
        allowed = Files.createDirectories(temp.resolve("allowed"));
        ForgeProperties properties = new ForgeProperties(temp.resolve("data"), null, null, null, null, List.of(allowed), null);
        storage = new ForgeStorage(properties);
        seeder = new RepositorySeeder(storage, properties, new RepositoryTemplates());
    }

    @Test
    void importsADirectoryInsideTheRoots() throws Exception {
        Path source = Files.createDirectories(allowed.resolve("project/bin"));
        Files.writeString(source.resolve("run"), "#!/bin/sh\n");
        source.resolve("run").toFile().setExecutable(true);
        Files.writeString(allowed.resolve("project/README"), "hi\n");

        seeder.createAndSeed(command("ok", allowed.resolve("project")), false);

        try (Repository repository = storage.open("ok").orElseThrow(); Git git = new Git(repository)) {
            assertThat(git.log().call().iterator().next().getShortMessage()).isEqualTo("Initial commit imported from project");
            var tree = repository.resolve("refs/heads/main^{tree}");
            try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repository, "bin/run", tree)) {
                assertThat(walk.getFileMode(0)).isEqualTo(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE);
            }
        }
    }

    @Test
    void refusesPathsOutsideTheRootsAlsoThroughASymbolicLink() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "s\n");
        Path link = Files.createSymbolicLink(allowed.resolve("link"), outside);

        assertProblem(() -> seeder.createAndSeed(command("direct", outside), false), 422, "allowed only from");
        assertProblem(() -> seeder.createAndSeed(command("linked", link), false), 422, "allowed only from");
        assertProblem(() -> seeder.createAndSeed(command("dotdot", allowed.resolve("../outside")), false), 422, "allowed only from");
        assertThat(storage.exists("direct") || storage.exists("linked") || storage.exists("dotdot")).isFalse();
    }

    @Test
    void aDirectoryTheServerChoseItselfNeedsNoImportRootButMustExist() throws Exception {
        Path suiteTask = Files.createDirectories(temp.resolve("suites/task/repo"));
        Files.writeString(suiteTask.resolve("README"), "hi\n");

        seeder.createAndSeed(command("from-suite", suiteTask), true);

        assertThat(storage.exists("from-suite")).isTrue();
        assertProblem(() -> seeder.createAndSeed(command("from-suite-api", suiteTask), false), 422, "allowed only from");
        assertProblem(() -> seeder.createAndSeed(command("missing", temp.resolve("nothing-here")), true), 422, "No directory at");
        assertThat(Files.exists(storage.path("missing"))).isFalse();
    }

    @Test
    void anEmptyDirectoryOrAGitRepositoryWithoutTheBranchIsRefusedAndLeavesNothing() throws Exception {
        Files.createDirectories(allowed.resolve("empty"));
        Path repo = allowed.resolve("repo");
        PersonIdent me = new PersonIdent("me", "me@example.com");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("trunk").call()) {
            Files.writeString(repo.resolve("a"), "a\n");
            git.add().addFilepattern("a").call();
            git.commit().setMessage("a").setAuthor(me).setCommitter(me).call();
        }

        assertProblem(() -> seeder.createAndSeed(command("empty", allowed.resolve("empty")), false), 422, "no files");
        assertProblem(() -> seeder.createAndSeed(command("nomain", repo), false), 422, "has no branch 'main'");
        assertThat(Files.exists(storage.path("empty"))).isFalse();
        assertThat(Files.exists(storage.path("nomain"))).isFalse();
    }

    private static NewRepository command(String name, Path path) {
        return new NewRepository(name, ForgeType.EMBEDDED, null, "main", "true", null, path);
    }

    private static void assertProblem(Runnable action, int status, String detail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(status);
            assertThat(e.getBody().getDetail()).contains(detail);
        });
    }
}
