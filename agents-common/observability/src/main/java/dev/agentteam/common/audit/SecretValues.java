package dev.agentteam.common.audit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Collects the values of settings and environment variables whose names say they are secrets
 * ({@code AGENTTEAM_LLM_API_KEY}, {@code spring.datasource.password}, {@code GITHUB_TOKEN}, ...).
 * Names are matched on their last word only, so {@code key-prefix} style settings are not mistaken for keys; plurals
 * count ({@code AGENTTEAM_FORGE_TOKENS}), and a list value (comma-separated) is hidden item by item as well as whole.
 * Limits such as {@code max-tokens} and values made only of digits are not secrets.
 */
final class SecretValues {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(?<!max_|min_)(api_?keys?|access_?keys?|secret_?keys?|private_?keys?|secrets?|tokens?|passwords?|"
                    + "passwd|pwd|credentials?)$");

    private SecretValues() {
    }

    /** The shell's current and previous working directory: paths, not passwords, though their names end in "pwd". */
    private static final Set<String> WORKING_DIRECTORIES = Set.of("pwd", "oldpwd");

    static boolean isSecretName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return !WORKING_DIRECTORIES.contains(normalized) && SECRET_NAME.matcher(normalized).find();
    }

    /** The value, and each item of a comma-separated list, unless too short to hide or only digits. */
    static void addValue(Set<String> values, String value) {
        for (String part : value.contains(",") ? concat(value, value.split(",")) : new String[] {value}) {
            String item = part.strip();
            if (item.length() >= SecretRedactor.MIN_SECRET_LENGTH && !item.chars().allMatch(Character::isDigit)) {
                values.add(item);
            }
        }
    }

    private static String[] concat(String whole, String[] parts) {
        String[] all = new String[parts.length + 1];
        all[0] = whole;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return all;
    }

    static Set<String> collect(ConfigurableEnvironment environment) {
        Set<String> values = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (isSecretName(name)) {
                        Object value = enumerable.getProperty(name);
                        if (value != null) {
                            addValue(values, environment.resolvePlaceholders(value.toString()).strip());
                        }
                    }
                }
            }
        }
        return values;
    }
}
