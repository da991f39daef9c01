package dev.agentteam.dev;

/**
 * The LangChain4j AI service of the Dev agent: one call runs the whole tool loop (the model calls
 * {@link DevTools} until it answers with text), backed by the task's {@code ModelSession}.
 */
interface Developer {

    /** @param story the story and any answers, as the user message; returns the model's closing text */
    String implement(String story);
}
