package dev.agentteam.orchestrator.forge;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The URLs clients use, built from configuration only — never from a request (a {@code Host} header chosen by a
 * caller would otherwise decide where agents send their forge tokens). {@code AGENTTEAM_FORGE_PUBLIC_URL} is that
 * base; without it the orchestrator must be in local mode (listening on loopback only), and the base is
 * {@code http://127.0.0.1:<port>}. Any other address without a public URL stops the start-up.
 */
@Component
public class ForgeUrls {

    private final ForgeProperties properties;
    private final Environment environment;

    ForgeUrls(ForgeProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        requireLocalModeOrPublicUrl(properties, environment.getProperty("server.address"));
    }

    public String cloneUrl(String repository) {
        return base() + "/git/" + repository + ".git";
    }

    public String pullRequestUrl(long id) {
        return base() + "/api/pull-requests/" + id;
    }

    public String repositoryUrl(long id) {
        return base() + "/api/repositories/" + id;
    }

    static void requireLocalModeOrPublicUrl(ForgeProperties properties, String serverAddress) {
        if (properties.publicUrl() == null && !isLoopback(serverAddress)) {
            throw new IllegalStateException("AGENTTEAM_FORGE_PUBLIC_URL is not set and the server listens on "
                    + (serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress)
                    + ". Set AGENTTEAM_FORGE_PUBLIC_URL to the URL agents reach this orchestrator at (for example "
                    + "http://orchestrator:8080), or listen on loopback only (SERVER_ADDRESS=127.0.0.1, local mode).");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String base() {
        if (properties.publicUrl() != null) {
            return properties.publicUrl().toString().replaceAll("/+$", "");
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
