package dev.agentteam.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelHttpTest {

    @Test
    void anUnreachableChatServiceIsNamedWithoutItsSecretUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI secret = URI.create("http://127.0.0.1:" + closedPort + "/services/T000/B000/secret-part");

        assertThatThrownBy(() -> ChannelHttp.postJson(ChannelHttp.restClient(Duration.ofSeconds(5)), secret, "{}", "Slack (test)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Slack (test) could not be reached (")
                .hasMessageNotContaining("secret-part");
    }
}
