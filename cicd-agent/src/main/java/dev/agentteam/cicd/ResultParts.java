package dev.agentteam.cicd;

import java.util.List;

import dev.agentteam.common.artifact.ArtifactRef;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.testreport.TestReport;

/** The parts the CI/CD results share, as their protocol records: the test counts and the stored artifacts. */
final class ResultParts {

    private ResultParts() {
    }

    static QualityResult.TestOutcome outcome(TestReport report) {
        return QualityResult.TestOutcome.of(report.tests(), report.failures(), report.errors(), report.skipped(),
                report.source(), report.failed().stream()
                        .map(f -> QualityResult.FailedTest.of(f.name(), f.error(), f.message())).toList());
    }

    static List<QualityResult.Artifact> artifacts(List<ArtifactRef> stored) {
        return stored.stream().map(a -> new QualityResult.Artifact(a.kind(), a.name(), a.key(), a.contentType(),
                a.sizeBytes())).toList();
    }
}
