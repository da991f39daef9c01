package dev.agentteam.orchestrator.retrieval;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.unit.DataSize;

/** Which files the index leaves out, and why: the reason is stored and shown, so nothing is skipped silently. */
final class FileFilter {

    private static final Set<String> BINARY_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "ico", "webp",
            "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "jar", "war", "class", "so", "dll", "dylib", "exe", "bin", "o",
            "a", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wav", "ogg", "pyc", "db", "sqlite",
            "psd", "iso", "dmg", "onnx", "pt", "parquet");
    private static final Set<String> GENERATED_NAMES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
            "go.sum", "poetry.lock", "cargo.lock", "composer.lock", "gemfile.lock");
    private static final int BINARY_PROBE = 8000;

    private final long maxBytes;
    private final Set<String> skipDirectories;

    FileFilter(DataSize maxFileSize, List<String> skipDirectories) {
        this.maxBytes = maxFileSize.toBytes();
        this.skipDirectories = Set.copyOf(skipDirectories);
    }

    /** Why a file is skipped without reading it, if it is. */
    Optional<String> beforeReading(TreeFile file) {
        if (file.kind() == TreeFile.Kind.SYMLINK) {
            return Optional.of("symbolic link (never followed)");
        }
        if (file.kind() == TreeFile.Kind.SUBMODULE) {
            return Optional.of("submodule (another repository)");
        }
        String[] segments = file.path().split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (skipDirectories.contains(segments[i]) || segments[i].equals(".git")) {
                return Optional.of("in the vendored or generated directory " + segments[i] + "/");
            }
        }
        String name = segments[segments.length - 1].toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1))) {
            return Optional.of("binary file type ." + name.substring(dot + 1));
        }
        if (GENERATED_NAMES.contains(name) || name.endsWith(".min.js") || name.endsWith(".min.css") || name.endsWith(".map")) {
            return Optional.of("generated file (lock file, minified or source map)");
        }
        if (file.size() > maxBytes) {
            return Optional.of("larger than the limit of " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB ("
                    + file.size() + " bytes)");
        }
        return Optional.empty();
    }

    /** The file's text, or why it is not indexed: binary content or not UTF-8. */
    static Text decode(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return new Text(null, "binary content (NUL bytes)");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                return new Text(null, "binary content (NUL bytes)");
            }
            return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        } catch (CharacterCodingException e) {
            return new Text(null, "not UTF-8 text");
        }
    }

    record Text(String content, String skipReason) {
    }
}
