package dev.agentteam.common.workspace;

import java.util.List;

/** Workspace-relative file paths ({@code /}-separated), sorted; {@code truncated} when the cap was reached. */
public record FileListing(List<String> files, boolean truncated) {

    public FileListing {
        files = List.copyOf(files);
    }
}
