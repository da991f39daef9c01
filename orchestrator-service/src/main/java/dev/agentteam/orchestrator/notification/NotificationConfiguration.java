package dev.agentteam.orchestrator.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    Notifications notifications(NotificationProperties properties, JsonMapper json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<NotificationChannel> channels = new ArrayList<>();
        if (properties.slack()) {
            channels.add(new SlackChannel(client, properties.slackWebhookUrl(), properties.timeout(), json));
        }
        if (properties.telegram()) {
            channels.add(new TelegramChannel(client, properties.telegramApiUrl(), properties.telegramBotToken(),
                    properties.telegramChatId(), properties.timeout(), json));
        }
        log.info("Notifications: {}", channels.isEmpty() ? "off (no Slack webhook URL, no Telegram bot token and chat id)"
                : channels.stream().map(NotificationChannel::name).toList());
        // Bounded: a slow chat service fills the queue and further messages are dropped (and logged), never
        // piling up memory or blocking the flow that triggered them.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200),
                runnable -> {
                    Thread thread = new Thread(runnable, "notifications");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        return new Notifications(channels, executor);
    }
}
