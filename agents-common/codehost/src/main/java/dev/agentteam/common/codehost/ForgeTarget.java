package dev.agentteam.common.codehost;

import dev.agentteam.common.task.RepositoryTarget;

/**
 * The repository a task works on, as the orchestrator puts it in the task payload under {@code repository}:
 * {@code forge} (embedded or github), {@code full_name} (owner/name) and {@code clone_url}.
 */
public record ForgeTarget(String forge, String fullName, String cloneUrl) {

    public ForgeTarget {
        forge = forge == null || forge.isBlank() ? RepositoryTarget.DEFAULT_FORGE : forge.strip().toLowerCase(java.util.Locale.ROOT);
        if (!forge.equals("embedded") && !forge.equals("github")) {
            throw new IllegalArgumentException("unknown forge '" + forge + "': expected embedded or github");
        }
        if (fullName == null || cloneUrl == null) {
            throw new IllegalArgumentException("a repository needs full_name and clone_url");
        }
    }

    /** Where a task payload's {@code repository} lives ({@code forge} defaults to embedded). */
    public static ForgeTarget of(RepositoryTarget repository) {
        return new ForgeTarget(repository.forgeOrDefault(), repository.fullName(), repository.cloneUrl());
    }

    public boolean embedded() {
        return forge.equals("embedded");
    }

    public RepositoryRef ref() {
        return RepositoryRef.parse(fullName);
    }
}
