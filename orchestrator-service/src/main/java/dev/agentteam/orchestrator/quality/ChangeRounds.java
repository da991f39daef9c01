package dev.agentteam.orchestrator.quality;

import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.backlog.StoryLifecycle;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/**
 * Change rounds on one pull request ({@code dev.address_review}, {@code dev.fix_regression}), bounded by
 * {@code agentteam.quality.max-change-rounds}: past the limit no round is queued, the pull request's review status
 * becomes NEEDS_HUMAN, the story BLOCKED, the PR says why, the round is kept FAILED ("held") so that {@code /agent retry} queues it, and
 * {@link ChangeRoundsExhausted} tells people (docs/adr/change-rounds.md).
 */
@Component
class ChangeRounds {

    static final String AUTHOR = "agent-team";
    private static final Logger log = LoggerFactory.getLogger(ChangeRounds.class);

    private final Tasks tasks;
    private final QualityRecords records;
    private final QualityProperties properties;
    private final HostedPullRequests conversation;
    private final ApplicationEventPublisher events;
    private final ChangeRoundTasks roundTasks;
    private final StoryLifecycle stories;

    ChangeRounds(Tasks tasks, QualityRecords records, QualityProperties properties, HostedPullRequests conversation,
                 ApplicationEventPublisher events, ChangeRoundTasks roundTasks, StoryLifecycle stories) {
        this.tasks = tasks;
        this.stories = stories;
        this.roundTasks = roundTasks;
        this.records = records;
        this.properties = properties;
        this.conversation = conversation;
        this.events = events;
    }

    /** @param reviewerGaveUp the review agent's last allowed review round still requested changes */
    void addressReview(RepositoryView repository, PullRequestView pr, Long storyId, ChangeRound.Review review,
                       boolean reviewerGaveUp) {
        queue(TaskType.DEV_ADDRESS_REVIEW, pr, storyId, reviewerGaveUp
                        ? "the review agent's last review round (" + review.round() + ") still requests changes"
                        : "the review still requests changes", reviewerGaveUp,
                new ChangeRound.AddressReview(repository.taskTarget(), pr.taskTarget(), storyId, review));
    }

    void fixRegression(RepositoryView repository, PullRequestView pr, Long storyId, List<ChangeRound.Failure> failures,
                       long qaTaskId, String ciLog) {
        queue(TaskType.DEV_FIX_REGRESSION, pr, storyId, "CI still has regressions", false,
                new ChangeRound.FixRegression(repository.taskTarget(), pr.taskTarget(), storyId, failures, qaTaskId, ciLog));
    }

    /** Rounds already spent on the pull request: every change round for it that was not held or refused outright. */
    int roundsSpent(PullRequestView pr, Long storyId) {
        return (int) roundTasks.of(pr.id(), storyId).stream().filter(task -> !refused(task)).count();
    }

    private void queue(TaskType type, PullRequestView pr, Long storyId, String why, boolean stop, Record payload) {
        int spent = roundsSpent(pr, storyId);
        if (stop || spent >= properties.maxChangeRounds()) {
            String reason = "Needs a human: " + why + " after " + spent + " change round(s) (at most "
                    + properties.maxChangeRounds() + " per pull request, agentteam.quality.max-change-rounds). Review the "
                    + "PR, then merge it, change it by hand, or comment `/agent retry` for one more round.";
            records.reviewed(pr.id(), pr.headSha(), "NEEDS_HUMAN", records.reviewRounds(pr.id()));
            conversation.commented(pr, AUTHOR, reason, null, null, pr.headSha());
            // the round waits, FAILED with the reason, until /agent retry (or the task API) assigns it to the Dev agent
            TaskView held = tasks.hold(new NewTask(type, null, storyId, payload), reason);
            if (storyId != null) {
                stories.move(storyId, StoryStatus.BLOCKED, ChangedBy.task(held.id(), "change rounds used up: needs a human"));
            }
            log.warn("Pull request #{} of {}: {}", pr.number(), pr.repo(), reason);
            events.publishEvent(new ChangeRoundsExhausted(pr.id(), storyId, spent, reason));
            return;
        }
        tasks.create(new NewTask(type, null, storyId, payload));
    }

    private static boolean refused(TaskView task) {
        return EnumSet.of(TaskState.FAILED, TaskState.CANCELLED).contains(task.status()) && task.attemptCount() == 0;
    }

}
