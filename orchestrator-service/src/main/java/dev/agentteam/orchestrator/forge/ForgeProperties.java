package dev.agentteam.orchestrator.forge;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded git forge.
 *
 * @param dataDir     where bare repositories live ({@code repos/<name>.git} below it); {@code AGENTTEAM_DATA_DIR}
 * @param tokens      agent tokens ({@code AGENTTEAM_FORGE_TOKENS}, comma-separated): fetch, push feature/* branches,
 *                    use the forge API; never push the default branch, never merge
 * @param adminToken  the merge gate's and the operator's token ({@code AGENTTEAM_FORGE_ADMIN_TOKEN}): may also push
 *                    any branch and merge; unset means nobody can
 * @param owner       the owner part of {@code owner/name} for every embedded repository
 * @param publicUrl   how clients reach this orchestrator (clone URLs); never taken from a request; unset is allowed only
 *                    in local mode (loopback {@code server.address}), where it is {@code http://127.0.0.1:<port>}
 * @param importRoots directories a repository may be imported from ({@code source.type=path}); empty means none (imports off)
 * @param maxPushSize largest pack one push may send
 */
@ConfigurationProperties("agentteam.forge")
public record ForgeProperties(Path dataDir, List<String> tokens, String adminToken, String owner, URI publicUrl,
        List<Path> importRoots, DataSize maxPushSize) {

    public ForgeProperties {
        dataDir = dataDir != null ? dataDir : Path.of("data");
        tokens = tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
        publicUrl = publicUrl == null || publicUrl.toString().isBlank() ? null : publicUrl;
        owner = owner == null || owner.isBlank() ? "agentteam" : owner;
        importRoots = importRoots == null ? List.of() : List.copyOf(importRoots);
        maxPushSize = maxPushSize != null ? maxPushSize : DataSize.ofMegabytes(200);
    }

    public Path reposDir() {
        return dataDir.resolve("repos");
    }

    @Override
    public String toString() {
        return "ForgeProperties[dataDir=" + dataDir + ", tokens=" + tokens.size() + " configured, adminToken="
                + (adminToken == null ? "none" : "***") + ", owner=" + owner + ", publicUrl=" + publicUrl
                + ", importRoots=" + importRoots + ", maxPushSize=" + maxPushSize + "]";
    }
}
