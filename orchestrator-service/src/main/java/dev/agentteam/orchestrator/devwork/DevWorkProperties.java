package dev.agentteam.orchestrator.devwork;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handing READY stories to the Dev agent ({@code agentteam.delivery.*}).
 *
 * @param autoDispatch      dispatch {@code dev.implement_story} by itself for READY stories whose dependencies are
 *                          DONE ({@code AGENTTEAM_DELIVERY_AUTO_DISPATCH}); false leaves it to people
 * @param defaultRepository the repository used when a story's epic names none (and it exists)
 * @param sweepInterval     how often READY stories are looked at again (dependencies done, repository created)
 * @param wipLimit          at most this many stories IN_PROGRESS with the Dev agent at once, in either sprint mode
 *                          ({@code AGENTTEAM_DELIVERY_WIP_LIMIT}); a person's "start work" goes past it
 */
@ConfigurationProperties("agentteam.delivery")
public record DevWorkProperties(
        @DefaultValue("true") boolean autoDispatch,
        @DefaultValue("demo") String defaultRepository,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("2") int wipLimit) {
}
