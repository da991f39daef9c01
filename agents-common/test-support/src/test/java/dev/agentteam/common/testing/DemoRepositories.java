package dev.agentteam.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Small Python repositories in local bare git repos, for the CI, QA and Review agents' tests: {@code main} holds a
 * working module and its tests; a branch adds one commit on top with whatever files a test needs.
 */
public final class DemoRepositories {

    /** Runs unittest and writes a JUnit XML report to reports/TEST-unittest.xml (no third-party packages). */
    public static final String JUNIT_RUNNER = """
            import sys, unittest, xml.etree.ElementTree as ET
            suite = unittest.defaultTestLoader.discover("tests")
            class Collecting(unittest.TextTestResult):
                def __init__(self, *a, **k):
                    super().__init__(*a, **k)
                    self.cases = []
                def addSuccess(self, t):
                    super().addSuccess(t); self.cases.append((t, None, None))
                def addFailure(self, t, err):
                    super().addFailure(t, err); self.cases.append((t, "failure", err))
                def addError(self, t, err):
                    super().addError(t, err); self.cases.append((t, "error", err))
                def addSkip(self, t, reason):
                    super().addSkip(t, reason); self.cases.append((t, "skipped", None))
            result = unittest.TextTestRunner(resultclass=Collecting, verbosity=2).run(suite)
            root = ET.Element("testsuite", name="unittest", tests=str(result.testsRun))
            for test, kind, err in result.cases:
                cls, _, name = test.id().rpartition(".")
                case = ET.SubElement(root, "testcase", classname=cls, name=name)
                if kind in ("failure", "error"):
                    ET.SubElement(case, kind, message=str(err[1])).text = str(err[1])
                elif kind == "skipped":
                    ET.SubElement(case, "skipped")
            import os
            os.makedirs("reports", exist_ok=True)
            ET.ElementTree(root).write("reports/TEST-unittest.xml", encoding="utf-8", xml_declaration=True)
            sys.exit(0 if result.wasSuccessful() else 1)
            """;

    public static final String JUNIT_COMMAND = "python3 run_tests.py";

    private DemoRepositories() {
    }

    /** A bare repo {@code <dir>/<name>.git} with main: textstats/ (word counting), its passing test and run_tests.py. */
    public static Path create(Path dir, String name) throws IOException, GitAPIException {
        Path bare = dir.resolve(name + ".git");
        Path seed = dir.resolve(name + "-seed");
        Files.createDirectories(seed.resolve("textstats"));
        Files.createDirectories(seed.resolve("tests"));
        Files.writeString(seed.resolve("textstats/__init__.py"), """
                def count_words(text):
                    return len(text.split())
                """);
        Files.writeString(seed.resolve("tests/__init__.py"), "");
        Files.writeString(seed.resolve("tests/test_words.py"), """
                import unittest

                from textstats import count_words


                class CountWordsTest(unittest.TestCase):

                    def test_counts_words(self):
                        self.assertEqual(count_words("a b c"), 3)
                """);
        Files.writeString(seed.resolve("run_tests.py"), JUNIT_RUNNER);
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
            git.add().addFilepattern(".").call();
            commit(git, "textstats");
            git.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        return bare;
    }

    /** Pushes {@code branch} = main plus one commit writing {@code files}; returns the new head SHA. */
    public static String pushBranch(Path dir, String name, String branch, Map<String, String> files)
            throws IOException, GitAPIException {
        Path seed = dir.resolve(name + "-seed");
        try (Git git = Git.open(seed.toFile())) {
            git.checkout().setName("main").call();
            git.checkout().setCreateBranch(true).setName(branch).call();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = seed.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            git.add().addFilepattern(".").call();
            RevCommit commit = commit(git, "change on " + branch);
            git.push().setRemote(dir.resolve(name + ".git").toUri().toString()).add(branch).call();
            git.checkout().setName("main").call();
            return commit.getName();
        }
    }

    private static RevCommit commit(Git git, String message) throws GitAPIException {
        PersonIdent who = new PersonIdent("seed", "seed@example.com");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
