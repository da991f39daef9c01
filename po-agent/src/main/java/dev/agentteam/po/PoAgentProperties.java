package dev.agentteam.po;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * Settings of the PO agent ({@code agentteam.po.*}).
 *
 * @param maxStories     the most stories one epic may be refined into; more is sent back to the model once, then fails
 * @param splitThreshold stories estimated above this many points are sent back once to be split; what is still
 *                       above it afterwards is kept and flagged {@code needs_split}
 * @param projectName    the project named in the system prompt
 * @param maxEpicChars   the epic text (title, description, answers) is cut to this length before it reaches the model
 */
@ConfigurationProperties("agentteam.po")
public record PoAgentProperties(
        @DefaultValue("10") int maxStories,
        @DefaultValue("8") int splitThreshold,
        @DefaultValue("our product") String projectName,
        @DefaultValue("20000") int maxEpicChars) {

    /** The story-point scale the team estimates in. */
    static final Set<Integer> ESTIMATES = Set.of(1, 2, 3, 5, 8, 13);

    public PoAgentProperties {
        if (maxStories < 1 || maxStories > 50) {
            throw new IllegalArgumentException("agentteam.po.max-stories must be between 1 and 50, was " + maxStories);
        }
        if (!ESTIMATES.contains(splitThreshold)) {
            throw new IllegalArgumentException("agentteam.po.split-threshold must be one of 1, 2, 3, 5, 8, 13, was "
                    + splitThreshold);
        }
        if (maxEpicChars < 100) {
            throw new IllegalArgumentException("agentteam.po.max-epic-chars must be at least 100, was " + maxEpicChars);
        }
        projectName = projectName == null || projectName.isBlank() ? "our product" : projectName.strip();
    }
}
