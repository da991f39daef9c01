package dev.agentteam.orchestrator.metrics;

import dev.agentteam.orchestrator.api.ApiProblems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The team's metrics, over everything or over one sprint's stories, assembled from every {@link MetricSection}. */
@Service
public class SprintMetrics {

    private final List<MetricSection> sections;
    private final JdbcTemplate jdbc;

    // Reads sprints by SQL, like every section: the sprint feature uses these metrics (retro), not the other way round.
    SprintMetrics(List<MetricSection> sections, JdbcTemplate jdbc) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(MetricSection::order)).toList();
        this.jdbc = jdbc;
    }

    /** One consistent snapshot: all sections read in the same repeatable-read transaction. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Map<String, Object> report(Long sprintId) {
        if (sprintId != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from sprints where id = ?)", Boolean.class, sprintId))) {
            throw ApiProblems.notFound("sprint", sprintId);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sprint_id", sprintId);
        report.put("generated_at", Instant.now());
        MetricScope scope = new MetricScope(sprintId);
        sections.forEach(section -> report.put(section.name(), section.compute(scope)));
        return report;
    }
}
