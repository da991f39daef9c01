package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Reads one file of a repository at a commit (the one indexed, so line numbers match what search returned). */
@Component
class SourceFiles {

    private final SourceTrees trees;
    private final RetrievalProperties properties;

    SourceFiles(SourceTrees trees, RetrievalProperties properties) {
        this.trees = trees;
        this.properties = properties;
    }

    Optional<SourceFile> read(RepositoryView repository, String commit, String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            return Optional.empty();
        }
        try (Repository git = trees.open(repository); RevWalk walk = new RevWalk(git)) {
            ObjectId at = commit != null ? ObjectId.fromString(commit) : git.resolve(Constants.R_HEADS + repository.defaultBranch());
            if (at == null) {
                return Optional.empty();
            }
            try (TreeWalk tree = TreeWalk.forPath(git, path, walk.parseCommit(at).getTree())) {
                if (tree == null || tree.isSubtree()) {
                    return Optional.empty();
                }
                ObjectLoader loader = git.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > properties.maxFileSize().toBytes()) {
                    return Optional.of(new SourceFile(path, at.name(), List.of(), "larger than "
                            + DataSize.ofBytes(properties.maxFileSize().toBytes()).toKilobytes() + " KB"));
                }
                FileFilter.Text text = FileFilter.decode(loader.getBytes());
                return Optional.of(text.content() == null ? new SourceFile(path, at.name(), List.of(), text.skipReason())
                        : new SourceFile(path, at.name(), text.content().lines().toList(), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
