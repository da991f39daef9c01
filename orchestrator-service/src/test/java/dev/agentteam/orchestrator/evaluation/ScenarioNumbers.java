package dev.agentteam.orchestrator.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the shipped scripted scenarios ({@code prompts/scenarios}) spend, read from the files themselves: the model
 * calls and the token counts they script. The expected numbers of an evaluation report come from here, so a changed
 * scenario changes the expectation with it.
 */
final class ScenarioNumbers {

    /** One scenario: its name, role, the texts that select it, and what its replies add up to. */
    record Script(String name, String role, boolean isDefault, List<String> contains, int calls, long tokensIn,
                  long tokensOut) {
    }

    private final List<Script> scripts;

    private ScenarioNumbers(List<Script> scripts) {
        this.scripts = scripts;
    }

    static ScenarioNumbers shipped() throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:prompts/scenarios/*.yaml")) {
            try (InputStream in = file.getInputStream()) {
                Map<?, ?> root = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                Map<?, ?> match = root.get("match") instanceof Map<?, ?> m ? m : Map.of();
                List<String> contains = match.get("contains") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
                long tokensIn = 0;
                long out = 0;
                List<?> responses = (List<?>) root.get("responses");
                for (Object response : responses) {
                    Map<?, ?> step = (Map<?, ?>) response;
                    // a step without counts has them estimated from the prompt: such a scenario has no fixed total
                    boolean counted = step.get("inputTokens") instanceof Number && step.get("outputTokens") instanceof Number;
                    tokensIn = tokensIn < 0 || !counted ? -1 : tokensIn + ((Number) step.get("inputTokens")).longValue();
                    out = out < 0 || !counted ? -1 : out + ((Number) step.get("outputTokens")).longValue();
                }
                scripts.add(new Script(String.valueOf(root.get("name")), String.valueOf(root.get("role")),
                        Boolean.TRUE.equals(root.get("default")), contains, responses.size(), tokensIn, out));
            }
        }
        return new ScenarioNumbers(scripts);
    }

    /**
     * The Dev scenario the scripted model picks for a task: the one whose {@code contains} the story's title or
     * statement holds, else the default one. (The bundled evaluation scenarios match on the title.)
     */
    Script dev(EvalTask task) {
        String text = (task.title() + "\n" + task.statement()).toLowerCase(Locale.ROOT);
        return counted(scripts.stream().filter(s -> s.role().equals("dev") && s.name().startsWith("eval-"))
                .filter(s -> s.contains().stream().anyMatch(c -> text.contains(c.toLowerCase(Locale.ROOT))))
                .findFirst().orElseGet(() -> byDefault("dev")));
    }

    Script byDefault(String role) {
        return counted(scripts.stream().filter(s -> s.role().equals(role) && s.isDefault()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default " + role + " scenario")));
    }

    private static Script counted(Script script) {
        if (script.tokensIn() < 0 || script.tokensOut() < 0) {
            throw new IllegalStateException("scenario " + script.name() + " leaves token counts to estimation; "
                    + "give every response inputTokens and outputTokens so a report's numbers can be checked");
        }
        return script;
    }
}
