package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordBootstrapTest extends IntegrationTest {

    @Autowired
    AdminPasswordBootstrap bootstrap;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Test
    void aGeneratedAdminPasswordIsLoggedOnceAndOnlyItsHashIsStored(CapturedOutput output) {
        jdbc.update("update users set password_hash = null where id = 1");

        bootstrap.run(new DefaultApplicationArguments());

        Matcher banner = Pattern.compile("username: admin\\s+password: (\\S+)").matcher(output.getOut());
        assertThat(banner.find()).isTrue();
        String password = banner.group(1);
        String hash = jdbc.queryForObject("select password_hash from users where id = 1", String.class);
        assertThat(hash).startsWith("$2").doesNotContain(password);
        assertThat(encoder.matches(password, hash)).isTrue();
        int length = output.getOut().length();

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(output.getOut().substring(length)).doesNotContain(password).doesNotContain("shown ONCE");
        assertThat(jdbc.queryForObject("select password_hash from users where id = 1", String.class)).isEqualTo(hash);
        assertThat(new FormClient(port).login("admin", password).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
    }

    @Test
    void userOneKeepsItsIdAndBecomesTheAdminLogin() {
        jdbc.update("update users set username = null, password_hash = null where id = 1");

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForMap("select username, role, kind from users where id = 1"))
                .containsEntry("username", "admin").containsEntry("role", "admin").containsEntry("kind", "human");
        assertThat(seedUser("next")).isGreaterThan(1);
    }

}
