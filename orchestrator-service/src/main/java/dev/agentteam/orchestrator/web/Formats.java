package dev.agentteam.orchestrator.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.agentteam.common.task.TextCut;

/** Formatting for the templates ({@code ${@fmt.time(x)}}): times in UTC, money, tokens, JSON. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record ToolCall(String name, String arguments) {
    }

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "—";
        }
        long seconds = Math.max(0, Duration.between(instant, Instant.now()).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value).replace('\u00a0', ',');
    }

    public String cost(BigDecimal usd) {
        BigDecimal value = usd == null ? BigDecimal.ZERO : usd;
        return "$" + value.setScale(value.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP).toPlainString();
    }

    public String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The first line of a text, cut at {@code max} characters, for a one-line summary of a long text. */
    public String preview(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return TextCut.head(line, max);
    }

    /** "1 line", "3 lines". */
    public String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public int lines(String text) {
        return text == null ? 0 : (int) text.lines().count();
    }

    /** Indented JSON for reading; text that is not JSON comes back as it is. */
    public String json(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(raw));
        } catch (JacksonException e) {
            return raw;
        }
    }

    /** Any value (a task's payload or result) as indented JSON. */
    public String toJson(Object value) {
        return value == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** The tool calls recorded in an agent_logs row's metadata ({@code toolCalls: [{name, arguments}]}). */
    public List<ToolCall> toolCalls(String metadataJson) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : tree(metadataJson).path("toolCalls")) {
            calls.add(new ToolCall(call.path("name").asString(""), json(call.path("arguments").asString(""))));
        }
        return calls;
    }

    /** One top-level text field of a metadata object, or empty. */
    public String meta(String metadataJson, String field) {
        JsonNode value = tree(metadataJson).path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString(value.toString());
    }

    public Map<String, Integer> counts(String json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tree(json).properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asInt()));
        return counts;
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }
}
