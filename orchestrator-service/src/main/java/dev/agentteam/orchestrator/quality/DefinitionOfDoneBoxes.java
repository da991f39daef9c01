package dev.agentteam.orchestrator.quality;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.agentteam.common.codehost.DefinitionOfDone;
import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;

/**
 * A CI result of a pull request's current head ticks its body's Definition-of-Done boxes: tests from the run,
 * lint, coverage and security from the quality checks the CI/CD agent ran (statuses {@code agent-team/<check>}),
 * "not configured" for those the repository does not have. Nothing else ticks them (docs/adr/definition-of-done.md).
 */
@Component
class DefinitionOfDoneBoxes {

    private final PullRequests pullRequests;
    private final Repositories repositories;
    private final QualityRecords records;

    DefinitionOfDoneBoxes(PullRequests pullRequests, Repositories repositories, QualityRecords records) {
        this.pullRequests = pullRequests;
        this.repositories = repositories;
        this.records = records;
    }

    /** {@code ci} is the result of {@code cicd.run_ci} for the head {@code sha}. */
    void update(long prId, String sha, QualityResult.Ci ci) {
        pullRequests.find(prId).filter(pr -> sha.equals(pr.headSha()) && pr.repositoryId() != null).ifPresent(pr -> {
            QualityCommands configured = repositories.find(pr.repositoryId()).map(RepositoryView::quality)
                    .orElse(QualityCommands.none());
            Map<String, DefinitionOfDone.Check> checks = new LinkedHashMap<>();
            checks.put("tests", new DefinitionOfDone.Check(ci.testCommand(), ci.green(), null, null));
            for (String check : QualityCommands.CHECKS) {
                checks.put(check, DefinitionOfDone.Check.notConfigured());
            }
            for (QualityResult.Check outcome : ci.quality()) {
                String check = outcome.check();
                if (check != null && checks.containsKey(check) && outcome.command() != null) {
                    checks.put(check, new DefinitionOfDone.Check(outcome.command(), outcome.passed(), outcome.percent(),
                            "coverage".equals(check) ? configured.coverageThreshold() : null));
                }
            }
            String body = DefinitionOfDone.tick(pr.body(), checks);
            if (body != null && !body.equals(pr.body())) {
                records.body(prId, sha, body);
            }
        });
    }
}
