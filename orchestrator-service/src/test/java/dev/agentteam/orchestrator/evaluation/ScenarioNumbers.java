package dev.agentteam.orchestrator.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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

    /** One scenario: its name, role, the texts that select it, and the tokens each of its replies reports. */
    record Script(String name, String role, boolean isDefault, List<String> contains, List<Step> steps) {

        int calls() {
            return steps.size();
        }

        /** The input tokens of all replies; -1 when a reply leaves them to estimation. */
        long tokensIn() {
            return steps.stream().anyMatch(s -> s.in() < 0) ? -1 : steps.stream().mapToLong(Step::in).sum();
        }

        long tokensOut() {
            return steps.stream().anyMatch(s -> s.out() < 0) ? -1 : steps.stream().mapToLong(Step::out).sum();
        }

        /** The first {@code n} replies only: a conversation that ended early (a question, a spent budget). */
        Script first(int n) {
            return new Script(name, role, isDefault, contains, steps.subList(0, n));
        }

        /** What the replies cost at a price in USD per million input and output tokens. */
        BigDecimal cost(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {
            BigDecimal million = BigDecimal.valueOf(1_000_000);
            return BigDecimal.valueOf(tokensIn()).multiply(inputPerMtok).add(BigDecimal.valueOf(tokensOut()).multiply(outputPerMtok))
                    .divide(million);
        }
    }

    /** One reply's token counts (-1: not scripted, estimated from the prompt). */
    record Step(long in, long out) {
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
                List<Step> steps = new ArrayList<>();
                for (Object response : (List<?>) root.get("responses")) {
                    Map<?, ?> step = (Map<?, ?>) response;
                    steps.add(new Step(count(step.get("inputTokens")), count(step.get("outputTokens"))));
                }
                scripts.add(new Script(String.valueOf(root.get("name")), String.valueOf(root.get("role")),
                        Boolean.TRUE.equals(root.get("default")), contains, List.copyOf(steps)));
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

    /** A scenario by its name (its token totals are -1 where a reply leaves them to estimation). */
    Script named(String name) {
        return scripts.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scenario named " + name));
    }

    Script byDefault(String role) {
        return counted(scripts.stream().filter(s -> s.role().equals(role) && s.isDefault()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default " + role + " scenario")));
    }

    private static long count(Object scripted) {
        return scripted instanceof Number n ? n.longValue() : -1;
    }

    private static Script counted(Script script) {
        if (script.tokensIn() < 0 || script.tokensOut() < 0) {
            throw new IllegalStateException("scenario " + script.name() + " leaves token counts to estimation; "
                    + "give every response inputTokens and outputTokens so a report's numbers can be checked");
        }
        return script;
    }
}
