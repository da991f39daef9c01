package dev.agentteam.orchestrator.api;

/**
 * Bounds of every paged list of the API: {@code size} at most {@value #MAX_SIZE}, {@code page} at most
 * {@value #MAX_PAGE}, so that {@code page * size} always fits the database's row offset; beyond is a 400.
 */
public final class ApiPaging {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    private ApiPaging() {
    }
}
