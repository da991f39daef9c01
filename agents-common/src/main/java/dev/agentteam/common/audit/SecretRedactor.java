package dev.agentteam.common.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code [REDACTED:<kind>]} before text reaches agent_logs or the application log:
 * first the exact values of configured secrets (8 characters or more), then well-known token shapes.
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
                    SecretRedactor::looksRandom));

    private final List<String> secrets;

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
