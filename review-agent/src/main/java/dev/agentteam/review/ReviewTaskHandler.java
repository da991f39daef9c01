package dev.agentteam.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.StepFailedException;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.RemoteRepository;
import dev.agentteam.common.workspace.WorkspaceException;

/**
 * {@code review.review_pr}: reviews a pull request's diff against its story's acceptance criteria and the
 * repository's conventions through the LLM gateway (structured output), posts the findings as one review with
 * inline comments and a summary, and labels the PR approved / changes requested — or {@code needs-human} when the
 * last allowed round still requests changes.
 */
@Component
class ReviewTaskHandler implements TaskHandler {

    static final String TYPE = "review.review_pr";
    private static final Logger log = LoggerFactory.getLogger(ReviewTaskHandler.class);

    private final GitWorkspaces workspaces;
    private final CodeHosts codeHosts;
    private final LlmGateway gateway;
    private final StructuredOutput structured;
    private final PromptRegistry prompts;
    private final ReviewAgentProperties properties;
    private final RelatedCode relatedCode;

    ReviewTaskHandler(GitWorkspaces workspaces, CodeHosts codeHosts, LlmGateway gateway, StructuredOutput structured,
                      PromptRegistry prompts, ReviewAgentProperties properties, CodeRetrieval retrieval) {
        this.workspaces = workspaces;
        this.codeHosts = codeHosts;
        this.gateway = gateway;
        this.structured = structured;
        this.prompts = prompts;
        this.properties = properties;
        this.relatedCode = new RelatedCode(retrieval, properties);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        ReviewAssignment pr = ReviewAssignment.from(task.payload());
        PullRequestDiff diff;
        String conventions;
        try (GitWorkspace workspace = workspaces.open(task.taskId(),
                new RemoteRepository(pr.target().cloneUrl(), codeHosts.gitToken(pr.target())))) {
            workspace.checkoutCommit(pr.headSha());
            diff = PullRequestDiff.of(workspace.directory(), pr.base(), pr.headSha());
            conventions = conventions(workspace.directory());
        } catch (WorkspaceException e) {
            throw new StepFailedException("could not check out the pull request", e);
        }
        Prompt prompt = prompts.active(AgentRole.REVIEW);
        ModelSession session = gateway.open(task, prompt.id());
        context.progress("reviewing " + pr.target().fullName() + "#" + pr.number() + " round " + pr.round());
        String related = relatedCode.forDiff(session.context(), pr, diff);
        List<ChatMessage> messages = List.of(
                SystemMessage.from(prompt.render(Map.of("repository", pr.target().fullName(),
                        "conventions", conventions, "max_comments", properties.maxComments()))),
                UserMessage.from(userMessage(pr, diff, related)));
        Review review = Review.from(structured.ask(session, messages, prompt.outputSchema()), properties.maxComments());
        boolean needsHuman = !review.approved() && pr.round() >= properties.maxRounds();
        List<InlineComment> inline = review.inline(diff);
        String label = review.approved() ? Review.APPROVED : needsHuman ? Review.NEEDS_HUMAN : Review.CHANGES_REQUESTED;
        boolean cut = ReviewText.cutAt(diff.text(), properties.maxDiffChars());
        CodeHost host = codeHosts.forTarget(pr.target());
        try {
            post(host, pr, review.body(diff, pr.round(), needsHuman, cut), inline, label);
        } catch (StepFailedException e) {
            if (!(e.getCause() instanceof CodeHostException refused && refused.status() == 422) || inline.isEmpty()) {
                throw e;
            }
            // the forge refused a line: every finding goes into the summary instead of losing the review
            log.warn("Inline comments refused on {}#{} ({}); posting them in the summary", pr.target().fullName(),
                    pr.number(), e.getMessage());
            inline = List.of();
            post(host, pr, review.body(PullRequestDiff.NONE, pr.round(), needsHuman, cut), inline, label);
        }
        log.info("Reviewed {}#{} round {}: {} ({} inline comments)", pr.target().fullName(), pr.number(), pr.round(),
                label, inline.size());
        return TaskResult.succeeded(task, context.workerId(), output(pr, review, inline, label, needsHuman), session.usage());
    }

    private String userMessage(ReviewAssignment pr, PullRequestDiff diff, String related) {
        StringBuilder text = new StringBuilder("Review pull request #").append(pr.number()).append(" (")
                .append(pr.head()).append(" → ").append(pr.base()).append(") for the story below.\n\n<story>\n")
                .append(ReviewText.story(pr.storyTitle(), 300)).append('\n')
                .append(ReviewText.story(pr.statement(), 2000)).append("\nAcceptance criteria:\n");
        if (pr.criteria().isEmpty()) {
            text.append("(none given)\n");
        }
        pr.criteria().forEach(c -> text.append("- ").append(ReviewText.story(c, 600)).append('\n'));
        text.append("</story>\n\n<diff>\n")
                .append(diff.empty() ? "(the pull request changes nothing)" : ReviewText.diff(diff.text(), properties.maxDiffChars()))
                .append("</diff>\n\n<related_code>\n").append(related).append("\n</related_code>");
        return text.toString();
    }

    private String conventions(Path checkout) {
        StringBuilder text = new StringBuilder();
        for (String name : properties.conventionFiles()) {
            Path file = insideCheckout(checkout, name);
            if (file == null) {
                continue;
            }
            try {
                text.append("--- ").append(name).append(" ---\n").append(Files.readString(file)).append('\n');
            } catch (IOException | java.io.UncheckedIOException e) {
                log.info("Could not read {}: {}", name, e.getMessage());
            }
        }
        return text.isEmpty() ? "(the repository documents none; follow the style of the code around the change)"
                : ReviewText.story(text.toString(), properties.maxConventionChars());
    }

    /**
     * The real file for {@code name}, or null unless it is a regular file inside the checkout with every symbolic
     * link on the way (a linked directory included) resolved: a repository cannot make the agent read the host's files.
     */
    static Path insideCheckout(Path checkout, String name) {
        try {
            Path root = checkout.toRealPath();
            Path file = checkout.resolve(name).normalize();
            if (!file.startsWith(checkout) || !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            Path real = file.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void post(CodeHost host, ReviewAssignment pr, String body, List<InlineComment> inline, String label) {
        try {
            host.reviewComments(pr.target().ref(), pr.number(), pr.headSha(), body, inline);
            host.addLabels(pr.target().ref(), pr.number(), Set.of(label));
        } catch (CodeHostException e) {
            throw new StepFailedException("could not post the review", e);
        }
    }

    private static QualityResult.Review output(ReviewAssignment pr, Review review, List<InlineComment> inline,
                                               String label, boolean needsHuman) {
        return new QualityResult.Review(review.approved() ? QualityResult.Review.APPROVE : QualityResult.Review.CHANGES_REQUESTED,
                review.summary(), review.findings().stream().map(Review.Finding::toResult).toList(), inline.size(), label,
                pr.round(), needsHuman, pr.prId(), pr.number(), pr.headSha());
    }
}
