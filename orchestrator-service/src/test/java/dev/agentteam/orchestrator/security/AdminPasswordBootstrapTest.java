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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordBootstrapTest extends IntegrationTest {

    @Autowired
    AdminPasswordBootstrap bootstrap;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Autowired
    SecurityProperties properties;

    /** Issue 13: the first-start password went to the log, which is shipped and kept; now only a private file has it. */
    @Test
    void aGeneratedAdminPasswordGoesToAnOwnerOnlyFileNeverTheLog(CapturedOutput output) throws Exception {
        jdbc.update("update users set password_hash = null where id = 1");

        bootstrap.run(new DefaultApplicationArguments());

        Path file = properties.initialPasswordFile().toAbsolutePath();
        String password = Files.readString(file).strip();
        assertThat(password).hasSize(20);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output.getAll()).contains("password: in " + file).doesNotContain(password);
        String hash = jdbc.queryForObject("select password_hash from users where id = 1", String.class);
        assertThat(hash).startsWith("$2").doesNotContain(password);
        assertThat(encoder.matches(password, hash)).isTrue();
        int length = output.getAll().length();

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(output.getAll().substring(length)).doesNotContain(password).doesNotContain("first start");
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
