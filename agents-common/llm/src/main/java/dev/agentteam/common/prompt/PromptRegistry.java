package dev.agentteam.common.prompt;

import dev.agentteam.common.task.AgentRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The versioned prompts shipped under {@code prompts/} on the classpath. The active version of a role is
 * {@code agentteam.prompts.<role>.version}, or the highest version present.
 */
public class PromptRegistry {

    private final List<Prompt> prompts;
    private final Map<String, Integer> activeVersions;

    /** @param activeVersions role key → version; roles not listed use their highest version */
    public PromptRegistry(List<Prompt> prompts, Map<String, Integer> activeVersions) {
        this.prompts = prompts.stream().sorted(Comparator.comparing(Prompt::id)).toList();
        this.activeVersions = Map.copyOf(activeVersions);
        activeVersions.forEach((role, version) -> {
            if (find(AgentRole.fromKey(role), version).isEmpty()) {
                throw new IllegalStateException("agentteam.prompts." + role + ".version=" + version
                        + " but prompts/" + role + "_agent_v" + version + ".md does not exist");
            }
        });
    }

    /** Reads every {@code prompts/*_agent_v*.md} on the classpath. */
    public static List<Prompt> loadClasspath() {
        List<Prompt> loaded = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:prompts/*_agent_v*.md")) {
                try (InputStream in = r.getInputStream()) {
                    loaded.add(PromptFile.parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompts from the classpath: " + e.getMessage(), e);
        }
        return loaded;
    }

    /** The version a role uses now. */
    public Prompt active(AgentRole role) {
        Integer wanted = activeVersions.get(role.key());
        if (wanted != null) {
            return find(role, wanted).orElseThrow();
        }
        return prompts.stream().filter(p -> p.role() == role).max(Comparator.comparingInt(Prompt::version))
                .orElseThrow(() -> new IllegalStateException("no prompt file for role " + role.key()
                        + " (expected prompts/" + role.key() + "_agent_v1.md)"));
    }

    /** A prompt by id, e.g. {@code po_agent_v1}. */
    public Prompt byId(String id) {
        return prompts.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown prompt '" + id + "'"));
    }

    public List<Prompt> all() {
        return prompts;
    }

    private Optional<Prompt> find(AgentRole role, int version) {
        return prompts.stream().filter(p -> p.role() == role && p.version() == version).findFirst();
    }
}
