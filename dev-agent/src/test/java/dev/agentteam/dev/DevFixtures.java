package dev.agentteam.dev;

import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.retrieval.RetrievalLog;
import dev.agentteam.common.retrieval.RetrievalProperties;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.workspace.RemoteRepository;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A tiny Python repository in a local bare repo, and dev.implement_story envelopes for it. */
final class DevFixtures {

    static final String TEST_COMMAND = "python3 -m unittest discover -s tests";

    private DevFixtures() {
    }

    /** A bare repository (default branch main) holding calc/ with add() and its passing test. */
    static Path pythonRepository(Path dir) throws IOException, GitAPIException {
        Path bare = dir.resolve("calc.git");
        Path seed = dir.resolve("seed");
        Files.createDirectories(seed.resolve("calc"));
        Files.createDirectories(seed.resolve("tests"));
        Files.writeString(seed.resolve("calc/__init__.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(seed.resolve("tests/__init__.py"), "");
        Files.writeString(seed.resolve("tests/test_calc.py"), """
                import unittest

                from calc import add


                class AddTest(unittest.TestCase):

                    def test_adds(self):
                        self.assertEqual(add(2, 3), 5)
                """);
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("seed", "seed@example.com");
            git.commit().setMessage("calc").setAuthor(who).setCommitter(who).setSign(false).call();
            git.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        return bare;
    }

    static TaskEnvelope task(long taskId, String title, Path bare, List<Map<String, Object>> clarifications) {
        Map<String, Object> payload = Map.of(
                "story", Map.of("id", 42, "title", title, "statement", "As a user I want to calculate.",
                        "acceptance_criteria", List.of(Map.of("given", "2 and 3", "when", "added", "then", "5"))),
                "repository", Map.of("name", "calc", "clone_url", bare.toUri().toString(), "forge", "embedded",
                        "default_branch", "main", "test_command", TEST_COMMAND),
                "clarifications", clarifications);
        return new TaskEnvelope(taskId, DevTaskHandler.TYPE, AgentRole.DEV, 1, Duration.ofMinutes(5), "trace-" + taskId,
                Instant.now(), payload);
    }

    /** Local git remote, and a code host the handler must not reach in these tests (nothing is delivered). */
    static RepositoryAccess localAccess() {
        CodeHost unreachable = (CodeHost) Proxy.newProxyInstance(CodeHost.class.getClassLoader(), new Class<?>[]{CodeHost.class},
                (proxy, method, args) -> {
                    throw new AssertionError("the code host was called: " + method.getName());
                });
        return localAccess(unreachable);
    }

    /** Local git remote, and {@code host} as the code host. */
    static RepositoryAccess localAccess(CodeHost host) {
        return new RepositoryAccess() {
            @Override
            public RemoteRepository remote(StoryAssignment.TargetRepository repository) {
                return RemoteRepository.anonymous(repository.cloneUrl());
            }

            @Override
            public CodeHost codeHost(StoryAssignment.TargetRepository repository) {
                return host;
            }

            @Override
            public RepositoryRef ref(StoryAssignment.TargetRepository repository) {
                return new RepositoryRef("local", repository.name());
            }
        };
    }

    /** Retrieval with no orchestrator behind it (these payloads name no repository id): tools answer that. */
    static CodeRetrieval noRetrieval() {
        return new CodeRetrieval(new RetrievalProperties(null, null), new EmbeddedForgeProperties(null, null, null),
                new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(null, null, null)),
                new RetrievalLog(null));
    }
}
