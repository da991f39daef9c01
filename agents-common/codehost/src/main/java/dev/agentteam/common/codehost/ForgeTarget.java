package dev.agentteam.common.codehost;

/**
 * The repository a task works on, as the orchestrator puts it in the task payload under {@code repository}:
 * {@code forge} (embedded or github), {@code full_name} (owner/name) and {@code clone_url}.
 */
public record ForgeTarget(String forge, String fullName, String cloneUrl) {

    public ForgeTarget {
        forge = forge == null || forge.isBlank() ? "embedded" : forge.strip().toLowerCase(java.util.Locale.ROOT);
        if (!forge.equals("embedded") && !forge.equals("github")) {
            throw new IllegalArgumentException("unknown forge '" + forge + "': expected embedded or github");
        }
        if (fullName == null || cloneUrl == null) {
            throw new IllegalArgumentException("a repository needs full_name and clone_url");
        }
    }

    public boolean embedded() {
        return forge.equals("embedded");
    }

    public RepositoryRef ref() {
        return RepositoryRef.parse(fullName);
    }
}
