package dev.agentteam.common.prompt;

import dev.agentteam.common.task.AgentRole;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One versioned prompt: a system-prompt template with {@code {{placeholders}}} and the output it asks for.
 *
 * @param id           {@code <role>_agent_v<N>}, recorded as prompt_version in agent_logs
 * @param outputSchema the JSON schema of the answer, or null for a tool loop
 * @param finalSchema  for tool loops, the schema of the closing answer (may be null)
 */
public record Prompt(String id, AgentRole role, int version, String description, JsonNode outputSchema,
                     JsonNode finalSchema, String template) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*}}");

    public boolean toolLoop() {
        return outputSchema == null;
    }

    /** The placeholders the template needs. */
    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills every placeholder. A placeholder without a value, or a value no placeholder uses, is an error:
     * both mean the caller and the prompt file disagree.
     */
    public String render(Map<String, ?> variables) {
        Set<String> missing = new LinkedHashSet<>(placeholders());
        missing.removeAll(variables.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("prompt " + id + " needs a value for " + missing.stream()
                    .map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")));
        }
        Set<String> unused = new TreeSet<>(variables.keySet());
        unused.removeAll(placeholders());
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("prompt " + id + " has no placeholder for " + unused);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(variables.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "(none)"
                    : items.stream().map(i -> "- " + i).collect(Collectors.joining("\n"));
        }
        return value.toString();
    }
}
