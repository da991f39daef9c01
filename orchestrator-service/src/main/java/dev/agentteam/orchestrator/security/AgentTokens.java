package dev.agentteam.orchestrator.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The agents' orchestrator tokens (one per role, {@link AgentTokenProperties}). Such a token authenticates as the
 * agent of its role, with the single authority {@code ROLE_AGENT} (no viewer, approver or admin rights), which
 * {@code AccessRules} lets call nothing but the task credential endpoint. Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, every configured token each time, so timing tells nothing about them.
 */
@Component
@EnableConfigurationProperties(AgentTokenProperties.class)
public class AgentTokens {

    private static final String ROLE_PREFIX = "AGENT_ROLE_";

    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    AgentTokens(AgentTokenProperties properties) {
        properties.tokens().forEach((role, token) -> digests.put(role, digest(token)));
    }

    /** The authentication of an agent's token, or empty when it is no configured agent token. */
    Optional<Authentication> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        byte[] presented = digest(token);
        String role = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                role = entry.getKey();
            }
        }
        if (role == null) {
            return Optional.empty();
        }
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_AGENT"),
                new SimpleGrantedAuthority(ROLE_PREFIX + role));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated("agent:" + role, null, authorities));
    }

    /** The role key ({@code dev}) of an agent's authentication, or empty for anyone else. */
    public static Optional<String> agentRole(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length())).findFirst();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
