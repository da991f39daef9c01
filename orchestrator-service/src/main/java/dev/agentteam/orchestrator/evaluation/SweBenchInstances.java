package dev.agentteam.orchestrator.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SWE-bench-style instances, one JSON object a line: {@code instance_id}, {@code repo} ({@code owner/name} on GitHub),
 * {@code base_commit}, {@code problem_statement}, {@code test_patch}, {@code FAIL_TO_PASS} and {@code PASS_TO_PASS}
 * (JSON arrays, or strings holding one as SWE-bench ships them). The judge applies the test patch and runs both test
 * lists with {@code test_command} when the line has one, else {@code python -m pytest <tests>}.
 */
final class SweBenchInstances {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SweBenchInstances() {
    }

    static List<EvalTask> read(List<String> lines) {
        List<EvalTask> tasks = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getOriginalMessage());
            }
            String id = required(node, "instance_id", number);
            String repo = required(node, "repo", number);
            List<String> tests = new ArrayList<>(testList(node.path("FAIL_TO_PASS")));
            tests.addAll(testList(node.path("PASS_TO_PASS")));
            String command = node.hasNonNull("test_command") ? node.get("test_command").asString()
                    : "python -m pytest " + String.join(" ", tests.stream().map(SweBenchInstances::quoted).toList());
            String statement = required(node, "problem_statement", number);
            String title = statement.lines().findFirst().orElse(id).strip();
            tasks.add(new EvalTask(id, title.length() > 150 ? title.substring(0, 150) : title, statement,
                    List.of("the failing tests " + testList(node.path("FAIL_TO_PASS")) + " pass",
                            "the tests that passed before still pass"),
                    "swe-bench", new EvalTask.Source(null, null, "https://github.com/" + repo + ".git",
                    required(node, "base_commit", number)), command, Map.of(), required(node, "test_patch", number)));
        }
        return tasks;
    }

    private static List<String> testList(JsonNode value) {
        JsonNode list = value;
        if (value.isString()) {
            list = JSON.readTree(value.asString());
        }
        List<String> tests = new ArrayList<>();
        list.forEach(test -> tests.add(test.asString()));
        return tests;
    }

    private static String quoted(String test) {
        return "'" + test.replace("'", "'\\''") + "'";
    }

    private static String required(JsonNode node, String field, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("line " + line + " has no " + field);
        }
        return value.asString();
    }
}
