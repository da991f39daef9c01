package dev.agentteam.common.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agent's file tools, confined to one workspace directory: list, read, search, edit by exact
 * search/replace, write. Every path is relative to the workspace; anything leading outside it (or into
 * {@code .git}) is refused with {@link PathOutsideWorkspaceException}.
 */
public final class WorkspaceFiles {

    private static final int MAX_LINE_IN_HIT = 300;

    private final ConfinedPaths paths;
    private final WorkspaceProperties limits;

    public WorkspaceFiles(Path workspace, WorkspaceProperties limits) {
        this.paths = new ConfinedPaths(workspace);
        this.limits = limits;
    }

    /** Files below {@code directory} (blank for all), skipping {@code .git}; symlinked directories are not entered. */
    public FileListing list(String directory) {
        Path start = existingDirectory(directory);
        List<String> files = new ArrayList<>();
        boolean complete = FileWalk.regularFiles(start, limits.maxListedFiles(), file -> files.add(paths.relativize(file)));
        files.sort(null);
        return new FileListing(files, !complete);
    }

    /** The whole file; refused above the read cap (read a line range instead). */
    public String read(String path) {
        Path file = existingFile(path);
        long size = size(file);
        if (size > limits.maxReadSize().toBytes()) {
            throw new WorkspaceFileException(path + " has " + size + " bytes, more than the " + limits.maxReadSize().toBytes()
                    + " a read returns; read a line range instead");
        }
        return TextFiles.read(file, path);
    }

    /** Lines {@code fromLine}..{@code toLine} (1-based, inclusive), cut at the read cap. */
    public String read(String path, int fromLine, int toLine) {
        if (fromLine < 1 || toLine < fromLine) {
            throw new WorkspaceFileException("invalid line range " + fromLine + ".." + toLine + ": lines start at 1");
        }
        Path file = existingFile(path);
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null && ++number <= toLine) {
                if (number >= fromLine) {
                    if (text.length() + line.length() + 1 > limits.maxReadSize().toBytes()) {
                        text.append("[… cut at the read limit; continue from line ").append(number).append(" …]\n");
                        break;
                    }
                    text.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new WorkspaceFileException("could not read " + path + " as UTF-8 text: " + e.getMessage());
        }
        return text.toString();
    }

    /** Lines matching {@code query} (literal text, or a Java regex when {@code regex}) in text files below {@code directory}. */
    public SearchResults search(String query, boolean regex, String directory) {
        if (query == null || query.isEmpty()) {
            throw new WorkspaceFileException("empty search query");
        }
        Pattern pattern;
        try {
            pattern = regex ? Pattern.compile(query) : Pattern.compile(Pattern.quote(query));
        } catch (PatternSyntaxException e) {
            throw new WorkspaceFileException("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        Path start = existingDirectory(directory);
        List<Path> files = new ArrayList<>();
        FileWalk.regularFiles(start, Integer.MAX_VALUE, files::add);
        files.sort(null);
        List<SearchHit> hits = new ArrayList<>();
        for (Path file : files) {
            if (size(file) > limits.maxReadSize().toBytes() || TextFiles.isBinary(file)) {
                continue;
            }
            if (!TextFiles.collectMatches(file, paths.relativize(file), pattern, hits,
                    limits.maxSearchResults(), MAX_LINE_IN_HIT)) {
                return new SearchResults(hits, true);
            }
        }
        return new SearchResults(hits, false);
    }

    /** Replaces {@code search}, which must occur exactly once, by {@code replacement}. */
    public void edit(String path, String search, String replacement) {
        if (search == null || search.isEmpty()) {
            throw new WorkspaceFileException("empty search text: give the exact text to replace");
        }
        String content = read(path);
        int first = content.indexOf(search);
        int matches = 0;
        for (int at = first; at >= 0; at = content.indexOf(search, at + search.length())) {
            matches++;
        }
        if (matches != 1) {
            throw new EditMatchException(path, matches);
        }
        String updated = content.substring(0, first) + (replacement == null ? "" : replacement)
                + content.substring(first + search.length());
        write(path, updated);
    }

    /** Creates or replaces a whole file (parent directories are created). */
    public void write(String path, String content) {
        Path file = paths.resolve(path);
        byte[] bytes = (content == null ? "" : content).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxWriteSize().toBytes()) {
            throw new WorkspaceFileException("content for " + path + " has " + bytes.length + " bytes, more than the "
                    + limits.maxWriteSize().toBytes() + " allowed");
        }
        if (file.equals(paths.root()) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceFileException(path + " is a directory");
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        try {
            Files.createDirectories(file.getParent());
            try (SeekableByteChannel channel = Files.newByteChannel(file, options)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceFileException("could not write " + path + ": " + e.getMessage());
        }
    }

    private Path existingFile(String path) {
        Path file = paths.resolve(path);
        if (Files.isDirectory(file)) {
            throw new WorkspaceFileException(path + " is a directory; list it instead");
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceFileException("no such file: " + path);
        }
        return file;
    }

    private Path existingDirectory(String directory) {
        Path dir = paths.resolve(directory);
        if (!Files.isDirectory(dir)) {
            throw new WorkspaceFileException("no such directory: " + directory);
        }
        return dir;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
