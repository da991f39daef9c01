package dev.agentteam.orchestrator.metrics;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.sprint.SprintPlanning;
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
    private final SprintPlanning sprints;

    SprintMetrics(List<MetricSection> sections, SprintPlanning sprints) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(MetricSection::order)).toList();
        this.sprints = sprints;
    }

    /** One consistent snapshot: all sections read in the same repeatable-read transaction. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Map<String, Object> report(Long sprintId) {
        if (sprintId != null && sprints.find(sprintId).isEmpty()) {
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
