package dev.agentteam.common.codehost;

import java.util.regex.Pattern;

/** A repository on a code host, {@code owner/name}. */
public record RepositoryRef(String owner, String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public RepositoryRef {
        if (owner == null || !PART.matcher(owner).matches() || name == null || !PART.matcher(name).matches()
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid repository '" + owner + "/" + name + "': expected owner/name");
        }
    }

    /** Parses {@code owner/name}. */
    public static RepositoryRef parse(String fullName) {
        int slash = fullName == null ? -1 : fullName.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid repository '" + fullName + "': expected owner/name");
        }
        return new RepositoryRef(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    public String fullName() {
        return owner + "/" + name;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
