package dev.agentteam.orchestrator.coderepository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.agentteam.common.task.QualityCommands;

/**
 * Repository templates shipped as classpath resources: {@code forge-templates/<name>/**} holds the files,
 * {@code forge-templates/<name>.properties} the template's settings ({@code test-command}). A path segment
 * {@code dot-x} becomes {@code .x}: Maven's jar packaging leaves out files such as {@code .gitignore}.
 */
@Component
class RepositoryTemplates {

    private static final String ROOT = "forge-templates/";

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Resource resource : resources(ROOT + "*.properties")) {
            String file = resource.getFilename();
            if (file != null) {
                names.add(file.substring(0, file.length() - ".properties".length()));
            }
        }
        return names;
    }

    String testCommand(String template) {
        return settings(template).getProperty("test-command", "");
    }

    /** The template's quality checks: {@code lint-command}, {@code coverage-command}, {@code coverage-threshold},
     * {@code security-command}, {@code required-checks} (comma-separated), each optional. */
    QualityCommands quality(String template) {
        Properties settings = settings(template);
        String threshold = settings.getProperty("coverage-threshold", "").strip();
        String required = settings.getProperty("required-checks", "").strip();
        return new QualityCommands(settings.getProperty("lint-command"), settings.getProperty("coverage-command"),
                threshold.isEmpty() ? null : Double.valueOf(threshold), settings.getProperty("security-command"),
                required.isEmpty() ? List.of() : List.of(required.split("\\s*,\\s*")));
    }

    private Properties settings(String template) {
        Properties settings = new Properties();
        try (InputStream in = resolver.getResource("classpath:" + ROOT + template + ".properties").getInputStream()) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + template + " has no settings", e);
        }
        return settings;
    }

    /** The template's files by path relative to the template root, in path order. */
    Map<String, byte[]> files(String template) {
        String marker = ROOT + template + "/";
        Map<String, byte[]> files = new TreeMap<>();
        for (Resource resource : resources(marker + "**")) {
            try {
                if (!resource.isReadable() || resource.getFilename() == null || resource.getFilename().isEmpty()) {
                    continue;
                }
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(marker);
                String path = url.substring(at + marker.length());
                if (!path.isEmpty() && !path.endsWith("/")) {
                    try (InputStream in = resource.getInputStream()) {
                        files.put(path.replaceAll("(^|/)dot-", "$1."), in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + template, e);
            }
        }
        return files;
    }

    private Resource[] resources(String pattern) {
        try {
            return resolver.getResources("classpath*:" + pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
