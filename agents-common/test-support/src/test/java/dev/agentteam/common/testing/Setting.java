package dev.agentteam.common.testing;

/**
 * One row of docs/configuration.md.
 *
 * @param property    the Spring property
 * @param variable    the environment variable that sets it
 * @param defaultValue what applies when the variable is unset ("" when nothing)
 * @param meaning     the description (javadoc {@code @param} of the properties record, or the comment above the line
 *                    of application.properties)
 * @param source      where it is declared, for failure messages
 */
public record Setting(String property, String variable, String defaultValue, String meaning, String source) {

    String row() {
        return "| `" + variable + "` | `" + property + "` | " + (defaultValue.isEmpty() ? "" : "`" + defaultValue + "`")
                + " | " + meaning.replace("|", "\\|").replaceAll("\\s+", " ").strip() + " |";
    }
}
