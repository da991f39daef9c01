package dev.agentteam.common.llm;

import dev.agentteam.common.task.AgentRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scripted model's scenarios, read once from {@code *.yaml}, {@code *.yml} and {@code *.json} files under a
 * resource location. Selection: the matching scenario with the lowest priority, else the role's default.
 */
public final class ScenarioLibrary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Scenario> scenarios;

    ScenarioLibrary(List<Scenario> scenarios) {
        this.scenarios = scenarios.stream().sorted(Comparator.comparingInt(Scenario::priority)).toList();
    }

    public static ScenarioLibrary load(String location) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        String base = location.endsWith("/") ? location : location + "/";
        if (base.startsWith("classpath:")) {
            base = "classpath*:" + base.substring("classpath:".length());
        }
        List<Scenario> loaded = new ArrayList<>();
        try {
            for (String ext : List.of("yaml", "yml", "json")) {
                for (Resource resource : resolver.getResources(base + "*." + ext)) {
                    loaded.add(parse(resource));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scripted scenarios from " + location + ": " + e.getMessage(), e);
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no scenario files (*.yaml, *.yml, *.json) under " + location
                    + "; check agentteam.llm.scripted.scenarios");
        }
        return new ScenarioLibrary(loaded);
    }

    Scenario select(AgentRole role, String taskText) {
        Scenario fallback = null;
        for (Scenario s : scenarios) {
            if (s.role() != role) {
                continue;
            }
            if (s.matches(taskText)) {
                return s;
            }
            if (s.isDefault() && fallback == null) {
                fallback = s;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no scripted scenario for role " + role.key()
                    + " matches the task and none is marked default: true");
        }
        return fallback;
    }

    List<Scenario> all() {
        return scenarios;
    }

    private static Scenario parse(Resource resource) throws IOException {
        String file = resource.getFilename();
        Map<String, Object> root;
        try (InputStream in = resource.getInputStream()) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new IllegalStateException("scenario " + file + " must be a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            root = typed;
        }
        String name = String.valueOf(root.getOrDefault("name", file));
        AgentRole role = AgentRole.fromKey(required(root, "role", file).toString());
        Map<?, ?> match = root.get("match") instanceof Map<?, ?> m ? m : Map.of();
        List<String> contains = match.get("contains") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        Integer shorterThan = match.get("shorterThan") instanceof Number n ? n.intValue() : null;
        int priority = root.get("priority") instanceof Number n ? n.intValue() : 100;
        List<Scenario.Step> steps = new ArrayList<>();
        if (!(required(root, "responses", file) instanceof List<?> responses) || responses.isEmpty()) {
            throw new IllegalStateException("scenario " + file + ": responses must be a non-empty list");
        }
        for (Object item : responses) {
            if (!(item instanceof Map<?, ?> response)) {
                throw new IllegalStateException("scenario " + file + ": each response must be a mapping");
            }
            steps.add(step(response, file));
        }
        return new Scenario(name, role, Boolean.TRUE.equals(root.get("default")), contains, shorterThan, priority, steps);
    }

    private static Scenario.Step step(Map<?, ?> item, String file) {
        Object text = item.get("text");
        List<Scenario.ToolCall> calls = new ArrayList<>();
        if (item.get("toolCalls") instanceof List<?> list) {
            for (Object c : list) {
                Map<?, ?> call = (Map<?, ?>) c;
                Object args = call.get("arguments");
                String json = args instanceof String s ? s : JSON.writeValueAsString(args == null ? Map.of() : args);
                calls.add(new Scenario.ToolCall(String.valueOf(required(call, "name", file)), json));
            }
        }
        Scenario.Failure failure = null;
        if (item.get("fail") instanceof Map<?, ?> fail) {
            int status = fail.get("status") instanceof Number n ? n.intValue() : 500;
            int times = fail.get("times") instanceof Number n ? n.intValue() : 1;
            failure = new Scenario.Failure(status, times, fail.get("retryAfter") == null ? null : String.valueOf(fail.get("retryAfter")));
        }
        if (text == null && calls.isEmpty()) {
            if (failure == null) {
                throw new IllegalStateException("scenario " + file + ": each response needs text, toolCalls or fail");
            }
            text = "";
        }
        String body = text == null ? null : text.toString();
        long in = item.get("inputTokens") instanceof Number n ? n.longValue() : 0;
        long out = item.get("outputTokens") instanceof Number n ? n.longValue() : (body == null ? 20 : body.length() / 4);
        return new Scenario.Step(body, List.copyOf(calls), in, out, failure);
    }

    private static Object required(Map<?, ?> map, String key, String file) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("scenario " + file + ": missing '" + key + "'");
        }
        return value;
    }
}
