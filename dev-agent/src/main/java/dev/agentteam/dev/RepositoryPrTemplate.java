package dev.agentteam.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The repository's own pull request template, where GitHub looks for one: {@code .github/}, the root, {@code docs/},
 * file name {@code pull_request_template.md} in any case. Symbolic links and files over 64 KB are ignored (the file
 * is repository content: it must not lead outside the checkout).
 */
final class RepositoryPrTemplate {

    static final String NAME = "pull_request_template.md";
    private static final long MAX_BYTES = 64 * 1024;
    private static final List<String> FOLDERS = List.of(".github", "", "docs");

    private RepositoryPrTemplate() {
    }

    static Optional<String> find(Path checkout) {
        for (String folder : FOLDERS) {
            Path dir = folder.isEmpty() ? checkout : checkout.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    if (file.getFileName().toString().equalsIgnoreCase(NAME)
                            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_BYTES) {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        if (!text.isBlank()) {
                            return Optional.of(text);
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                // an unreadable or non-UTF-8 template is as good as none: the product's template is used
            }
        }
        return Optional.empty();
    }
}
