package dev.agentteam.common.llm;

/** Lets tests in other packages read the shipped scenarios' answers. */
public final class ScenarioLibraryAccess {

    private static final ScenarioLibrary LIBRARY = ScenarioLibrary.load("classpath:prompts/scenarios");

    private ScenarioLibraryAccess() {
    }

    public static String firstText(String scenario) {
        return find(scenario).responses().get(0).text();
    }

    public static String lastText(String scenario) {
        var responses = find(scenario).responses();
        return responses.get(responses.size() - 1).text();
    }

    private static Scenario find(String name) {
        return LIBRARY.all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + name));
    }
}
