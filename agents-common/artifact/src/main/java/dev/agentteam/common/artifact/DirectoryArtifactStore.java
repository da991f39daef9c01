package dev.agentteam.common.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Artifacts as files: the content under {@code <root>/objects/<key>}, the content type beside it under
 * {@code <root>/types/<key>} (two trees, so no key can collide with another key's metadata). Each file is written
 * to a temporary name and moved into place, so a reader never sees half an artifact.
 */
public class DirectoryArtifactStore implements ArtifactStore {

    private final Path objects;
    private final Path types;

    public DirectoryArtifactStore(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        this.objects = absolute.resolve("objects");
        this.types = absolute.resolve("types");
    }

    @Override
    public StoredArtifact put(String key, byte[] content, String contentType) {
        ArtifactKey.check(key);
        String type = ArtifactKey.contentType(contentType);
        try {
            write(objects.resolve(key), content);
            write(types.resolve(key), type.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("artifact key '" + key + "' conflicts with an existing artifact's path", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store artifact " + key + " under " + objects, e);
        }
        return new StoredArtifact(key, type, content.length);
    }

    @Override
    public Optional<Artifact> get(String key) {
        ArtifactKey.check(key);
        Path file = objects.resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Artifact(key, type(key), Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read artifact " + key, e);
        }
    }

    @Override
    public List<StoredArtifact> list(String prefix) {
        String checked = ArtifactKey.checkPrefix(prefix);
        if (!Files.isDirectory(objects)) {
            return List.of();
        }
        List<StoredArtifact> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = objects.relativize(file).toString().replace('\\', '/');
                if (key.startsWith(checked) && !file.getFileName().toString().startsWith(".tmp-")) {
                    found.add(new StoredArtifact(key, type(key), Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list artifacts under " + objects, e);
        }
        found.sort(Comparator.comparing(StoredArtifact::key));
        return found;
    }

    private String type(String key) throws IOException {
        Path file = types.resolve(key);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "application/octet-stream";
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
