package dev.agentteam.orchestrator.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.agentteam.common.codehost.DefinitionOfDone;
import dev.agentteam.common.task.QualityCommands;
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

    /** {@code ci} is the output of {@code cicd.run_ci} for the head {@code sha}. */
    void update(long prId, String sha, Map<String, Object> ci) {
        pullRequests.find(prId).filter(pr -> sha.equals(pr.headSha()) && pr.repositoryId() != null).ifPresent(pr -> {
            QualityCommands configured = repositories.find(pr.repositoryId()).map(RepositoryView::quality)
                    .orElse(QualityCommands.none());
            Map<String, DefinitionOfDone.Check> checks = new LinkedHashMap<>();
            checks.put("tests", new DefinitionOfDone.Check(text(ci.get("test_command")),
                    "success".equals(ci.get("conclusion")), null, null));
            for (String check : QualityCommands.CHECKS) {
                checks.put(check, DefinitionOfDone.Check.notConfigured());
            }
            for (Map<?, ?> outcome : outcomes(ci.get("quality"))) {
                String check = text(outcome.get("check"));
                if (checks.containsKey(check) && outcome.get("command") != null) {
                    checks.put(check, new DefinitionOfDone.Check(text(outcome.get("command")),
                            "SUCCESS".equals(outcome.get("state")),
                            outcome.get("percent") instanceof Number n ? n.doubleValue() : null,
                            "coverage".equals(check) ? configured.coverageThreshold() : null));
                }
            }
            String body = DefinitionOfDone.tick(pr.body(), checks);
            if (body != null && !body.equals(pr.body())) {
                records.body(prId, sha, body);
            }
        });
    }

    private static List<Map<?, ?>> outcomes(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast)
                .toList() : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
