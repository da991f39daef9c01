package dev.agentteam.dev;

import dev.agentteam.common.codehost.CheckItem;
import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.NewPullRequest;
import dev.agentteam.common.codehost.PullRequest;
import dev.agentteam.common.codehost.PullRequestLanguage;
import dev.agentteam.common.codehost.PullRequestTemplate;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.task.StoryDelivered;
import java.util.List;
import java.util.Set;

/**
 * After a green test run: commit {@code [ISSUE-<id>] <title>}, push the story branch, and open the pull request
 * following the repository's own PR template, or the product's when it has none — or reuse the one already open for
 * the branch, so a re-run changes nothing twice.
 */
final class Delivery {

    private final GitWorkspace workspace;
    private final RepositoryAccess access;
    private final StoryAssignment story;
    private final String branch;

    Delivery(GitWorkspace workspace, RepositoryAccess access, StoryAssignment story, String branch) {
        this.workspace = workspace;
        this.access = access;
        this.story = story;
        this.branch = branch;
    }

    /** @return the result without the loop's steps and trajectory, which the handler adds */
    StoryDelivered deliver(String summary, TestRunner.Outcome tests, Set<String> files) {
        boolean committed = workspace.commitAll(story.storyId(), story.title()).isPresent();
        if (!committed && !StoryBranches.existsOnRemote(workspace, branch)) {
            throw new IllegalStateException("the tool loop changed nothing and " + branch
                    + " does not exist yet: there is nothing to open a pull request for");
        }
        String headSha = workspace.push();
        RepositoryRef ref = access.ref(story.repository());
        CodeHost host = access.codeHost(story.repository());
        String base = story.repository().defaultBranch() != null ? story.repository().defaultBranch() : workspace.defaultBranch();
        PullRequest pr = host.findOpenPullRequest(ref, branch)
                .orElseGet(() -> host.openPullRequest(ref, new NewPullRequest(branch, base,
                        PullRequestTemplate.title(story.storyId(), story.title()), body(summary, tests, files), false)));
        return new StoryDelivered(pr.number(), pr.url(), branch, base, headSha, committed,
                PullRequestTemplate.title(story.storyId(), story.title()),
                new StoryDelivered.TestsRun(tests.command(), true, tests.exitCode(), tests.summary(), null),
                List.copyOf(files), summary, null, null);
    }

    private String body(String summary, TestRunner.Outcome tests, Set<String> files) {
        String template = RepositoryPrTemplate.find(workspace.directory()).orElse(null);
        PullRequestLanguage language = PullRequestTemplate.language(template);
        // the criteria are ticked because the agent wrote tests for them and the suite passed; reviewers check that
        List<CheckItem> criteria = story.acceptanceCriteria().stream().map(c -> new CheckItem(c, true)).toList();
        List<CheckItem> done = language.definitionOfDone(true, false, false, false, false);
        return PullRequestTemplate.body(template, story.storyId(), story.title(), summary, criteria, done,
                notes(language, tests, files));
    }

    private String notes(PullRequestLanguage language, TestRunner.Outcome tests, Set<String> files) {
        String changed = String.join(", ", files.stream().sorted().map(f -> "`" + f + "`").toList());
        return switch (language) {
            case ES -> "Tests: `" + tests.command() + "` → " + tests.summary() + " (ejecutados en el sandbox antes del push)."
                    + (files.isEmpty() ? "" : "\nArchivos modificados: " + changed + ".")
                    + "\nAbierto por el agente Dev para la historia ISSUE-" + story.storyId() + ". CI marca las casillas "
                    + "de tests, linter, cobertura y security scan con sus resultados; la documentación queda para la revisión.";
            case EN -> "Tests: `" + tests.command() + "` → " + tests.summary() + " (run in the sandbox before pushing)."
                    + (files.isEmpty() ? "" : "\nFiles changed: " + changed + ".")
                    + "\nOpened by the dev agent for story ISSUE-" + story.storyId() + ". CI ticks the tests, linter, "
                    + "coverage and security scan boxes from its results; documentation is left to review.";
        };
    }
}
