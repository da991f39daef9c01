package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation tests' one orchestrator context (the settings are inherited, so every subclass shares it): runs
 * dispatched at once, short polls, a suites directory of its own, and what every test checks of a finished run.
 */
@TestPropertySource(properties = {
        "agentteam.delivery.auto-dispatch=true",
        "agentteam.forge.tokens=" + EvalTest.TOKEN,
        "agentteam.forge.data-dir=${java.io.tmpdir}/agentteam-eval-test-forge",
        "agentteam.eval.suites-dir=${java.io.tmpdir}/agentteam-eval-test-suites",
        "agentteam.eval.poll-interval=500ms",
        "agentteam.eval.settle=5s"})
abstract class EvalTest extends IntegrationTest {

    static final String TOKEN = "eval-test-forge-token";

    @Autowired
    protected Environment environment;

    @Autowired
    protected ForgeStorage forge;

    @Autowired
    protected EvalSuites suites;

    /** Waits for the run to end and returns its report. */
    protected JsonNode awaitReport(long run, Duration atMost) {
        // clock wait: an evaluation run ends in its own module, which publishes no event
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> "DONE".equals(api.get("/api/evals/" + run).json().path("status").asString()));
        return api.get("/api/evals/" + run).json();
    }

    /**
     * No held-out test reached what an agent could see: the logged prompts and answers (which hold every tool result,
     * the Dev agent's own listings of its workspace included), and every branch of every evaluation repository.
     */
    protected void assertHeldOutTestsWereNeverInSight() throws Exception {
        List<String> logged = jdbc.queryForList("select prompt || coalesce(response, '') from agent_logs", String.class);
        assertThat(logged).hasSizeGreaterThanOrEqualTo(15);
        assertThat(logged).allSatisfy(text -> assertThat(text).doesNotContainIgnoringCase("heldout")
                .doesNotContain("test_no_expenses_is_two_decimals", "HeldOut"));
        List<List<String>> listings = workspaceListings(logged);
        assertThat(listings).as("the Dev agent listed its workspace (list_files) in a logged prompt").isNotEmpty();
        assertThat(listings).allSatisfy(files -> assertThat(files).as("a workspace listing")
                .containsAnyOf("tests/test_core.py", "test/slug.test.js").noneMatch(path -> path.toLowerCase().contains("heldout")));
        for (String repository : jdbc.queryForList("select name from repositories where name like 'eval-%'", String.class)) {
            assertThat(allFiles(forge.path(repository))).as(repository).isNotEmpty()
                    .noneMatch(path -> path.toLowerCase().contains("heldout"));
        }
    }

    /** What the Dev agent's list_files tool answered, one list of paths per call, as the logged prompts show it. */
    private static List<List<String>> workspaceListings(List<String> logged) {
        Pattern listing = Pattern.compile("\\[tool result: list_files]\n((?:[^\n]+\n)+)");
        List<List<String>> listings = new ArrayList<>();
        for (String text : logged) {
            Matcher found = listing.matcher(text);
            while (found.find()) {
                listings.add(List.of(found.group(1).split("\n")));
            }
        }
        return listings;
    }

    /** Every path in every branch of a bare repository: what any agent could ever have checked out. */
    protected static List<String> allFiles(Path bare) throws Exception {
        List<String> files = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build(); RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                try (TreeWalk tree = new TreeWalk(repository)) {
                    tree.addTree(walk.parseCommit(ref.getObjectId()).getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        files.add(tree.getPathString());
                    }
                }
            }
        }
        return files;
    }
}
