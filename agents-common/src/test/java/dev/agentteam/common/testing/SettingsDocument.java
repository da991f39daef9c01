package dev.agentteam.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * docs/configuration.md, one section per app (and one for the runtime all agents share), each written by that module's
 * SettingsReferenceTest during the build, and the checks that keep the reference and .env.example truthful. Failure
 * messages say exactly what to add, so a setting added on another branch is fixed in one edit.
 */
public final class SettingsDocument {

    private final Path root;

    /** @param root the repository root (the parent of the module directory tests run in) */
    public SettingsDocument(Path root) {
        this.root = root;
    }

    public static SettingsDocument ofRepository() {
        return new SettingsDocument(Path.of("").toAbsolutePath().getParent());
    }

    public Path moduleProperties(String module) {
        return root.resolve(module).resolve("src/main/resources/application.properties");
    }

    /** What is wrong with these settings: a missing description, or a variable .env.example does not mention. */
    public List<String> problems(List<Setting> settings) throws IOException {
        String envExample = Files.readString(root.resolve(".env.example"));
        List<String> problems = new ArrayList<>();
        for (Setting setting : settings) {
            if (setting.meaning().isBlank()) {
                problems.add(setting.property() + " has no description: " + (setting.source().endsWith(".properties")
                        ? "add a comment line saying what it does above it in " + root.relativize(Path.of(setting.source()))
                        : "add @param " + component(setting.property()) + " <what it does> to the javadoc of "
                        + setting.source()));
            }
            // Map settings are listed by an example key (AGENTTEAM_LLM_ROLES_DEV_MODEL for AGENTTEAM_LLM_ROLES).
            if (!Pattern.compile("(?m)^#? ?" + Pattern.quote(setting.variable()) + "[=_]").matcher(envExample).find()) {
                problems.add(".env.example lacks " + setting.variable() + ": add the lines\n    # "
                        + setting.meaning().replaceAll("\\s+", " ").strip() + "\n    # " + setting.variable() + "="
                        + setting.defaultValue());
            }
        }
        return problems;
    }

    /** Replaces (or appends) the section of docs/configuration.md named {@code section}; answers whether it changed. */
    public boolean write(String section, String title, List<Setting> settings) throws IOException {
        Path file = root.resolve("docs/configuration.md");
        String text = Files.exists(file) ? Files.readString(file) : "";
        String begin = "<!-- settings:" + section + " -->";
        String end = "<!-- /settings:" + section + " -->";
        Map<String, Setting> unique = new LinkedHashMap<>();
        settings.stream().sorted(Comparator.comparing(Setting::variable)).forEach(s -> unique.putIfAbsent(s.variable() + s.property(), s));
        StringBuilder body = new StringBuilder(begin).append("\n## ").append(title).append("\n\n")
                .append("| variable | property | default | meaning |\n|---|---|---|---|\n");
        unique.values().forEach(s -> body.append(s.row()).append('\n'));
        body.append(end);
        int from = text.indexOf(begin);
        String updated = from < 0 ? text.stripTrailing() + "\n\n" + body + "\n"
                : text.substring(0, from) + body + text.substring(text.indexOf(end, from) + end.length());
        if (updated.equals(text)) {
            return false;
        }
        Files.writeString(file, updated);
        return true;
    }

    private static String component(String property) {
        String last = property.substring(property.lastIndexOf('.') + 1);
        StringBuilder camel = new StringBuilder();
        for (String part : last.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }
}
