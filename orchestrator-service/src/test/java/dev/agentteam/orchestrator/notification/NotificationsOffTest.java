package dev.agentteam.orchestrator.notification;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsOffTest {

    private final NotificationConfiguration configuration = new NotificationConfiguration();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void withoutSettingsNoChannelIsOn() {
        assertThat(configuration.notifications(new NotificationProperties(" ", "", null, null, null), json).enabled()).isFalse();
    }

    @Test
    void telegramNeedsBothTokenAndChat() {
        assertThat(configuration.notifications(new NotificationProperties(null, "123:abc", null, null, null), json)
                .enabled()).isFalse();
        assertThat(configuration.notifications(new NotificationProperties(null, "123:abc", "42", null, null), json)
                .enabled()).isTrue();
    }
}
