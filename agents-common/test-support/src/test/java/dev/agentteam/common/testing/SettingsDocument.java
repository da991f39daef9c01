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

    /** Settings docker-stack.yml sets from Docker secrets (configtree files), never from the environment. */
    private static final List<String> STACK_SECRETS = List.of("AGENTTEAM_ADMIN_PASSWORD", "AGENTTEAM_FORGE_TOKEN",
            "AGENTTEAM_FORGE_TOKENS", "AGENTTEAM_FORGE_ADMIN_TOKEN", "AGENTTEAM_EMBEDDED_FORGE_TOKEN", "AGENTTEAM_LLM_API_KEY",
            "AGENTTEAM_AGENT_TOKEN", "AGENTTEAM_EMBEDDED_FORGE_AGENT_TOKEN", "AGENTTEAM_AGENT_TOKEN_DEV", "AGENTTEAM_AGENT_TOKEN_QA",
            "AGENTTEAM_AGENT_TOKEN_REVIEW", "AGENTTEAM_AGENT_TOKEN_CICD",
            "AGENTTEAM_GITHUB_TOKEN", "AGENTTEAM_GITHUB_WEBHOOK_SECRET", "AGENTTEAM_ARTIFACTS_SECRET_KEY");

    private final Path root;

    /** @param root the repository root (see {@link RepositoryRoot}) */
    public SettingsDocument(Path root) {
        this.root = root;
    }

    public static SettingsDocument ofRepository() {
        return new SettingsDocument(RepositoryRoot.find());
    }

    /**
     * For an app module's SettingsReferenceTest: writes the module's section and answers what is wrong with its
     * settings (nothing, when they tell the truth).
     */
    public static List<String> documentApp(String module, String packagePrefix, String title) throws IOException {
        SettingsDocument document = ofRepository();
        List<Setting> settings = SettingsReference.forApp(packagePrefix, document.moduleProperties(module));
        if (settings.isEmpty()) {
            return List.of(module + " reads no settings: is spring-boot-configuration-processor running?");
        }
        document.write(module, title, settings);
        return document.problems(settings);
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
        boolean changed = !updated.equals(text);
        if (changed) {
            Files.writeString(file, updated);
        }
        writeStackPassThrough(updated);
        return changed;
    }

    /**
     * infra/stack-settings.env: every variable of the reference, without values, which docker-stack.yml gives each app
     * as env_file, so whatever the deploying shell sets reaches the apps (and nothing else does). Left out: what the
     * stack must fix itself (ports, data directory, each app's role).
     */
    private void writeStackPassThrough(String reference) throws IOException {
        java.util.SortedSet<String> variables = new java.util.TreeSet<>();
        var row = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\|").matcher(reference);
        while (row.find()) {
            variables.add(row.group(1));
        }
        variables.removeAll(List.of("SERVER_PORT", "AGENTTEAM_DATA_DIR", "AGENTTEAM_WORKER_ROLE"));
        variables.removeAll(STACK_SECRETS);
        String text = "# Generated with docs/configuration.md by SettingsReferenceTest: do not edit. Each variable set in the shell\n"
                + "# that runs docker stack deploy (scripts/deploy.sh) reaches every app; unset ones are left out. The settings\n"
                + "# the stack takes from Docker secrets are not here, so a stray variable can neither override nor expose them.\n"
                + String.join("\n", variables) + "\n";
        Path env = root.resolve("infra/stack-settings.env");
        if (!Files.exists(env) || !Files.readString(env).equals(text)) {
            Files.writeString(env, text);
        }
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
