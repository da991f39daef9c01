package dev.agentteam.common.workspace;

/** The search text of an edit did not occur exactly once. */
public class EditMatchException extends WorkspaceFileException {

    private final int matches;

    public EditMatchException(String path, int matches) {
        super(matches == 0
                ? "search text not found in " + path + " (0 matches); read the file and copy the text exactly"
                : "search text occurs " + matches + " times in " + path
                        + " (" + matches + " matches); include more surrounding lines so it matches exactly once");
        this.matches = matches;
    }

    public int matches() {
        return matches;
    }
}
