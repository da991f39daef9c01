package dev.agentteam.common.testreport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import dev.agentteam.common.sandbox.CollectFiles;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxResult;

/**
 * Runs a test command in the {@link Sandbox}, brings the JUnit XML reports it wrote out of the sandbox, and reads
 * them (or, when there are none, the console log) into a {@link TestReport}.
 */
public class TestCommandRunner {

    /** Where JUnit, Surefire, Gradle and pytest reports usually land. */
    public static final List<String> DEFAULT_REPORT_GLOBS = List.of("TEST-*.xml", "**/TEST-*.xml", "*junit*.xml",
            "**/*junit*.xml", "**/test-results/**/*.xml", "**/surefire-reports/*.xml", "**/failsafe-reports/*.xml");

    private static final Logger log = LoggerFactory.getLogger(TestCommandRunner.class);

    private final Sandbox sandbox;
    private final List<String> reportGlobs;
    private final long maxReportBytes;

    public TestCommandRunner(Sandbox sandbox, List<String> reportGlobs, long maxReportBytes) {
        this.sandbox = sandbox;
        this.reportGlobs = reportGlobs == null || reportGlobs.isEmpty() ? DEFAULT_REPORT_GLOBS : List.copyOf(reportGlobs);
        this.maxReportBytes = maxReportBytes;
    }

    /** Runs {@code command} with {@code /bin/sh -c} on a copy of {@code workspace}. */
    public TestExecution run(Path workspace, String command, Duration timeout) {
        Path reports;
        try {
            reports = Files.createTempDirectory("test-reports-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for test reports", e);
        }
        try {
            SandboxResult result = sandbox.run(workspace, List.of("/bin/sh", "-c", command), timeout,
                    new CollectFiles(reportGlobs, reports, 500, maxReportBytes));
            List<TestExecution.ReportFile> files = read(reports);
            return new TestExecution(result, report(files, result.output()), files);
        } finally {
            try {
                FileSystemUtils.deleteRecursively(reports);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", reports, e.getMessage());
            }
        }
    }

    private static TestReport report(List<TestExecution.ReportFile> files, String output) {
        List<byte[]> valid = new ArrayList<>();
        for (TestExecution.ReportFile file : files) {
            try {
                JUnitXmlReports.parse(List.of(file.content()));
                valid.add(file.content());
            } catch (IllegalArgumentException e) {
                log.info("Ignoring {}: {}", file.path(), e.getMessage());
            }
        }
        return valid.isEmpty() ? ConsoleLogs.parse(output) : JUnitXmlReports.parse(valid);
    }

    private static List<TestExecution.ReportFile> read(Path reports) {
        List<TestExecution.ReportFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(reports)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                files.add(new TestExecution.ReportFile(reports.relativize(file).toString(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the collected test reports", e);
        }
        return files;
    }
}
