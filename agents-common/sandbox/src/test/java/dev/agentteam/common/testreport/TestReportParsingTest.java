package dev.agentteam.common.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TestReportParsingTest {

    private static final String PYTEST_XML = """
            <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4">
            <testcase classname="tests.test_core" name="test_ok" time="0.001"/>
            <testcase classname="tests.test_core" name="test_words" time="0.002"><failure message="AssertionError: assert 2 == 3">def test_words():
            &gt;   assert 2 == 3</failure></testcase>
            <testcase classname="tests.test_core" name="test_io"><error message="">OSError: disk gone
            more</error></testcase>
            <testcase classname="tests.test_core" name="test_later"><skipped message="not yet"/></testcase>
            </testsuite></testsuites>
            """;

    @Test
    void countsAndNamesFailuresFromJUnitXml() {
        TestReport report = JUnitXmlReports.parse(List.of(PYTEST_XML.strip().getBytes(StandardCharsets.UTF_8),
                "<testsuite><testcase classname=\"a.B\" name=\"c\"/></testsuite>".getBytes(StandardCharsets.UTF_8)));

        assertThat(report.tests()).isEqualTo(5);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).containsExactly(
                new TestFailure("tests.test_core.test_words", false, "AssertionError: assert 2 == 3"),
                new TestFailure("tests.test_core.test_io", true, "OSError: disk gone"));
        assertThat(TestReport.fromMap(report.toMap())).isEqualTo(report);
    }

    @Test
    void refusesDoctypesSoNoEntityCanReadHostFiles() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase name=\"&x;\"/></testsuite>";

        assertThatThrownBy(() -> JUnitXmlReports.parse(List.of(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("root:");
        assertThatThrownBy(() -> JUnitXmlReports.parse(List.of("<html/>".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("<html>");
    }

    @Test
    void readsUnittestConsoleOutput() {
        String log = """
                test_a (tests.test_core.CoreTest.test_a) ... ok
                test_b (tests.test_core.CoreTest.test_b) ... FAIL
                test_c (tests.test_core.CoreTest.test_c) ... ERROR

                ======================================================================
                ERROR: test_c (tests.test_core.CoreTest.test_c)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/tmp/sandbox/work/tests/test_core.py", line 9, in test_c
                    open("/nope")
                FileNotFoundError: [Errno 2] No such file or directory: '/nope'

                ======================================================================
                FAIL: test_b (tests.test_core.CoreTest.test_b)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/tmp/sandbox/work/tests/test_core.py", line 6, in test_b
                    self.assertEqual(1, 2)
                AssertionError: 1 != 2

                ----------------------------------------------------------------------
                Ran 3 tests in 0.002s

                FAILED (failures=1, errors=1)
                """;

        TestReport report = ConsoleLogs.parse(log);

        assertThat(report.source()).isEqualTo("unittest-log");
        assertThat(report.tests()).isEqualTo(3);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.failed()).containsExactly(
                new TestFailure("tests.test_core.CoreTest.test_c", true,
                        "FileNotFoundError: [Errno 2] No such file or directory: '/nope'"),
                new TestFailure("tests.test_core.CoreTest.test_b", false, "AssertionError: 1 != 2"));
    }

    @Test
    void readsPytestConsoleOutputAndNothingFromOtherText() {
        String log = """
                FAILED tests/test_core.py::test_words - assert 2 == 3
                ========= 1 failed, 4 passed, 1 skipped in 0.31s =========
                """;

        TestReport report = ConsoleLogs.parse(log);

        assertThat(report.tests()).isEqualTo(6);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.failed()).containsExactly(new TestFailure("tests/test_core.py::test_words", false, "assert 2 == 3"));
        assertThat(ConsoleLogs.parse("make: *** No rule to make target 'test'.").found()).isFalse();
    }
}
