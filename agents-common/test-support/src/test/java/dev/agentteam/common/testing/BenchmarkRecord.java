package dev.agentteam.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of scripts/bench.sh's table: our path against its baseline, measured side by side in the same run.
 * Written as JSON to {@code ${benchmark.out}/<id>.json} (default target/bench), where the script collects it.
 *
 * @param id        file name and row key, e.g. {@code context-total-tokens}
 * @param title     what is compared, for the table
 * @param ours      our path's number
 * @param baseline  the baseline's number, measured in the same run
 * @param unit      unit of both numbers
 * @param target    the target, readable (e.g. {@code ratio <= 0.4})
 * @param met       whether the target is met
 * @param details   further absolute numbers worth printing
 */
public record BenchmarkRecord(String id, String title, double ours, double baseline, String unit, String target,
                              boolean met, Map<String, Object> details) {

    public double ratio() {
        return baseline == 0 ? 0 : ours / baseline;
    }

    public void write() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("title", title);
        json.put("ours", ours);
        json.put("baseline", baseline);
        json.put("ratio", ratio());
        json.put("unit", unit);
        json.put("target", target);
        json.put("met", met);
        json.put("details", details);
        Path dir = Path.of(System.getProperty("benchmark.out", "target/bench"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".json"), JsonMapper.builder().build().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("BENCHMARK " + json);
    }
}
