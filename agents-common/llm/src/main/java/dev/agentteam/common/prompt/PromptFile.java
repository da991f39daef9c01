package dev.agentteam.common.prompt;

import dev.agentteam.common.task.AgentRole;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses {@code <role>_agent_v<N>.md}: YAML front matter between {@code ---} lines, then the template. */
final class PromptFile {

    private static final Pattern NAME = Pattern.compile("([a-z]+)_agent_v(\\d+)\\.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromptFile() {
    }

    static Prompt parse(String fileName, String content) {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            throw new PromptFormatException(fileName, "name must be <role>_agent_v<N>.md");
        }
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new PromptFormatException(fileName, "must start with a '---' line opening the front matter");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new PromptFormatException(fileName, "front matter is not closed by a '---' line");
        }
        Map<?, ?> front;
        try {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new PromptFormatException(fileName, "front matter must be a YAML mapping");
            }
            front = map;
        } catch (YAMLException e) {
            throw new PromptFormatException(fileName, "front matter is not valid YAML: " + e.getMessage());
        }
        AgentRole role;
        try {
            role = AgentRole.fromKey(String.valueOf(required(front, "role", fileName)));
        } catch (IllegalArgumentException e) {
            throw new PromptFormatException(fileName, e.getMessage());
        }
        if (!role.key().equals(name.group(1))) {
            throw new PromptFormatException(fileName, "role '" + role.key() + "' does not match the file name");
        }
        if (!(required(front, "version", fileName) instanceof Integer version) || version != Integer.parseInt(name.group(2))) {
            throw new PromptFormatException(fileName, "version must be the integer " + name.group(2) + " from the file name");
        }
        String description = String.valueOf(required(front, "description", fileName));
        Object output = required(front, "output", fileName);
        JsonNode outputSchema = null;
        if (output instanceof Map<?, ?> schema) {
            outputSchema = JSON.valueToTree(schema);
        } else if (!"tools".equals(output)) {
            throw new PromptFormatException(fileName, "output must be a JSON schema (mapping) or \"tools\"");
        }
        JsonNode finalSchema = front.get("final") instanceof Map<?, ?> f ? JSON.valueToTree(f) : null;
        String template = text.substring(end + 5).strip();
        if (template.isEmpty()) {
            throw new PromptFormatException(fileName, "the prompt body is empty");
        }
        return new Prompt(role.key() + "_agent_v" + version, role, version, description, outputSchema, finalSchema, template);
    }

    private static Object required(Map<?, ?> front, String key, String file) {
        Object value = front.get(key);
        if (value == null) {
            throw new PromptFormatException(file, "front matter is missing '" + key + "'");
        }
        return value;
    }
}
