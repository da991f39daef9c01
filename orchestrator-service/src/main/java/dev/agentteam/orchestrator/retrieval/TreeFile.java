package dev.agentteam.orchestrator.retrieval;

/**
 * A file of the tree at the indexed commit.
 *
 * @param blobSha the git blob id: unchanged content keeps it, so the index can skip the file
 * @param kind    regular, symlink or submodule
 */
record TreeFile(String path, String blobSha, Kind kind, long size) {

    enum Kind { REGULAR, SYMLINK, SUBMODULE }
}
