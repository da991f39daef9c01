package dev.agentteam.orchestrator.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orchestrator's reactions around pull requests ({@code agentteam.quality.*}).
 *
 * @param ciOnEmbedded   run {@code cicd.run_ci} for pull requests on the embedded forge (GitHub runs its own CI)
 * @param review         queue {@code review.review_pr} when a pull request is opened or gets new commits
 * @param triage         queue {@code qa.triage} after each CI run (it classifies failures, or posts the all-clear)
 * @param fixRegressions queue {@code dev.fix_regression} when QA finds a regression
 * @param addressReviews queue {@code dev.address_review} when a review requests changes (within the review rounds)
 * @param deployAfterMerge queue {@code cicd.deploy} (the CI/CD agent's deploy and smoke commands) after a merge
 * @param followGitHubCi queue {@code cicd.follow_ci} when GitHub reports failing CI on a pull request's head
 * @param maxChangeRounds change rounds ({@code dev.address_review} and {@code dev.fix_regression} together) per pull
 *                       request; past it the pull request needs a human
 */
@ConfigurationProperties("agentteam.quality")
public record QualityProperties(
        @DefaultValue("true") boolean ciOnEmbedded,
        @DefaultValue("true") boolean review,
        @DefaultValue("true") boolean triage,
        @DefaultValue("true") boolean fixRegressions,
        @DefaultValue("true") boolean addressReviews,
        @DefaultValue("false") boolean deployAfterMerge,
        @DefaultValue("true") boolean followGitHubCi,
        @DefaultValue("3") int maxChangeRounds) {

    public QualityProperties {
        if (maxChangeRounds < 0) {
            throw new IllegalArgumentException("agentteam.quality.max-change-rounds must not be negative, was " + maxChangeRounds);
        }
    }
}
