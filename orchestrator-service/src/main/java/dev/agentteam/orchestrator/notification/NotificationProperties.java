package dev.agentteam.orchestrator.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where people are told that something waits for them ({@code agentteam.notify.*}). Each channel is off while
 * its settings are empty. The URL and the token are secrets: from env, never logged.
 *
 * @param slackWebhookUrl  a Slack incoming-webhook URL ({@code AGENTTEAM_NOTIFY_SLACK_WEBHOOK_URL})
 * @param telegramBotToken a Telegram bot token ({@code AGENTTEAM_NOTIFY_TELEGRAM_BOT_TOKEN})
 * @param telegramChatId   the chat the bot writes to ({@code AGENTTEAM_NOTIFY_TELEGRAM_CHAT_ID})
 * @param telegramApiUrl   the Bot API base URL (default https://api.telegram.org)
 * @param timeout          connect and read timeout of one message (default 10s)
 */
@ConfigurationProperties("agentteam.notify")
record NotificationProperties(String slackWebhookUrl, String telegramBotToken, String telegramChatId,
        URI telegramApiUrl, Duration timeout) {

    NotificationProperties {
        slackWebhookUrl = blankToNull(slackWebhookUrl);
        telegramBotToken = blankToNull(telegramBotToken);
        telegramChatId = blankToNull(telegramChatId);
        if (telegramApiUrl == null) {
            telegramApiUrl = URI.create("https://api.telegram.org");
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }

    boolean slack() {
        return slackWebhookUrl != null;
    }

    boolean telegram() {
        return telegramBotToken != null && telegramChatId != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
