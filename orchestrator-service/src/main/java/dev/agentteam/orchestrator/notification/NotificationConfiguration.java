package dev.agentteam.orchestrator.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

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
        RestClient rest = ChannelHttp.restClient(properties.timeout());
        List<NotificationChannel> channels = new ArrayList<>();
        if (properties.slack()) {
            channels.add(new SlackChannel(rest, properties.slackWebhookUrl(), json));
        }
        if (properties.telegram()) {
            channels.add(new TelegramChannel(rest, properties.telegramApiUrl(), properties.telegramBotToken(),
                    properties.telegramChatId(), json));
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
