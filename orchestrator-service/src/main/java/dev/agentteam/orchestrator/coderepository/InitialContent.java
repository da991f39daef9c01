package dev.agentteam.orchestrator.coderepository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;

/** Writes the first content of a new bare repository: one commit of files, or the branches of a local repo. */
final class InitialContent {

    private static final PersonIdent AUTHOR = new PersonIdent("agent-team forge", "forge@agent-team.local");

    private InitialContent() {
    }

    /** Commits {@code files} (path → content) as the first commit of {@code branch}. */
    static String commitFiles(Repository repository, String branch, Map<String, byte[]> files, String message)
            throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                builder.add(entry(file.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, file.getValue())));
            }
            return commit(repository, inserter, index, builder, branch, message);
        }
    }

    /**
     * Commits the regular files below {@code directory} (skipping {@code .git} and symbolic links, keeping the
     * executable bit) as the first commit of {@code branch}; blobs are streamed, never held whole in memory.
     */
    static String commitDirectory(Repository repository, String branch, Path directory, long maxBytes, String message)
            throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); Stream<Path> walk = Files.walk(directory)) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            long total = 0;
            int count = 0;
            for (Path file : (Iterable<Path>) walk::iterator) {
                Path relative = directory.relativize(file);
                if (relative.toString().isEmpty() || relative.getName(0).toString().equals(".git")
                        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long size = Files.size(file);
                total += size;
                if (total > maxBytes) {
                    throw new IllegalArgumentException("the directory holds more than " + maxBytes + " bytes");
                }
                ObjectId blob;
                try (InputStream in = Files.newInputStream(file)) {
                    blob = inserter.insert(Constants.OBJ_BLOB, size, in);
                }
                FileMode mode = Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                builder.add(entry(relative.toString().replace('\\', '/'), mode, blob));
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException("it holds no files");
            }
            return commit(repository, inserter, index, builder, branch, message);
        }
    }

    private static DirCacheEntry entry(String path, FileMode mode, ObjectId blob) {
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(mode);
        entry.setObjectId(blob);
        return entry;
    }

    private static String commit(Repository repository, ObjectInserter inserter, DirCache index, DirCacheBuilder builder,
            String branch, String message) throws IOException {
        builder.finish();
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(index.writeTree(inserter));
        commit.setAuthor(AUTHOR);
        commit.setCommitter(AUTHOR);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW) {
            throw new IOException("could not create branch " + branch + ": " + result);
        }
        return id.name();
    }

    /** Fetches every branch (and tag) of the local repository at {@code source} into {@code target}. */
    static void fetchBranches(Repository target, Path source) throws GitAPIException {
        try (Git git = new Git(target)) {
            git.fetch().setRemote(source.toUri().toString())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                    .call();
        }
    }
}
