package dev.agentteam.orchestrator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import dev.agentteam.common.codehost.CheckItem;
import dev.agentteam.common.codehost.PullRequestLanguage;
import dev.agentteam.common.codehost.PullRequestTemplate;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.TaskSucceeded;

/**
 * The pull request body's Definition-of-Done boxes follow the CI/CD agent's results on the real database: ticked
 * only for checks that passed on the head, unticked for red ones, "not configured" for checks the repository has not.
 */
class DefinitionOfDoneBoxesTest extends IntegrationTest {

    private static final String SHA = "89abcdef0123456789abcdef0123456789abcdef";

    @Autowired
    private ApplicationEventPublisher events;

    private long prId;
    private String repo;

    @BeforeEach
    void noPullRequests() {
        jdbc.update("delete from repositories where name in ('dod-full', 'dod-bare')");
    }

    @Test
    void passingChecksTickTheirBoxes() {
        pullRequest("dod-full", "'python3 tools/lint.py', 'python3 tools/coverage.py', 80, 'python3 tools/security_scan.py'");

        ciResult("success", List.of(outcome("lint", "python3 tools/lint.py", "SUCCESS", null),
                outcome("coverage", "python3 tools/coverage.py", "SUCCESS", 92.0),
                outcome("security", "python3 tools/security_scan.py", "SUCCESS", null)));

        assertThat(body()).contains("- [x] Tests unitarios pasan — OK: `python3 -m unittest`")
                .contains("- [x] Linter OK — OK: `python3 tools/lint.py`")
                .contains("- [x] Coverage mínima (si aplica) — OK: 92% (mínimo 80%), `python3 tools/coverage.py`")
                .contains("- [x] Security scan — OK: `python3 tools/security_scan.py`")
                .contains("- [ ] Documentación actualizada");
    }

    @Test
    void aFailingLintLeavesItsBoxUnticked() {
        pullRequest("dod-full", "'python3 tools/lint.py', 'python3 tools/coverage.py', 80, 'python3 tools/security_scan.py'");

        ciResult("success", List.of(outcome("lint", "python3 tools/lint.py", "FAILURE", null),
                outcome("coverage", "python3 tools/coverage.py", "FAILURE", 64.0),
                outcome("security", "python3 tools/security_scan.py", "SUCCESS", null)));

        assertThat(body()).contains("- [ ] Linter OK — falla: `python3 tools/lint.py`")
                .contains("- [ ] Coverage mínima (si aplica) — falla: 64% (mínimo 80%)")
                .contains("- [x] Security scan — OK");
    }

    @Test
    void aRepositoryWithoutQualityCommandsShowsNotConfigured() {
        pullRequest("dod-bare", "null, null, null, null");

        ciResult("failure", List.of());

        assertThat(body()).contains("- [ ] Tests unitarios pasan — falla: `python3 -m unittest`")
                .contains("- [ ] Linter OK — no configurado").contains("- [ ] Coverage mínima (si aplica) — no configurado")
                .contains("- [ ] Security scan — no configurado");
    }

    @Test
    void aResultForAnOlderHeadChangesNothing() {
        pullRequest("dod-full", "'python3 tools/lint.py', null, null, null");
        String before = body();

        events.publishEvent(new TaskSucceeded(ciTask(), PullRequestChecks.RUN_CI, null, null, Map.of("pr_id", prId,
                "head_sha", "0000000000000000000000000000000000000000", "conclusion", "success",
                "test_command", "python3 -m unittest", "quality", List.of(outcome("lint", "python3 tools/lint.py", "SUCCESS", null)))));

        assertThat(body()).isEqualTo(before);
    }

    private void pullRequest(String name, String quality) {
        long repository = jdbc.queryForObject("insert into repositories (name, test_command, lint_command, coverage_command, "
                + "coverage_threshold, security_command) values (?, 'python3 -m unittest', " + quality + ") returning id",
                Long.class, name);
        String body = PullRequestTemplate.body(1, "Contar palabras", "Cuenta palabras.", List.of(new CheckItem("cuenta", true)),
                PullRequestLanguage.ES.definitionOfDone(true, false, false, false, false), "Notas.");
        repo = "agentteam/" + name;
        prId = jdbc.queryForObject("""
                insert into pr_records (repository_id, pr_number, repo, branch, head_sha, body)
                values (?, 1, ?, 'feature/ISSUE-1', ?, ?) returning id""", Long.class, repository, "agentteam/" + name,
                SHA, body);
    }

    private void ciResult(String conclusion, List<Map<String, Object>> quality) {
        events.publishEvent(new TaskSucceeded(ciTask(), PullRequestChecks.RUN_CI, null, null, Map.of("pr_id", prId,
                "head_sha", SHA, "conclusion", conclusion, "test_command", "python3 -m unittest", "quality", quality,
                "report", Map.of("passed", 3, "failures", conclusion.equals("success") ? 0 : 1))));
    }

    /** The CI task the opened pull request got (its result is what the CI/CD agent would send). */
    private long ciTask() {
        events.publishEvent(new ForgeEvent.PullRequestOpened(prId, repo, 1, "feature/ISSUE-1", SHA, null));
        return jdbc.queryForObject("select id from tasks where type = 'cicd.run_ci' order by id desc limit 1", Long.class);
    }

    private static Map<String, Object> outcome(String check, String command, String state, Double percent) {
        return percent == null ? Map.of("check", check, "command", command, "state", state)
                : Map.of("check", check, "command", command, "state", state, "percent", percent);
    }

    private String body() {
        return jdbc.queryForObject("select body from pr_records where id = ?", String.class, prId);
    }
}
