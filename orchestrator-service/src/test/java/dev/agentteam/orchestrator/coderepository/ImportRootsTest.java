package dev.agentteam.orchestrator.coderepository;

import dev.agentteam.orchestrator.forge.ForgeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attack 3 of issue 13: importing a server path (and then running its tests) to read the server's files. */
class ImportRootsTest {

    @TempDir
    Path work;

    @Test
    void withoutImportRootsNoServerPathCanBeImported() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        RepositorySeeder seeder = seeder(List.of());

        assertRefused(seeder, Path.of("/etc"), "Importing from a server path is off");
        assertRefused(seeder, project, "Importing from a server path is off");
        // A path that does not exist gets the same answer: the refusal reveals nothing about the file system.
        assertRefused(seeder, Path.of("/no/such/dir"), "Importing from a server path is off");
    }

    @Test
    void onlyPathsInsideTheRootsAreAllowedEvenThroughSymbolicLinks() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        RepositorySeeder seeder = seeder(List.of(root));

        assertRefused(seeder, Path.of("/etc"), "allowed only from");
        assertRefused(seeder, root.resolve("../outside"), "allowed only from");
        assertRefused(seeder, root.resolve("escape"), "allowed only from");
        assertRefused(seeder, Path.of("/no/such/dir"), "allowed only from");
    }

    private RepositorySeeder seeder(List<Path> importRoots) {
        ForgeProperties properties = new ForgeProperties(work.resolve("data"), List.of(), null, null, null,
                importRoots, null);
        return new RepositorySeeder(null, properties, null);
    }

    private static void assertRefused(RepositorySeeder seeder, Path path, String reason) {
        NewRepository command = new NewRepository("x", ForgeType.EMBEDDED, null, "main", "true", null, path);
        assertThatThrownBy(() -> seeder.createAndSeed(command, false)).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getBody().getDetail()).contains(reason);
                });
    }
}
