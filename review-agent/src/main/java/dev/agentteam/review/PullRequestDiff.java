package dev.agentteam.review;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * A pull request's change as the reviewer sees it: the unified diff from the merge base of base and head to head,
 * and for each changed file the new-file lines a review comment may sit on (changed lines and their context, the
 * lines a forge shows in the diff).
 */
record PullRequestDiff(String text, Map<String, Set<Integer>> commentableLines) {

    private static final int CONTEXT = 3;

    /** No commentable line at all: every finding is listed in the summary. */
    static final PullRequestDiff NONE = new PullRequestDiff("", Map.of());

    /** The diff of {@code headSha} against the merge base with {@code origin/<base>} in the checkout at {@code dir}. */
    static PullRequestDiff of(Path dir, String base, String headSha) {
        try (Git git = Git.open(dir.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repo = git.getRepository();
            ObjectId baseId = repo.resolve("refs/remotes/origin/" + base);
            if (baseId == null) {
                throw new IllegalArgumentException("base branch " + base + " does not exist in the repository");
            }
            RevCommit head = walk.parseCommit(repo.resolve(headSha));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(baseId));
            walk.markStart(head);
            RevCommit mergeBase = walk.next();
            StringBuilder text = new StringBuilder();
            Map<String, Set<Integer>> lines = new HashMap<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setContext(CONTEXT);
                List<DiffEntry> entries = formatter.scan(mergeBase == null ? null : mergeBase.getTree(), head.getTree());
                for (DiffEntry entry : entries) {
                    out.reset();
                    formatter.format(entry);
                    formatter.flush();
                    String patch = out.toString(StandardCharsets.UTF_8);
                    text.append(patch);
                    if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
                        lines.put(entry.getNewPath(), hunkLines(patch));
                    }
                }
            }
            return new PullRequestDiff(text.toString(), lines);
        } catch (IOException e) {
            throw new IllegalStateException("could not compute the diff of " + headSha + " against " + base + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Exactly the new-file lines the hunks of a one-file patch show ({@code @@ -a,b +c,d @@}, read by JGit's patch
     * parser): a forge refuses comments anywhere else.
     */
    static Set<Integer> hunkLines(String patch) {
        Patch parsed = new Patch();
        try {
            parsed.parse(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a patch held in memory", e);
        }
        Set<Integer> lines = new TreeSet<>();
        for (FileHeader file : parsed.getFiles()) {
            for (HunkHeader hunk : file.getHunks()) {
                int start = hunk.getNewStartLine();
                for (int line = Math.max(1, start); line < start + hunk.getNewLineCount(); line++) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    boolean canComment(String path, int line) {
        return commentableLines.getOrDefault(path, Set.of()).contains(line);
    }

    boolean empty() {
        return commentableLines.isEmpty() && text.isBlank();
    }
}
