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
 * Names are matched on their last word only, so {@code key-prefix} style settings are not mistaken for keys.
 */
final class SecretValues {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(api_?key|access_?key|secret_?key|private_?key|secret|token|password|passwd|pwd|credentials?)$");

    private SecretValues() {
    }

    static boolean isSecretName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return SECRET_NAME.matcher(normalized).find();
    }

    static Set<String> collect(ConfigurableEnvironment environment) {
        Set<String> values = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (isSecretName(name)) {
                        Object value = enumerable.getProperty(name);
                        if (value != null && value.toString().strip().length() >= SecretRedactor.MIN_SECRET_LENGTH) {
                            values.add(environment.resolvePlaceholders(value.toString()).strip());
                        }
                    }
                }
            }
        }
        return values;
    }
}
