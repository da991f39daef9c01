package dev.agentteam.orchestrator.quality;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.Tasks;

/**
 * A pull request was opened or got new commits: CI runs on it ({@code cicd.run_ci}, embedded forge only — GitHub
 * repositories have their own CI) and it is reviewed ({@code review.review_pr}, round = reviews so far + 1).
 * After a merge, the staging step ({@code cicd.deploy}) when {@code agentteam.quality.deploy-after-merge} is on.
 * Runs after the forge's transaction committed, in its own.
 */
@Component
class PullRequestChecks {

    static final String RUN_CI = "cicd.run_ci";
    static final String REVIEW = "review.review_pr";
    static final String DEPLOY = "cicd.deploy";
    static final String FOLLOW_CI = "cicd.follow_ci";
    private static final Logger log = LoggerFactory.getLogger(PullRequestChecks.class);

    private final PullRequests pullRequests;
    private final Repositories repositories;
    private final Stories stories;
    private final Tasks tasks;
    private final QualityRecords records;
    private final QualityProperties properties;

    PullRequestChecks(PullRequests pullRequests, Repositories repositories, Stories stories, Tasks tasks,
                      QualityRecords records, QualityProperties properties) {
        this.pullRequests = pullRequests;
        this.repositories = repositories;
        this.stories = stories;
        this.tasks = tasks;
        this.records = records;
        this.properties = properties;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ForgeEvent.PullRequestOpened opened) {
        check(opened.prId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ForgeEvent.PullRequestSynchronized synchronized_) {
        check(synchronized_.prId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ForgeEvent.PullRequestMerged merged) {
        if (!properties.deployAfterMerge()) {
            return;
        }
        pullRequests.find(merged.prId()).flatMap(pr -> pr.repositoryId() == null ? java.util.Optional.empty()
                : repositories.find(pr.repositoryId())).ifPresent(repository -> tasks.create(new NewTask(TaskType.CICD_DEPLOY,
                        null, merged.storyId(), new QualityTask.Deploy(repository.taskTarget(), merged.mergeSha(), merged.prId()))));
    }

    /**
     * GitHub reported failing CI (webhook check run / suite / workflow run) on an open pull request's head: the
     * CI/CD agent reads the failed jobs ({@code cicd.follow_ci}); its result leads to the QA triage like ours does.
     * The webhook feature publishes this only when the pull request's CI status changes, so once per head.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ForgeEvent.CommitStatusChanged changed) {
        if (!"FAILURE".equalsIgnoreCase(changed.state()) || !properties.followGitHubCi()) {
            return;
        }
        repositories.list().stream()
                .filter(r -> r.forge() == ForgeType.GITHUB && changed.repo().equals(r.fullName()))
                .findFirst().ifPresent(repository -> pullRequests.list("OPEN").stream()
                        .filter(pr -> changed.repo().equals(pr.repo()) && changed.sha().equals(pr.headSha()))
                        .forEach(pr -> tasks.create(new NewTask(TaskType.CICD_FOLLOW_CI, null, pr.storyId(),
                                new QualityTask.FollowCi(repository.taskTarget(), pr.taskTarget(), pr.storyId(), false)))));
    }

    private void check(long prId) {
        PullRequestView pr = pullRequests.find(prId).orElse(null);
        if (pr == null || !pr.open() || pr.repositoryId() == null || pr.headSha() == null) {
            return;
        }
        RepositoryView repository = repositories.find(pr.repositoryId()).orElse(null);
        if (repository == null) {
            return;
        }
        if (properties.ciOnEmbedded() && repository.forge() == ForgeType.EMBEDDED) {
            tasks.create(new NewTask(TaskType.CICD_RUN_CI, null, pr.storyId(),
                    new QualityTask.RunCi(repository.taskTarget(), pr.taskTarget(), pr.storyId())));
            records.ciStatus(pr.id(), pr.headSha(), "RUNNING");
        }
        if (properties.review()) {
            tasks.create(new NewTask(TaskType.REVIEW_PR, null, pr.storyId(), new QualityTask.ReviewPullRequest(
                    repository.taskTarget(), pr.taskTarget(), pr.storyId(), story(pr.storyId()),
                    records.reviewRounds(pr.id()) + 1, null)));
        }
        log.info("Checks queued for pull request #{} of {} at {}", pr.number(), pr.repo(), pr.headSha());
    }

    private ImplementStory.Story story(Long storyId) {
        if (storyId == null) {
            return null;
        }
        List<StoryView> found = stories.find(List.of(storyId));
        if (found.isEmpty()) {
            return null;
        }
        StoryView story = found.get(0);
        return new ImplementStory.Story(story.id(), null, story.title(), story.statement(), story.acceptanceCriteria().stream()
                .map(c -> new ImplementStory.Criterion(c.given(), c.when(), c.then(), null)).toList());
    }
}
