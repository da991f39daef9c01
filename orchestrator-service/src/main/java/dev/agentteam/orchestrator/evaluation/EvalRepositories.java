package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.NewRepository;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.util.FileUtils;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A fresh embedded-forge repository per task and run ({@code eval-<run>-<task>}), from a template, a local directory,
 * or a git URL checked out at its base commit. Only the task's code goes in: never its held-out tests.
 */
@Component
class EvalRepositories {

    private final Repositories repositories;

    EvalRepositories(Repositories repositories) {
        this.repositories = repositories;
    }

    record Prepared(long id, String name) {
    }

    /**
     * The name is {@code eval-<run>-<task>}; where the forge already holds one (a data directory that outlived its
     * database), a random suffix keeps runs apart.
     */
    Prepared create(long runId, EvalTask task) {
        String name = ("eval-" + runId + "-" + task.id()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        name = name.length() > 90 ? name.substring(0, 90) : name;
        try {
            return create(name, task);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != 409) {
                throw e;
            }
            return create(name + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36), task);
        }
    }

    private Prepared create(String name, EvalTask task) {
        EvalTask.Source source = task.source();
        RepositoryView created;
        if (source.template() != null) {
            String command = task.testCommand() != null ? task.testCommand() : repositories.templateTestCommand(source.template());
            created = repositories.create(new NewRepository(name, ForgeType.EMBEDDED, null, "main", command, source.template(), null));
        } else if (source.path() != null) {
            // the path is the suite's, which an operator installed on the server: not a path a caller named
            created = repositories.createFromServerDirectory(new NewRepository(name, ForgeType.EMBEDDED, null, "main",
                    command(task), null, Path.of(source.path())));
        } else {
            created = fromGit(name, task);
        }
        return new Prepared(created.id(), created.name());
    }

    private RepositoryView fromGit(String name, EvalTask task) {
        Path checkout = null;
        try {
            checkout = Files.createTempDirectory("agentteam-eval-source-");
            try (Git git = Git.cloneRepository().setURI(task.source().gitUrl()).setDirectory(checkout.toFile()).call()) {
                onlyMainAtTheBaseCommit(git, task.source().baseCommit());
            }
            return repositories.createFromServerDirectory(new NewRepository(name, ForgeType.EMBEDDED, null, "main",
                    command(task), null, checkout));
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot fetch " + task.source().describe() + ": " + e.getMessage(), e);
        } finally {
            if (checkout != null) {
                try {
                    FileUtils.delete(checkout.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
                } catch (IOException ignored) {
                    // a temporary directory
                }
            }
        }
    }

    /**
     * Leaves the checkout with one branch, {@code main}, at the base commit, and no tag: the forge imports every
     * branch and tag of a git directory, and a later commit (the benchmark's own fix, often) must not reach the agent.
     */
    private static void onlyMainAtTheBaseCommit(Git git, String baseCommit) throws IOException, GitAPIException {
        ObjectId base = git.getRepository().resolve(baseCommit + "^{commit}");
        if (base == null) {
            throw new IllegalArgumentException("the repository has no commit " + baseCommit);
        }
        git.checkout().setName(base.name()).call();
        git.branchCreate().setName("main").setStartPoint(base.name()).setForce(true).call();
        git.checkout().setName("main").call();
        for (Ref ref : git.getRepository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            if (!ref.getName().equals(Constants.R_HEADS + "main")) {
                git.branchDelete().setBranchNames(ref.getName()).setForce(true).call();
            }
        }
        for (Ref tag : git.getRepository().getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            git.tagDelete().setTags(tag.getName()).call();
        }
    }

    private static String command(EvalTask task) {
        if (task.testCommand() == null) {
            throw new IllegalArgumentException("task " + task.id() + " needs a test_command (its repository is no template)");
        }
        return task.testCommand();
    }
}
