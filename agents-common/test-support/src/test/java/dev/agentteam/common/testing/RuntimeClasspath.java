package dev.agentteam.common.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an app has at run time, as opposed to in its tests: the build writes the app's runtime classpath to
 * {@code target/runtime-classpath.txt} (maven-dependency-plugin {@code build-classpath}, root POM). A test boots the
 * app with {@code spring.autoconfigure.exclude=}{@link #autoConfigurationsOutsideRuntime()} so the jars only its tests
 * see (other agents, the worker runtime in the orchestrator's end-to-end tests) add no beans, and then lists the
 * shared modules' beans with {@link #sharedBeanPackages(ApplicationContext)} (docs/adr/agents-common-modules.md).
 */
public final class RuntimeClasspath {

    private static final String IMPORTS = "META-INF/spring/" + AutoConfiguration.class.getName() + ".imports";
    private static final Path FILE = Path.of("target", "runtime-classpath.txt");

    private RuntimeClasspath() {
    }

    /** The auto-configurations on the test classpath that come from no runtime jar of the app, comma-separated. */
    public static String autoConfigurationsOutsideRuntime() {
        Set<String> runtime = runtimeEntries();
        try {
            List<URL> files = Collections.list(RuntimeClasspath.class.getClassLoader().getResources(IMPORTS));
            TreeSet<String> outside = new TreeSet<>();
            for (URL file : files) {
                if (!runtime.contains(origin(file))) {
                    outside.addAll(autoConfigurations(file));
                }
            }
            return String.join(",", outside);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packages of the context's beans that come from the shared modules ({@code dev.agentteam.common.*}). */
    public static SortedSet<String> sharedBeanPackages(ApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(Objects::nonNull)
                .map(type -> type.getPackageName())
                .filter(name -> name.startsWith("dev.agentteam.common."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> runtimeEntries() {
        if (!Files.isReadable(FILE)) {
            throw new IllegalStateException(FILE.toAbsolutePath() + " is missing: build with Maven (the root POM's "
                    + "maven-dependency-plugin writes it at generate-test-resources)");
        }
        try {
            String classpath = Files.readString(FILE, StandardCharsets.UTF_8).strip();
            Set<String> entries = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> key(Path.of(entry).toAbsolutePath().normalize().toString()))
                    .collect(Collectors.toSet());
            entries.add(key(Path.of("target", "classes").toAbsolutePath().normalize().toString()));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or output directory an imports file was read from. */
    private static String origin(URL file) {
        String url = file.toString();
        String location = url.startsWith("jar:") ? url.substring(4, url.indexOf("!/")) : url.substring(0, url.length() - IMPORTS.length());
        return key(Path.of(java.net.URI.create(location)).toAbsolutePath().normalize().toString());
    }

    /** A reactor module is the same whether Maven resolved it to its jar or to its classes directory. */
    private static String key(String path) {
        int target = path.lastIndexOf(java.io.File.separator + "target" + java.io.File.separator);
        return target < 0 ? path : path.substring(0, target);
    }

    private static List<String> autoConfigurations(URL file) throws IOException {
        try (InputStream in = file.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
