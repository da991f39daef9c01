package dev.agentteam.orchestrator.forge;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs clients use: the configured public URL, else the URL the current request came in on (so a test on a
 * random port, or an agent reaching the orchestrator by its service name, gets clone URLs that work for it).
 */
@Component
public class ForgeUrls {

    private final ForgeProperties properties;
    private final Environment environment;

    ForgeUrls(ForgeProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
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

    private String base() {
        if (properties.publicUrl() != null) {
            return properties.publicUrl().toString().replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
