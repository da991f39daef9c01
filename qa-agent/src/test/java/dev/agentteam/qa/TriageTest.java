package dev.agentteam.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.agentteam.common.sandbox.SandboxResult;
import dev.agentteam.common.testreport.TestExecution;
import dev.agentteam.common.testreport.TestFailure;
import dev.agentteam.common.testreport.TestReport;

/** The classification rules on their own (the handler test runs them on real reruns). */
class TriageTest {

    private static TestReport report(int tests, TestFailure... failed) {
        return new TestReport(tests, failed.length, 0, 0, List.of(failed), "junit-xml");
    }

    private static TestExecution rerun(int exit, boolean timedOut, String output, TestReport report) {
        return new TestExecution(new SandboxResult(exit, timedOut, output, false, Duration.ofSeconds(3)), report, List.of());
    }

    @Test
    void failingAgainWithAnEnvironmentMessageIsInfrastructureNotARegression() {
        TestFailure network = new TestFailure("t.Api.fetch", true, "ConnectionRefusedError: [Errno 111] Connection refused");
        TestFailure oom = new TestFailure("t.Big.load", true, "MemoryError");
        TestFailure plain = new TestFailure("t.Cart.total", false, "assert 9 == 10");

        Triage triage = Triage.of(report(5, network, oom, plain), false, "",
                rerun(1, false, "", report(5, network, oom, plain)));

        assertThat(triage.items()).extracting(Triage.Item::name, Triage.Item::classification).containsExactly(
                org.assertj.core.groups.Tuple.tuple("t.Api.fetch", Classification.INFRASTRUCTURE),
                org.assertj.core.groups.Tuple.tuple("t.Big.load", Classification.INFRASTRUCTURE),
                org.assertj.core.groups.Tuple.tuple("t.Cart.total", Classification.REGRESSION));
        assertThat(triage.of(Classification.INFRASTRUCTURE).get(0).reason()).isEqualTo("network unavailable, on both runs");
        assertThat(triage.verdict()).isEqualTo(Classification.REGRESSION);
    }

    @Test
    void aRerunThatProducesNoResultsProvesNothingAboutTheTest() {
        TestFailure failure = new TestFailure("t.A.b", false, "assert False");

        Triage triage = Triage.of(report(3, failure), false, "", rerun(127, false, "sh: 1: python3: not found", TestReport.NONE));

        assertThat(triage.items()).singleElement().satisfies(item -> {
            assertThat(item.classification()).isEqualTo(Classification.INFRASTRUCTURE);
            assertThat(item.reason()).startsWith("the rerun produced no test results");
        });
    }

    @Test
    void aRedRunWithoutFailingTestsIsReadFromTheLog() {
        TestExecution green = rerun(0, false, "OK", report(3));

        assertThat(Triage.of(TestReport.NONE, false, "bash: mvn: command not found", rerun(127, false, "", TestReport.NONE))
                .items().get(0).reason()).isEqualTo("missing tool");
        assertThat(Triage.of(TestReport.NONE, false, "exit 1", green).verdict()).isEqualTo(Classification.FLAKY);
        assertThat(Triage.of(TestReport.NONE, false, "SyntaxError: invalid syntax", rerun(1, false, "SyntaxError", TestReport.NONE))
                .verdict()).isEqualTo(Classification.REGRESSION);
    }
}
