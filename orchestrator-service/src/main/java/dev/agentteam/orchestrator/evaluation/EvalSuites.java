package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.api.ApiProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds a suite by name: {@code bundled} (shipped in the orchestrator), a directory under {@code agentteam.eval.suites-dir}
 * holding one folder per task ({@code task.yaml} + {@code heldout/}), or a SWE-bench-style {@code .jsonl} file there.
 */
@Component
class EvalSuites {

    static final String BUNDLED = "bundled";
    private static final String BUNDLED_ROOT = "eval-suites/bundled/";

    private final EvalProperties properties;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    EvalSuites(EvalProperties properties) {
        this.properties = properties;
    }

    /** The suite's tasks in id order; 404 for an unknown suite, 422 for a malformed one. */
    List<EvalTask> load(String suite) {
        if (suite == null || suite.isBlank() || suite.contains("..") || suite.startsWith("/")) {
            throw ApiProblems.badRequest("suite must be 'bundled' or the name of a suite under " + properties.suitesDir());
        }
        try {
            if (BUNDLED.equals(suite)) {
                return bundled();
            }
            Path path = properties.suitesDir().resolve(suite);
            if (suite.endsWith(".jsonl") && Files.isRegularFile(path)) {
                return SweBenchInstances.read(Files.readAllLines(path));
            }
            if (Files.isDirectory(path)) {
                return directory(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + suite, e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw ApiProblems.unprocessable("suite " + suite + " is malformed: " + e.getMessage());
        }
        throw ApiProblems.notFound("suite", suite);
    }

    /** The suites a run can name: {@code bundled}, then every suite directory and JSONL file under the suites directory. */
    List<String> names() {
        List<String> names = new ArrayList<>(List.of(BUNDLED));
        Path root = properties.suitesDir();
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jsonl"))
                        .map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the suites in " + root, e);
            }
        }
        return names;
    }

    private List<EvalTask> bundled() throws IOException {
        List<EvalTask> tasks = new ArrayList<>();
        for (Resource yaml : resolver.getResources("classpath*:" + BUNDLED_ROOT + "*/task.yaml")) {
            String url = yaml.getURL().toString();
            String base = url.substring(0, url.length() - "/task.yaml".length());
            String id = base.substring(base.lastIndexOf('/') + 1);
            Map<String, byte[]> heldOut = new TreeMap<>();
            String marker = BUNDLED_ROOT + id + "/heldout/";
            for (Resource file : resolver.getResources("classpath*:" + marker + "**")) {
                String fileUrl = file.getURL().toString();
                String relative = fileUrl.substring(fileUrl.lastIndexOf(marker) + marker.length());
                if (file.isReadable() && !relative.isEmpty() && !relative.endsWith("/")) {
                    try (InputStream in = file.getInputStream()) {
                        heldOut.put(relative, in.readAllBytes());
                    }
                }
            }
            try (InputStream in = yaml.getInputStream()) {
                tasks.add(task(id, in, heldOut));
            }
        }
        tasks.sort(Comparator.comparing(EvalTask::id));
        return tasks;
    }

    private static List<EvalTask> directory(Path suite) throws IOException {
        List<EvalTask> tasks = new ArrayList<>();
        try (var dirs = Files.list(suite)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("task.yaml"))).sorted().toList()) {
                Map<String, byte[]> heldOut = new TreeMap<>();
                Path root = dir.resolve("heldout");
                if (Files.isDirectory(root)) {
                    try (var files = Files.walk(root)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            heldOut.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                        }
                    }
                }
                try (InputStream in = Files.newInputStream(dir.resolve("task.yaml"))) {
                    tasks.add(task(dir.getFileName().toString(), in, heldOut));
                }
            }
        }
        return tasks;
    }

    static EvalTask task(String id, InputStream yaml, Map<String, byte[]> heldOut) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("task " + id + ": task.yaml must be a mapping");
        }
        Map<?, ?> repo = map.get("repository") instanceof Map<?, ?> r ? r : Map.of();
        EvalTask.Source source = new EvalTask.Source(text(repo, "template"), text(repo, "path"), text(repo, "git"),
                text(repo, "base_commit"));
        if (source.template() == null && source.path() == null && (source.gitUrl() == null || source.baseCommit() == null)) {
            throw new IllegalArgumentException("task " + id + ": repository needs template, path, or git and base_commit");
        }
        String title = text(map, "title");
        if (title == null) {
            throw new IllegalArgumentException("task " + id + ": title is required");
        }
        if (heldOut.isEmpty() && text(map, "test_patch") == null) {
            throw new IllegalArgumentException("task " + id + ": no held-out tests (heldout/ is empty)");
        }
        List<String> criteria = map.get("acceptance_criteria") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new EvalTask(id, title, String.valueOf(map.get("statement") == null ? "" : map.get("statement")).strip(),
                criteria, text(map, "difficulty"), source, text(map, "test_command"), Map.copyOf(heldOut),
                text(map, "test_patch"));
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
