package dev.agentteam.common.testreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one test run, from JUnit XML reports (JUnit, Surefire, Gradle, pytest's {@code --junitxml}) or,
 * without reports, from the console log of unittest or pytest.
 *
 * @param tests    test cases run (passed, failed, errored and skipped)
 * @param failures tests whose assertion failed
 * @param errors   tests that broke with an unexpected error
 * @param skipped  tests not run
 * @param failed   each failing or erroring test with its message
 * @param source   where the numbers came from: {@code junit-xml}, {@code unittest-log}, {@code pytest-log} or {@code none}
 */
public record TestReport(int tests, int failures, int errors, int skipped, List<TestFailure> failed, String source) {

    public static final TestReport NONE = new TestReport(0, 0, 0, 0, List.of(), "none");

    public TestReport {
        failed = List.copyOf(failed);
    }

    public int passed() {
        return Math.max(0, tests - failures - errors - skipped);
    }

    public boolean green() {
        return failures == 0 && errors == 0;
    }

    /** Whether any test result was found at all. */
    public boolean found() {
        return !"none".equals(source);
    }

    /** The counts and failures as plain values for a task result. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tests", tests);
        map.put("passed", passed());
        map.put("failures", failures);
        map.put("errors", errors);
        map.put("skipped", skipped);
        map.put("source", source);
        List<Map<String, Object>> list = new ArrayList<>();
        failed.forEach(f -> list.add(f.toMap()));
        map.put("failed", list);
        return map;
    }

    /** Reads what {@link #toMap()} wrote (e.g. from a task payload); missing numbers are 0. */
    public static TestReport fromMap(Map<?, ?> map) {
        if (map == null) {
            return NONE;
        }
        List<TestFailure> failed = new ArrayList<>();
        if (map.get("failed") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> f) {
                    failed.add(TestFailure.fromMap(f));
                }
            }
        }
        return new TestReport(number(map.get("tests")), number(map.get("failures")), number(map.get("errors")),
                number(map.get("skipped")), failed, map.get("source") == null ? "none" : map.get("source").toString());
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
