package dev.agentteam.common.testreport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One test that did not pass.
 *
 * @param name    {@code <class or module>.<test>}, the same spelling from XML reports and from logs
 * @param error   true for an error (the test broke), false for a failed assertion
 * @param message the first line or so of the failure, capped at 1000 characters
 */
public record TestFailure(String name, boolean error, String message) {

    static final int MAX_MESSAGE = 1000;

    public TestFailure {
        message = message == null ? "" : message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("kind", error ? "error" : "failure");
        map.put("message", message);
        return map;
    }

    static TestFailure fromMap(Map<?, ?> map) {
        return new TestFailure(String.valueOf(map.get("name")), "error".equals(map.get("kind")),
                map.get("message") == null ? "" : map.get("message").toString());
    }
}
