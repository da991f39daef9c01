package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.BootstrapAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Gives user 1 (the first admin) its login: the password from {@code AGENTTEAM_ADMIN_PASSWORD} (or the Docker
 * secret {@code agentteam.security.admin-password}), or else a generated one, written to a file only its owner can
 * read ({@code agentteam.security.initial-password-file}); the log names the file, never the password (logs are
 * shipped and kept). Only the bcrypt hash is stored, and the password is set only while user 1 has none.
 */
@Component
class AdminPasswordBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BootstrapAdmin admin;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;

    AdminPasswordBootstrap(BootstrapAdmin admin, PasswordEncoder encoder, SecurityProperties properties) {
        this.admin = admin;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.adminPassword();
        boolean generate = configured == null || configured.isBlank();
        String[] generated = new String[1];
        BootstrapAdmin.PasswordOutcome outcome = admin.ensure(properties.adminUsername(), () -> {
            generated[0] = generate ? generatePassword() : configured;
            return encoder.encode(generated[0]);
        });
        if (outcome == BootstrapAdmin.PasswordOutcome.ALREADY_SET) {
            if (!generate) {
                log.info("User 1 already has a password; AGENTTEAM_ADMIN_PASSWORD is used only for the first start");
            }
            return;
        }
        if (generate) {
            Path file = writeOwnerOnly(properties.initialPasswordFile(), generated[0]);
            log.warn("""

                    ==========================================================================
                      agent-team first start: administrator account created
                        username: {}
                        password: in {} (readable by this user only)
                      Sign in at /login, keep the password safe and delete the file
                      (or set AGENTTEAM_ADMIN_PASSWORD before the first start).
                    ==========================================================================""",
                    properties.adminUsername(), file);
        } else {
            log.info("User 1 ('{}') was given the password from the configuration", properties.adminUsername());
        }
    }

    private static Path writeOwnerOnly(Path file, String password) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(absolute);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(absolute);
            }
            Files.writeString(absolute, password + "\n");
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first administrator password to " + file
                    + "; set AGENTTEAM_ADMIN_PASSWORD instead", e);
        }
    }

    private static String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
