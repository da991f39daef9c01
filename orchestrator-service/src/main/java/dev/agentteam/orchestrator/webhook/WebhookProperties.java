package dev.agentteam.orchestrator.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the GitHub webhook ({@code agentteam.github.*}).
 *
 * @param webhookSecret     the secret configured on the GitHub webhook ({@code AGENTTEAM_GITHUB_WEBHOOK_SECRET});
 *                          without it every delivery is refused, never accepted unsigned
 * @param webhookMaxPayload the largest delivery accepted (default 25MB, GitHub's own cap)
 * @param webhookPollInterval how often stored deliveries not yet processed are looked for (default 5s); new
 *                          deliveries are processed at once, the poll picks up what a restart left behind
 * @param webhookBatchSize  deliveries processed per poll (default 50)
 */
@ConfigurationProperties("agentteam.github")
record WebhookProperties(String webhookSecret, DataSize webhookMaxPayload, Duration webhookPollInterval,
        Integer webhookBatchSize) {

    WebhookProperties {
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        if (webhookMaxPayload == null) {
            webhookMaxPayload = DataSize.ofMegabytes(25);
        }
        if (webhookPollInterval == null) {
            webhookPollInterval = Duration.ofSeconds(5);
        }
        if (webhookBatchSize == null || webhookBatchSize < 1) {
            webhookBatchSize = 50;
        }
    }

    boolean secretConfigured() {
        return webhookSecret != null;
    }
}
