package dev.agentteam.common.testreport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test counts from a console log when a repository writes no JUnit XML: Python's unittest ({@code Ran N tests},
 * {@code FAILED (failures=1, errors=2)}, {@code FAIL: test_x (module.Class.test_x)} with its traceback) and pytest
 * ({@code FAILED path::test - message} and the final {@code N failed, M passed} line).
 */
public final class ConsoleLogs {

    private static final Pattern UNITTEST_RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");
    private static final Pattern UNITTEST_SUMMARY = Pattern.compile("(?m)^(?:FAILED|OK)(?: \\(([^)]*)\\))?\\s*$");
    private static final Pattern UNITTEST_HEADER = Pattern.compile("(?m)^(FAIL|ERROR): (\\S+) \\(([^)]+)\\)\\s*$");
    private static final Pattern PYTEST_TOTALS = Pattern.compile("(?m)^=+ (.*\\d+ (?:passed|failed|error|errors|skipped).*) in [\\d.]+s.*=+\\s*$");
    private static final Pattern PYTEST_FAILED = Pattern.compile("(?m)^(FAILED|ERROR) (\\S+)(?: - (.*))?$");
    private static final Pattern COUNT = Pattern.compile("(\\d+) (passed|failed|errors?|skipped|xfailed|xpassed)");
    private static final Pattern KEY_VALUE = Pattern.compile("(failures|errors|skipped|expected failures|unexpected successes)=(\\d+)");

    private ConsoleLogs() {
    }

    /** The report found in {@code log}, or {@link TestReport#NONE} when it holds no recognisable summary. */
    public static TestReport parse(String log) {
        if (log == null) {
            return TestReport.NONE;
        }
        Matcher ran = UNITTEST_RAN.matcher(log);
        if (ran.find()) {
            return unittest(log, Integer.parseInt(ran.group(1)));
        }
        Matcher totals = PYTEST_TOTALS.matcher(log);
        String last = null;
        while (totals.find()) {
            last = totals.group(1);
        }
        return last == null ? TestReport.NONE : pytest(log, last);
    }

    private static TestReport unittest(String log, int tests) {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        Matcher summary = UNITTEST_SUMMARY.matcher(log);
        String counts = null;
        while (summary.find()) {
            counts = summary.group(1);
        }
        if (counts != null) {
            Matcher kv = KEY_VALUE.matcher(counts);
            while (kv.find()) {
                int n = Integer.parseInt(kv.group(2));
                switch (kv.group(1)) {
                    case "failures" -> failures = n;
                    case "errors" -> errors = n;
                    case "skipped" -> skipped = n;
                    default -> { }
                }
            }
        }
        List<TestFailure> failed = new ArrayList<>();
        Matcher header = UNITTEST_HEADER.matcher(log);
        while (header.find()) {
            String method = header.group(2);
            String id = header.group(3);
            String name = id.endsWith("." + method) ? id : id + "." + method;
            failed.add(new TestFailure(name, header.group(1).equals("ERROR"), lastTracebackLine(log, header.end())));
        }
        return new TestReport(tests, failures, errors, skipped, failed, "unittest-log");
    }

    /** The exception line that ends a unittest traceback block (before the next separator line). */
    private static String lastTracebackLine(String log, int from) {
        int end = log.length();
        for (String separator : List.of("\n======", "\n------")) {
            int at = log.indexOf(separator, from + 1);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String[] lines = log.substring(from, end).strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank() && !lines[i].startsWith("-----")) {
                return lines[i].strip();
            }
        }
        return "";
    }

    private static TestReport pytest(String log, String totals) {
        int passed = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        Matcher count = COUNT.matcher(totals);
        while (count.find()) {
            int n = Integer.parseInt(count.group(1));
            switch (count.group(2)) {
                case "passed", "xfailed", "xpassed" -> passed += n;
                case "failed" -> failures += n;
                case "error", "errors" -> errors += n;
                case "skipped" -> skipped += n;
                default -> { }
            }
        }
        List<TestFailure> failed = new ArrayList<>();
        Matcher line = PYTEST_FAILED.matcher(log);
        while (line.find()) {
            failed.add(new TestFailure(line.group(2), line.group(1).equals("ERROR"), line.group(3)));
        }
        return new TestReport(passed + failures + errors + skipped, failures, errors, skipped, failed, "pytest-log");
    }
}
