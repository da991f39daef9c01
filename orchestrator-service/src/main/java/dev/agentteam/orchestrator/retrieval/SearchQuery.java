package dev.agentteam.orchestrator.retrieval;

/**
 * A search over one repository's index, already checked.
 *
 * @param pathPrefix only chunks of files below this path ("" for all)
 * @param language   only chunks of this language, or null
 */
public record SearchQuery(String text, int k, String pathPrefix, Language language, SearchMode mode) {
}
