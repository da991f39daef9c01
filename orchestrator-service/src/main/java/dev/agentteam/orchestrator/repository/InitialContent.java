package dev.agentteam.orchestrator.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

    /** Commits {@code files} (path → content; executable when the path is in {@code executables}) as the branch. */
    static String commitFiles(Repository repository, String branch, Map<String, byte[]> files,
            java.util.Set<String> executables, String message) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(executables.contains(file.getKey()) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
                builder.add(entry);
            }
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
    }

    /** The regular files below {@code directory}, skipping {@code .git} and symbolic links. */
    static Map<String, byte[]> readDirectory(Path directory, java.util.Set<String> executables, long maxBytes)
            throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                Path relative = directory.relativize(file);
                if (relative.toString().isEmpty() || startsWithGit(relative)
                        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                total[0] += Files.size(file);
                if (total[0] > maxBytes) {
                    throw new IllegalArgumentException("the directory holds more than " + maxBytes + " bytes");
                }
                String path = relative.toString().replace('\\', '/');
                files.put(path, Files.readAllBytes(file));
                if (Files.isExecutable(file)) {
                    executables.add(path);
                }
            }
        }
        return files;
    }

    /** Fetches every branch (and tag) of the local repository at {@code source} into {@code target}. */
    static void fetchBranches(Repository target, Path source) throws GitAPIException {
        try (Git git = new Git(target)) {
            git.fetch().setRemote(source.toUri().toString())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                    .call();
        }
    }

    private static boolean startsWithGit(Path relative) {
        return relative.getName(0).toString().equals(".git");
    }
}
