package dev.agentteam.orchestrator.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.TaskPayloads;

/**
 * A repository as other features and API clients see it.
 *
 * @param fullName  {@code owner/name} on its forge (the embedded forge's owner for embedded repositories)
 * @param cloneUrl  HTTPS (or HTTP) clone URL; embedded ones need a forge token as the Basic password
 * @param quality   the Definition-of-Done checks (lint, coverage, security) and which the merge gate requires
 */
public record RepositoryView(long id, String name, ForgeType forge, String fullName, String cloneUrl,
        String defaultBranch, String testCommand, Instant createdAt, @JsonUnwrapped QualityCommands quality) {

    /**
     * What an agent's task payload carries under {@code repository} so the agent can pick its code host
     * ({@code CodeHosts} in agents-common) and clone: id, name, forge, full_name, clone_url, default_branch,
     * test_command and the quality commands (lint_command, coverage_command, coverage_threshold, security_command,
     * required_checks; absent ones left out).
     */
    public Map<String, Object> taskPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("name", name);
        payload.put("forge", forge.value());
        payload.put("full_name", fullName);
        payload.put("clone_url", cloneUrl);
        payload.put("default_branch", defaultBranch);
        payload.put("test_command", testCommand);
        payload.putAll(TaskPayloads.toMap(quality));
        return payload;
    }
}
