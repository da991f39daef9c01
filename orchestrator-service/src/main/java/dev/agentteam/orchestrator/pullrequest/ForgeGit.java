package dev.agentteam.orchestrator.pullrequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

/** The git side of pull requests on the embedded forge's bare repositories: refs, diffs, merges. */
@Component
class ForgeGit {

    private static final PersonIdent MERGER = new PersonIdent("agent-team merge gate", "merge-gate@agent-team.local");

    private final ForgeStorage storage;

    ForgeGit(ForgeStorage storage) {
        this.storage = storage;
    }

    Optional<String> branchSha(String name, String branch) {
        try (Repository repository = open(name)) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            return Optional.ofNullable(ref).map(r -> r.getObjectId().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isCommit(String name, String sha) {
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository)) {
            walk.parseCommit(ObjectId.fromString(sha));
            return true;
        } catch (MissingObjectException | IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the branch at {@code sha}; true if created, false if it already pointed there; 409 if elsewhere. */
    boolean createBranch(String name, String branch, String sha) {
        try (Repository repository = open(name)) {
            Ref existing = repository.exactRef(Constants.R_HEADS + branch);
            if (existing != null) {
                if (existing.getObjectId().name().equals(sha)) {
                    return false;
                }
                throw ApiProblems.conflict("Branch " + branch + " already exists at " + existing.getObjectId().name() + ".");
            }
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(ObjectId.fromString(sha));
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw ApiProblems.conflict("Branch " + branch + " could not be created (" + result + ").");
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of lines of {@code path} in commit {@code sha}, or -1 when the commit has no such file. */
    int lineCount(String name, String sha, String path) {
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null || tree.isSubtree()) {
                    return -1;
                }
                RawText text = new RawText(repository.open(tree.getObjectId(0)).getBytes());
                return text.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unified diff of {@code head} against its merge base with {@code base} (what {@code base...head} shows). */
    String diff(String name, String baseSha, String headSha) {
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(ObjectId.fromString(headSha));
            RevCommit base = walk.parseCommit(ObjectId.fromString(baseSha));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(head);
            walk.markStart(base);
            RevCommit mergeBase = walk.next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repository);
                formatter.setDetectRenames(true);
                formatter.format(mergeBase == null ? null : mergeBase.getTree(), head.getTree());
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges {@code headSha} into {@code base} without a working tree and moves {@code base} only if it did not
     * move meanwhile. Returns the new tip of {@code base}.
     */
    String merge(String name, String base, String headSha, MergeMethod method, String message) {
        if (method == MergeMethod.REBASE) {
            throw ApiProblems.unprocessable("The embedded forge merges with merge or squash; rebase is not supported.");
        }
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository);
                ObjectInserter inserter = repository.newObjectInserter()) {
            Ref baseRef = repository.exactRef(Constants.R_HEADS + base);
            if (baseRef == null) {
                throw ApiProblems.conflict("The base branch " + base + " no longer exists.");
            }
            RevCommit baseTip = walk.parseCommit(baseRef.getObjectId());
            RevCommit head = walk.parseCommit(ObjectId.fromString(headSha));
            ThreeWayMerger merger = MergeStrategy.RECURSIVE.newMerger(repository, true);
            if (!merger.merge(baseTip, head)) {
                throw ApiProblems.conflict("The pull request conflicts with " + base + "; update its branch first.");
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            if (method == MergeMethod.SQUASH) {
                commit.setParentId(baseTip);
            } else {
                commit.setParentIds(baseTip, head);
            }
            commit.setAuthor(MERGER);
            commit.setCommitter(MERGER);
            commit.setMessage(message);
            ObjectId merged = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + base);
            update.setExpectedOldObjectId(baseTip);
            update.setNewObjectId(merged);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED) {
                throw ApiProblems.conflict("The base branch " + base + " moved during the merge (" + result + "); retry.");
            }
            return merged.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository open(String name) {
        return storage.open(name).orElseThrow(() -> ApiProblems.notFound("repository", name));
    }
}
