package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;

/**
 * Turns one stored delivery into its state changes and returns the outcome text for the delivery row. GitHub
 * deliveries are read in GitHub's payload shapes; embedded-forge deliveries carry the {@link ForgeEvent} itself
 * and are published as they are. Both end as the same {@link ForgeEvent}s.
 */
@Component
class DeliveryHandler {

    private final PullRequestEventHandler pullRequests;
    private final CiEventHandler ci;
    private final CommentCommandHandler comments;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;

    DeliveryHandler(PullRequestEventHandler pullRequests, CiEventHandler ci, CommentCommandHandler comments,
            ApplicationEventPublisher publisher, JsonMapper json) {
        this.pullRequests = pullRequests;
        this.ci = ci;
        this.comments = comments;
        this.publisher = publisher;
        this.json = json;
    }

    String handle(Delivery delivery) {
        if ("embedded".equals(delivery.source())) {
            return embedded(delivery.payload());
        }
        String action = delivery.action();
        JsonNode payload = delivery.payload();
        return switch (delivery.event()) {
            case "ping" -> "ping from hook " + delivery.hookId() + ": " + GitHubPayloads.text(payload, "zen");
            case "pull_request" -> pullRequests.pullRequest(action, payload);
            case "pull_request_review" -> pullRequests.review(action, payload);
            case "pull_request_review_comment" -> pullRequests.reviewComment(action, payload);
            case "push" -> pullRequests.push(payload);
            case "issue_comment" -> comments.issueComment(action, payload);
            case "check_run" -> ci.checkRun(action, payload);
            case "check_suite" -> ci.checkSuite(action, payload);
            case "workflow_run" -> ci.workflowRun(action, payload);
            default -> "ignored: event " + delivery.event() + " is not handled";
        };
    }

    /** The forge records {@code {"type": <ForgeEvent record name>, "event": <the record>}}. */
    private String embedded(JsonNode payload) {
        String type = GitHubPayloads.text(payload, "type");
        Class<?> eventType = Arrays.stream(ForgeEvent.class.getPermittedSubclasses())
                .filter(candidate -> candidate.getSimpleName().equals(type)).findFirst().orElse(null);
        if (eventType == null || !payload.path("event").isObject()) {
            return "ignored: embedded delivery of unknown type " + type;
        }
        Object event = json.treeToValue(payload.path("event"), eventType);
        publisher.publishEvent(event);
        return "published " + event;
    }
}
