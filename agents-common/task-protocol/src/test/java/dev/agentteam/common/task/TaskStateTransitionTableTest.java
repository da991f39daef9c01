package dev.agentteam.common.task;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.agentteam.common.task.TaskState.BLOCKED;
import static dev.agentteam.common.task.TaskState.CANCELLED;
import static dev.agentteam.common.task.TaskState.DEAD;
import static dev.agentteam.common.task.TaskState.FAILED;
import static dev.agentteam.common.task.TaskState.PENDING;
import static dev.agentteam.common.task.TaskState.QUEUED;
import static dev.agentteam.common.task.TaskState.RUNNING;
import static dev.agentteam.common.task.TaskState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one transition table every component obeys, pinned cell by cell: a task that succeeded, died or was cancelled
 * never runs again (except an admin's re-queue of a dead one), and nothing skips the queue into RUNNING.
 */
class TaskStateTransitionTableTest {

    private static final Map<TaskState, Set<TaskState>> TABLE = Map.of(
            PENDING, EnumSet.of(QUEUED, FAILED, CANCELLED),
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, BLOCKED, DEAD, CANCELLED, PENDING),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, BLOCKED, DEAD, QUEUED, CANCELLED),
            FAILED, EnumSet.of(QUEUED, DEAD, CANCELLED, PENDING),
            BLOCKED, EnumSet.of(QUEUED, CANCELLED, PENDING),
            SUCCEEDED, EnumSet.noneOf(TaskState.class),
            DEAD, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.noneOf(TaskState.class));

    @Test
    void everyCellOfTheTableIsAllowedOrRefusedAsDocumented() {
        for (TaskState from : TaskState.values()) {
            assertThat(from.next()).as("allowed from %s", from).containsExactlyInAnyOrderElementsOf(TABLE.get(from));
            for (TaskState to : TaskState.values()) {
                boolean allowed = TABLE.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
                if (allowed) {
                    assertThat(from.moveTo(to)).isSameAs(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to)).as("%s -> %s", from, to)
                            .isInstanceOfSatisfying(IllegalTaskTransitionException.class, refused -> {
                                assertThat(refused.from()).isEqualTo(from);
                                assertThat(refused.to()).isEqualTo(to);
                            });
                }
            }
        }
    }

    @Test
    void onlySucceededDeadAndCancelledAreFinal() {
        assertThat(EnumSet.allOf(TaskState.class).stream().filter(TaskState::isFinal))
                .containsExactlyInAnyOrder(SUCCEEDED, DEAD, CANCELLED);
    }

    @Test
    void aSucceededTaskCannotBeRequeuedOrRunAgain() {
        assertThatThrownBy(() -> SUCCEEDED.moveTo(QUEUED)).isInstanceOf(IllegalTaskTransitionException.class)
                .hasMessageContaining("from SUCCEEDED to QUEUED");
        assertThatThrownBy(() -> PENDING.moveTo(RUNNING)).isInstanceOf(IllegalTaskTransitionException.class);
    }

    @Test
    void theAllowedSetCannotBeChangedByACaller() {
        assertThatThrownBy(() -> PENDING.next().add(RUNNING)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(PENDING.canMoveTo(RUNNING)).isFalse();
    }
}
