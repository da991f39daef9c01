package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.orchestrator.forge.ForgeProperties;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The git repository the indexer reads a registered repository from: the embedded forge's bare repository itself,
 * or for GitHub a bare mirror of the default branch under {@code <data dir>/retrieval/mirrors}, fetched before
 * each run with the orchestrator's GitHub token.
 */
@Component
class SourceTrees {

    private final ForgeStorage storage;
    private final Path mirrors;
    private final ObjectProvider<CodeHosts> codeHosts;

    SourceTrees(ForgeStorage storage, ForgeProperties forge, ObjectProvider<CodeHosts> codeHosts) {
        this.storage = storage;
        this.mirrors = forge.dataDir().resolve("retrieval").resolve("mirrors");
        this.codeHosts = codeHosts;
    }

    /** Opens the repository with the default branch up to date; the caller closes it. */
    Repository open(RepositoryView repository) {
        if (repository.forge() == ForgeType.EMBEDDED) {
            return storage.open(repository.name()).orElseThrow(() -> new IllegalStateException(
                    "the embedded forge has no repository " + repository.name()));
        }
        CodeHosts hosts = codeHosts.getIfAvailable();
        String token = hosts == null ? null
                : hosts.gitToken(new ForgeTarget("github", repository.fullName(), repository.cloneUrl()));
        return mirror(mirrors.resolve(repository.id() + ".git"), repository.cloneUrl(), repository.defaultBranch(), token);
    }

    /** Fetches {@code branch} of {@code url} into the bare mirror at {@code dir} (created when missing). */
    static Repository mirror(Path dir, String url, String branch, String token) {
        try {
            Repository mirror = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            if (!Files.exists(dir.resolve("HEAD"))) {
                Files.createDirectories(dir.getParent());
                mirror.create(true);
            }
            try (Git git = new Git(mirror)) {
                var fetch = git.fetch().setRemote(url).setForceUpdate(true).setRemoveDeletedRefs(false)
                        .setRefSpecs(List.of(new RefSpec("+" + Constants.R_HEADS + branch + ":" + Constants.R_HEADS + branch)));
                if (token != null) {
                    fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token));
                }
                fetch.call();
            } catch (GitAPIException | RuntimeException e) {
                mirror.close();
                throw new IllegalStateException("could not fetch " + branch + " from " + url + ": " + e.getMessage(), e);
            }
            return mirror;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the mirror " + dir, e);
        }
    }

    /** The files of the commit's tree: path, blob, kind and size (sizes from the object headers, nothing read). */
    static List<TreeFile> files(Repository git, ObjectId commit) {
        List<TreeFile> files = new ArrayList<>();
        try (RevWalk revs = new RevWalk(git); TreeWalk tree = new TreeWalk(git); ObjectReader reader = git.newObjectReader()) {
            tree.addTree(revs.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                ObjectId blob = tree.getObjectId(0);
                TreeFile.Kind kind = mode == FileMode.SYMLINK ? TreeFile.Kind.SYMLINK
                        : mode == FileMode.GITLINK ? TreeFile.Kind.SUBMODULE : TreeFile.Kind.REGULAR;
                long size = kind == TreeFile.Kind.REGULAR ? reader.getObjectSize(blob, Constants.OBJ_BLOB) : 0;
                files.add(new TreeFile(tree.getPathString(), blob.name(), kind, size));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree of " + commit.name(), e);
        }
    }
}
