package dev.agentteam.orchestrator.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the indexer knows by file extension. The first five are split at their declarations; the others
 * are indexed in line windows.
 */
public enum Language {
    JAVA(true, "java"),
    PYTHON(true, "py", "pyi"),
    JAVASCRIPT(true, "js", "jsx", "mjs", "cjs"),
    TYPESCRIPT(true, "ts", "tsx", "mts", "cts"),
    GO(true, "go"),
    KOTLIN(false, "kt", "kts"),
    C(false, "c", "h"),
    CPP(false, "cc", "cpp", "cxx", "hpp", "hh"),
    CSHARP(false, "cs"),
    RUBY(false, "rb"),
    RUST(false, "rs"),
    PHP(false, "php"),
    SCALA(false, "scala"),
    SHELL(false, "sh", "bash"),
    SQL(false, "sql"),
    MARKDOWN(false, "md", "markdown", "rst", "adoc"),
    HTML(false, "html", "htm"),
    CSS(false, "css", "scss"),
    CONFIG(false, "yaml", "yml", "toml", "json", "xml", "properties", "gradle", "ini", "cfg"),
    TEXT(false, "txt");

    private final boolean declarations;
    private final String[] extensions;

    Language(boolean declarations, String... extensions) {
        this.declarations = declarations;
        this.extensions = extensions;
    }

    /** The API and the index name a language in lower case ({@code java}, {@code typescript}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether chunks follow the language's declarations (else line windows). */
    boolean splitsAtDeclarations() {
        return declarations;
    }

    /** The language of a path by its extension; files without a known one are plain text. */
    static Language of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.equals("makefile")) {
            return CONFIG;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return Arrays.stream(values()).filter(l -> Arrays.asList(l.extensions).contains(extension)).findFirst()
                .orElse(TEXT);
    }

    /** The language named by an API filter ({@code java}, case-insensitive). */
    public static Optional<Language> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equalsIgnoreCase(key.strip())).findFirst();
    }
}
