package dev.agentteam.common.testing;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The default a setting really has: its properties record bound from nothing, so the defaults its compact constructor
 * fills in count too (the configuration processor only sees {@code @DefaultValue}).
 */
final class BoundDefaults {

    private BoundDefaults() {
    }

    /** The value of {@code component} (kebab-case) of {@code type} bound at {@code prefix} from no settings; null if unknown. */
    static String of(String prefix, String type, String component) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            Class<?> record = Class.forName(type, false,
                    BoundDefaults.class.getClassLoader());
            Object bound = new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, Bindable.of(record));
            Method accessor = record.getMethod(camel(component));
            return format(accessor.invoke(bound));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration duration) {
            long millis = duration.toMillis();
            return millis % 3_600_000 == 0 && millis > 0 ? millis / 3_600_000 + "h"
                    : millis % 60_000 == 0 && millis > 0 ? millis / 60_000 + "m"
                    : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof java.nio.file.Path path) {
            String tmp = System.getProperty("java.io.tmpdir").replaceAll("/+$", "");
            return path.toString().startsWith(tmp + "/") ? "<tmp>" + path.toString().substring(tmp.length()) : path.toString();
        }
        if (value instanceof DataSize size) {
            long bytes = size.toBytes();
            for (String unit : new String[] {"GB", "MB", "KB"}) {
                long factor = switch (unit) {
                    case "GB" -> 1L << 30;
                    case "MB" -> 1L << 20;
                    default -> 1L << 10;
                };
                if (bytes >= factor && bytes % factor == 0) {
                    return bytes / factor + unit;
                }
            }
            return bytes + "B";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(BoundDefaults::format).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : map.toString();
        }
        return value.toString();
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
