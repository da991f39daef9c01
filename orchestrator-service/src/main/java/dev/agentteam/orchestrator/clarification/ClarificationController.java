package dev.agentteam.orchestrator.clarification;

import dev.agentteam.orchestrator.api.ApiPaging;
import dev.agentteam.orchestrator.api.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/clarifications", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Clarifications", description = "Questions agents asked a person (CLARIFY), and their answers")
class ClarificationController {

    private final Clarifications clarifications;

    ClarificationController(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    @GetMapping
    @Operation(summary = "The clarification inbox, oldest question first, paged")
    ClarificationPage list(
            @Parameter(description = "Only clarifications in this status, e.g. OPEN") @RequestParam(name = "status", required = false) ClarificationStatus status,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(ApiPaging.MAX_PAGE) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        Page<ClarificationView> result = clarifications.list(status,
                PageRequest.of(page, size, Sort.by(Sort.Order.asc("askedAt"), Sort.Order.asc("id"))));
        return new ClarificationPage(result.getContent(), page, size, result.getTotalElements(), result.getTotalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One clarification with its task")
    ClarificationView get(@PathVariable("id") long id) {
        return clarifications.find(id).orElseThrow(() -> ApiProblems.notFound("clarification", id));
    }

    @PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer an OPEN clarification", description = "One answer per question, in order. The "
            + "clarification becomes ANSWERED and its task is queued again with every answer so far in its payload. "
            + "Wrong number of answers or a blank answer → 400; unknown id → 404; already answered → 409.")
    ClarificationView answer(@PathVariable("id") long id, @Valid @RequestBody AnswerRequest request) {
        return clarifications.answer(id, request.answers(), request.answeredBy());
    }

    record AnswerRequest(
            @Schema(description = "One answer per question, in the order of the questions")
            @NotNull @Size(max = 5, message = "must have at most 5 answers")
            List<@Size(max = 5000, message = "must be at most 5000 characters")
                 @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters") String> answers,
            @Schema(description = "The user who answers (optional)", example = "1") @Positive Long answeredBy) {
    }

    record ClarificationPage(List<ClarificationView> items, int page, int size, long totalElements, int totalPages) {
    }
}
