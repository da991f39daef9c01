package dev.agentteam.common.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code [REDACTED:<kind>]} before text reaches agent_logs or the application log:
 * first the exact values of configured secrets (8 characters or more), then the same values base64-encoded (at any
 * alignment, so also inside a longer encoding such as a Basic auth header), then the same values split up by
 * whitespace, quotes, {@code +} or commas ({@code "ghp_ab" + "cd…"}, one character per line), then well-known token
 * shapes.
 * Token shapes must also look random (letters and digits, enough distinct characters, no placeholder
 * words) so documentation placeholders such as {@code ghp_your_token_here} or {@code sk-xxxx} stay readable.
 */
public final class SecretRedactor {

    static final int MIN_SECRET_LENGTH = 8;
    private static final List<String> PLACEHOLDER_WORDS = List.of("example", "your", "xxxx", "placeholder", "redacted",
            "dummy", "changeme", "token_here");

    private record Rule(String kind, Pattern pattern, int group, Predicate<String> accept) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private-key", Pattern.compile(
                    "-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----"), 0, s -> true),
            new Rule("github-pat", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{60,255}\\b"), 0, SecretRedactor::looksRandom),
            new Rule("github-token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"), 0, SecretRedactor::looksRandom),
            new Rule("anthropic-key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_\\-]{32,}"), 0, SecretRedactor::looksRandom),
            new Rule("openai-key", Pattern.compile("\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}"), 0,
                    SecretRedactor::looksRandom),
            new Rule("aws-access-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0, SecretRedactor::looksRandom),
            new Rule("slack-token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9\\-]{10,}"), 0, SecretRedactor::looksRandom),
            new Rule("bearer-token", Pattern.compile("(?i)\\bBearer\\s+([A-Za-z0-9\\-._~+/]{16,}=*)"), 1,
                    SecretRedactor::looksRandom),
            new Rule("basic-auth", Pattern.compile("(?i)\\bBasic\\s+([A-Za-z0-9+/]{8,}={0,2})"), 1,
                    SecretRedactor::isBasicCredentials));

    private static final String SEPARATORS = " \t\r\n\"'`+,;|\\";

    private final List<String> secrets;
    private final List<String> encoded;
    private final List<Pattern> split;

    /** @param secretValues exact values to hide wherever they appear; blanks and values under 8 characters are ignored */
    public SecretRedactor(Collection<String> secretValues) {
        List<String> kept = new ArrayList<>();
        for (String value : secretValues) {
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH && !kept.contains(value.strip())) {
                kept.add(value.strip());
            }
        }
        // longest first, so a secret that contains another is replaced whole
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(kept);
        Set<String> encodings = new LinkedHashSet<>();
        kept.forEach(secret -> encodings.addAll(base64Encodings(secret)));
        List<String> sortedEncodings = new ArrayList<>(encodings);
        sortedEncodings.sort(Comparator.comparingInt(String::length).reversed());
        this.encoded = List.copyOf(sortedEncodings);
        this.split = kept.stream().map(SecretRedactor::splitPattern).toList();
    }

    /** A redactor that knows only the token shapes. */
    public static SecretRedactor patternsOnly() {
        return new SecretRedactor(List.of());
    }

    /** How many exact secret values this redactor hides (the values themselves are never exposed). */
    public int configuredSecretCount() {
        return secrets.size();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "[REDACTED:configured-secret]");
        }
        for (String encoding : encoded) {
            result = result.replace(encoding, "[REDACTED:configured-secret-base64]");
        }
        for (Pattern pieces : split) {
            result = pieces.matcher(result).replaceAll("[REDACTED:configured-secret]");
        }
        for (Rule rule : RULES) {
            result = apply(rule, result);
        }
        return result;
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String candidate = m.group(rule.group());
            if (!rule.accept().test(candidate)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start(rule.group())).append("[REDACTED:").append(rule.kind()).append(']');
            last = m.end(rule.group());
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * The parts of the base64 encodings (standard and URL alphabet) fixed by the secret alone, for each of the three
     * alignments it can have inside a longer encoded text, plus its whole standalone encodings.
     */
    static Set<String> base64Encodings(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> encodings = new LinkedHashSet<>();
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            String whole = encoder.encodeToString(bytes);
            encodings.add(whole);
            encodings.add(whole.replace("=", ""));
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String text = encoder.encodeToString(shifted);
                // The first group mixes in bytes before the secret (unless aligned); a trailing partial group mixes
                // in the bytes after it. Everything between depends on the secret alone.
                int start = shift == 0 ? 0 : 4;
                int end = shifted.length / 3 * 4;
                if (end - start >= MIN_SECRET_LENGTH) {
                    encodings.add(text.substring(start, end));
                }
            }
        }
        return encodings;
    }

    /** The secret with any run of whitespace, quotes, {@code +}, commas, semicolons or pipes between its characters. */
    private static Pattern splitPattern(String secret) {
        StringBuilder separators = new StringBuilder();
        for (char c : SEPARATORS.toCharArray()) {
            if (secret.indexOf(c) < 0) {
                // Every separator is escaped as a hex code inside the character class.
                separators.append(String.format("\\x{%x}", (int) c));
            }
        }
        // A literal backslash-n (an escaped newline in JSON or a string literal) counts as a separator too.
        String gap = separators.isEmpty() ? "" : "(?:\\\\n|[" + separators + "])*+";
        StringBuilder regex = new StringBuilder();
        secret.codePoints().forEach(codePoint -> {
            if (!regex.isEmpty()) {
                regex.append(gap);
            }
            regex.append(Pattern.quote(new String(Character.toChars(codePoint))));
        });
        return Pattern.compile(regex.toString());
    }

    /** {@code Basic} credentials: base64 of {@code user:password}. */
    static boolean isBasicCredentials(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Real tokens mix letters and digits and repeat few characters; placeholders do not. */
    static boolean looksRandom(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return false;
            }
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return digit && letter && token.chars().distinct().count() >= 10;
    }
}
