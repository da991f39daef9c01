package dev.agentteam.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings one app reads, from the configuration metadata Spring Boot's configuration processor generates for the
 * {@code @ConfigurationProperties} records ({@code agentteam.*}) and from the {@code ${VARIABLE:default}} lines of the
 * app's application.properties. {@link SettingsDocument} turns them into docs/configuration.md.
 */
public final class SettingsReference {

    private static final Pattern PLACEHOLDER = Pattern.compile("^([a-z0-9.\\-\\[\\]]+)=.*?\\$\\{([A-Z][A-Z0-9_]*):?([^}]*)}.*$");
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private SettingsReference() {
    }

    /** The {@code agentteam.*} properties of the records whose class is in {@code packagePrefix}, by relaxed variable. */
    public static List<Setting> fromMetadata(String packagePrefix) throws IOException {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<URL> files = Collections.list(SettingsReference.class.getClassLoader().getResources(METADATA));
        for (URL url : files) {
            JsonNode root;
            try (InputStream in = url.openStream()) {
                root = JsonMapper.builder().build().readTree(in);
            }
            Map<String, String> groups = new LinkedHashMap<>();
            for (JsonNode group : root.path("groups")) {
                groups.put(group.path("name").asString(), group.path("type").asString());
            }
            for (JsonNode property : root.path("properties")) {
                String name = property.path("name").asString();
                String type = property.path("sourceType").asString("");
                if (!name.startsWith("agentteam.") || !type.startsWith(packagePrefix)) {
                    continue;
                }
                JsonNode fallback = property.path("defaultValue");
                String defaultValue = fallback.isMissingNode() || fallback.isNull() ? "" : fallback.isArray()
                        ? String.join(",", fallback.valueStream().map(JsonNode::asString).toList()) : fallback.asString();
                String group = name.substring(0, name.lastIndexOf('.'));
                String bound = BoundDefaults.of(group, groups.get(group), name.substring(group.length() + 1));
                settings.put(name, new Setting(name, variable(name), bound != null ? bound : defaultValue,
                        plain(property.path("description").asString("")), type));
            }
        }
        return List.copyOf(settings.values());
    }

    /**
     * The settings of one app: its own records' properties (classes under {@code packagePrefix}) and the placeholder lines
     * of its application.properties, a line winning over the record property it sets (its variable and default are the
     * ones that apply).
     */
    public static List<Setting> forApp(String packagePrefix, Path applicationProperties) throws IOException {
        List<Setting> lines = fromProperties(applicationProperties, fromMetadata("dev.agentteam."));
        List<Setting> settings = new ArrayList<>(lines);
        for (Setting own : fromMetadata(packagePrefix)) {
            if (lines.stream().noneMatch(line -> line.property().equals(own.property()))) {
                settings.add(own);
            }
        }
        return settings;
    }

    /** Every {@code property=${VARIABLE:default}} line of an application.properties, described by the comment above it. */
    public static List<Setting> fromProperties(Path applicationProperties, List<Setting> described) throws IOException {
        List<Setting> settings = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(applicationProperties)) {
            String text = line.strip();
            if (text.startsWith("#")) {
                comment.add(text.substring(1).strip());
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            if (m.matches()) {
                String meaning = described.stream().filter(s -> s.property().equals(m.group(1)))
                        .map(Setting::meaning).filter(d -> !d.isBlank()).findFirst().orElse(String.join(" ", comment));
                settings.add(new Setting(m.group(1), m.group(2), m.group(3), meaning, applicationProperties.toString()));
            }
            if (text.isEmpty()) {
                comment.clear();
            }
        }
        return settings;
    }

    /** Javadoc markup as plain text: {@code x} becomes x. */
    static String plain(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|link|literal) ([^}]*)}", "$1");
    }

    /**
     * Spring Boot's relaxed binding: agentteam.forge.public-url is set by AGENTTEAM_FORGE_PUBLIC_URL (the form with the
     * dash as an underscore, which Boot also binds and this project uses throughout).
     */
    public static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "");
    }
}
