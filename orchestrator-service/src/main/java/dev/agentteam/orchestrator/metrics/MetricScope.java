package dev.agentteam.orchestrator.metrics;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the metrics cover: everything, or the stories of one sprint. Sections add {@link #STORY_FILTER} to their
 * SQL with the story-id column they filter on, and bind {@link #parameters()}.
 */
record MetricScope(Long sprintId) {

    /** Use with {@code String.formatted(column)}: true for every story when unscoped, else the sprint's stories. */
    static final String STORY_FILTER = "(cast(:sprintId as bigint) is null or %s in "
            + "(select story_id from sprint_stories where sprint_id = cast(:sprintId as bigint)))";

    static String storyFilter(String column) {
        return STORY_FILTER.formatted(column);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource("sprintId", sprintId);
    }
}
