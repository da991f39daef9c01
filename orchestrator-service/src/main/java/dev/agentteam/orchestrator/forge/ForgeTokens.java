package dev.agentteam.orchestrator.forge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks forge tokens. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither the
 * content nor the length of a configured token leaks through timing; every configured token is compared.
 */
@Component
public class ForgeTokens {

    private static final Logger log = LoggerFactory.getLogger(ForgeTokens.class);

    private final List<byte[]> agentDigests;
    private final byte[] adminDigest;

    ForgeTokens(ForgeProperties properties) {
        this.agentDigests = properties.tokens().stream().map(ForgeTokens::digest).toList();
        this.adminDigest = properties.adminToken() == null ? null : digest(properties.adminToken());
        if (agentDigests.isEmpty()) {
            log.warn("No forge tokens configured (AGENTTEAM_FORGE_TOKENS): agents cannot clone, push or open pull requests "
                    + "on the embedded forge");
        }
    }

    /**
     * The caller of an {@code Authorization} header: HTTP Basic with the token as password (any user name, as git
     * clients send it) or {@code Bearer <token>}.
     */
    public Optional<ForgeCaller> authenticate(String authorization) {
        String token = token(authorization);
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(token);
        boolean admin = adminDigest != null && MessageDigest.isEqual(adminDigest, presented);
        boolean agent = false;
        for (byte[] candidate : agentDigests) {
            agent |= MessageDigest.isEqual(candidate, presented);
        }
        return admin ? Optional.of(ForgeCaller.ADMIN) : agent ? Optional.of(ForgeCaller.AGENT) : Optional.empty();
    }

    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
