package dev.agentteam.scrum;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Scrum agent ({@code agentteam.scrum.*}). The model, budget and prompt version are the gateway's
 * settings ({@code agentteam.llm.*}, {@code agentteam.prompts.scrum.version}).
 *
 * @param projectName     how the prompt names the product ({@code AGENTTEAM_SCRUM_PROJECT_NAME}, default "the product")
 * @param maxListedStories at most this many stories are listed per section of a brief; the rest are counted only,
 *                         so a large backlog cannot blow the token budget ({@code AGENTTEAM_SCRUM_MAX_LISTED_STORIES}, 40)
 * @param maxTitleLength  story titles, sprint names and goals are cut to this many characters (default 160)
 */
@ConfigurationProperties("agentteam.scrum")
public record ScrumAgentProperties(
        @DefaultValue("the product") String projectName,
        @DefaultValue("40") int maxListedStories,
        @DefaultValue("160") int maxTitleLength) {

    public ScrumAgentProperties {
        projectName = projectName == null || projectName.isBlank() ? "the product" : projectName.strip();
        if (maxListedStories < 1) {
            throw new IllegalArgumentException("agentteam.scrum.max-listed-stories must be at least 1, was " + maxListedStories);
        }
        if (maxTitleLength < 20) {
            throw new IllegalArgumentException("agentteam.scrum.max-title-length must be at least 20, was " + maxTitleLength);
        }
    }
}
