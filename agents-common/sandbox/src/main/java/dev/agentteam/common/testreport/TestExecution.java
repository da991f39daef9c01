package dev.agentteam.common.testreport;

import java.util.List;

import dev.agentteam.common.sandbox.SandboxResult;

/**
 * One run of a repository's test command in the sandbox: what the process did, the parsed report, and the report
 * files it wrote (relative path and content), to be kept as artifacts.
 */
public record TestExecution(SandboxResult process, TestReport report, List<ReportFile> reportFiles) {

    public TestExecution {
        reportFiles = List.copyOf(reportFiles);
    }

    /** Green: the command exited 0 within its time and no test failed. */
    public boolean green() {
        return process.succeeded() && report.green();
    }

    public record ReportFile(String path, byte[] content) {
    }
}
