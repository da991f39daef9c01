package dev.agentteam.common.artifact;

import java.util.regex.Pattern;

import org.springframework.util.MimeType;

/**
 * The keys both stores accept: 1 to 512 characters of letters, digits, {@code . _ - /}, segments separated by
 * single slashes, no segment starting with a dot (so no {@code .} or {@code ..}, and none of the directory
 * store's temporary names). The same key is then a safe relative path for the directory
 * store and an unambiguous object name for S3.
 */
public final class ArtifactKey {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private ArtifactKey() {
    }

    /** Returns {@code key} when it is valid, otherwise an {@link IllegalArgumentException} saying why. */
    public static String check(String key) {
        if (key == null || key.isEmpty() || key.length() > 512) {
            throw new IllegalArgumentException("an artifact key has 1 to 512 characters, got "
                    + (key == null ? "none" : key.length()));
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid artifact key '" + key
                        + "': segments of letters, digits, '.', '_' or '-' separated by single '/', none starting with '.'");
            }
        }
        return key;
    }

    /** A prefix for {@link ArtifactStore#list}: empty, or a key that may end with a slash. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        return prefix;
    }

    /** {@code tasks/<id>/attempt-<n>/<path>}: where a task attempt's artifacts go; {@code path} segments are cleaned. */
    public static String forTask(long taskId, int attempt, String path) {
        StringBuilder key = new StringBuilder("tasks/").append(taskId).append("/attempt-").append(attempt);
        for (String part : path.replace('\\', '/').split("/")) {
            if (!part.isEmpty()) {
                key.append('/').append(segment(part));
            }
        }
        return check(key.toString());
    }

    /** Replaces everything a key segment may not hold, so any file name can become part of a key. */
    public static String segment(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        if (cleaned.isEmpty()) {
            return "_";
        }
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }

    /**
     * The content type in one canonical spelling ({@code text/plain;charset=utf-8}), as S3 servers hand it back;
     * blank means {@code application/octet-stream}. An unparseable type is an {@link IllegalArgumentException}.
     */
    public static String contentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        return MimeType.valueOf(contentType.strip()).toString();
    }
}
