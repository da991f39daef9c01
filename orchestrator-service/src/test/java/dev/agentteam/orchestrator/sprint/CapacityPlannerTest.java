package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.sprint.SprintPlan.PlannedStory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityPlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void mostUrgentFirstThenOldestWhileTheEstimatesFit() {
        StoryView newer = story(1, 1, 5, 10);
        StoryView older = story(2, 1, 5, 0);
        StoryView urgentButBig = story(3, 2, 8, 0);
        StoryView small = story(4, 3, 3, 0);
        StoryView lowest = story(5, 5, 1, 0);

        SprintPlan plan = CapacityPlanner.plan(14, List.of(lowest, small, urgentButBig, newer, older), List.of(), Map.of());

        // 2 (5) → 9 left; 1 (5) → 4 left; 3 needs 8 → skipped; 4 (3) → 1 left; 5 (1) → 0 left
        assertThat(plan.selectedIds()).containsExactly(2L, 1L, 4L, 5L);
        assertThat(plan.selectedPoints()).isEqualTo(14);
        assertThat(reason(plan.skipped(), 3)).isEqualTo("does not fit: needs 8 points, only 4 of 14 points left");
        assertThat(reason(plan.selected(), 2)).isEqualTo("priority 1, 5 points; 9 of 14 points left after it");
    }

    @Test
    void aStoryBringsTheChainOfStoriesItDependsOnFirst() {
        StoryView top = story(1, 1, 3, 0, 2L);
        StoryView middle = story(2, 4, 2, 0, 3L);
        StoryView base = story(3, 5, 1, 0);
        StoryView other = story(4, 2, 5, 0);

        SprintPlan plan = CapacityPlanner.plan(11, List.of(other, base, middle, top), List.of(), Map.of());

        assertThat(plan.selectedIds()).containsExactly(3L, 2L, 1L, 4L);
        assertThat(reason(plan.selected(), 3)).isEqualTo("pulled in first: story 1 (priority 1) depends on it");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void aChainThatDoesNotFitAsAWholeIsSkippedWithItsPoints() {
        StoryView top = story(1, 1, 5, 0, 2L);
        StoryView base = story(2, 4, 5, 0);
        StoryView alone = story(3, 2, 3, 0);

        SprintPlan plan = CapacityPlanner.plan(8, List.of(top, base, alone), List.of(), Map.of());

        // top needs 10 with base; alone (3) fits; base (5) then fits on its own turn
        assertThat(plan.selectedIds()).containsExactly(3L, 2L);
        assertThat(reason(plan.skipped(), 1))
                .isEqualTo("does not fit: needs 10 points (5 plus 5 for the stories it depends on, 2), only 8 of 8 points left");
    }

    @Test
    void dependenciesThatAreNeitherDoneNorPlannableKeepAStoryOut() {
        StoryView inProgress = new StoryView(10, 1, "Payments API", "", List.of(), 5, 1, StoryStatus.IN_PROGRESS,
                List.of(), T0, null, null, false);
        StoryView done = new StoryView(11, 1, "Login", "", List.of(), 3, 1, StoryStatus.DONE, List.of(), T0, null, null, false);
        StoryView blocked = story(1, 1, 2, 0, 10L);
        StoryView onDone = story(2, 2, 2, 0, 11L);
        StoryView onBlocked = story(3, 3, 1, 0, 1L);
        StoryView onUnestimated = story(4, 3, 1, 0, 5L);
        StoryView unestimated = story(5, 5, null, 0);
        StoryView cycleA = story(6, 4, 1, 0, 7L);
        StoryView cycleB = story(7, 4, 1, 0, 6L);

        SprintPlan plan = CapacityPlanner.plan(20, List.of(blocked, onDone, onBlocked, onUnestimated, unestimated, cycleA,
                cycleB), List.of(inProgress, done), Map.of(10L, "open sprint 9 (\"Sprint 9\")"));

        assertThat(plan.selectedIds()).containsExactly(2L);
        assertThat(reason(plan.skipped(), 1)).isEqualTo("depends on story 10 (\"Payments API\", IN_PROGRESS, in open "
                + "sprint 9 (\"Sprint 9\")), which is neither DONE nor selected");
        assertThat(reason(plan.skipped(), 3)).isEqualTo("depends on story 1, which depends on story 10 (\"Payments API\", "
                + "IN_PROGRESS, in open sprint 9 (\"Sprint 9\")), which is neither DONE nor selected");
        assertThat(reason(plan.skipped(), 4)).isEqualTo("depends on story 5 (\"Story 5\", READY), which is not estimated");
        assertThat(reason(plan.skipped(), 5)).isEqualTo("not estimated: only stories with an estimate are planned");
        assertThat(reason(plan.skipped(), 6)).isEqualTo("its dependencies form a cycle (6 → 7 → 6)");
    }

    private static String reason(List<PlannedStory> stories, long id) {
        return stories.stream().filter(s -> s.storyId() == id).findFirst().orElseThrow().reason();
    }

    private static StoryView story(long id, int priority, Integer estimate, int ageOffsetMinutes, Long... dependsOn) {
        return new StoryView(id, 1, "Story " + id, "", List.of(), estimate, priority, StoryStatus.READY,
                List.of(dependsOn), T0.plusSeconds(60L * ageOffsetMinutes), null, null, false);
    }
}
