package dev.agentteam.orchestrator.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * The problems every feature reports to API clients. They are {@link ErrorResponseException}s, so the global
 * handler renders them as {@code application/problem+json} with the detail given here.
 *
 * <p>Convention: an unknown id in the path is 404; an unknown id referenced from a request body (an epic's
 * {@code owner_id}, a sprint's {@code stories}) is 422, because the request itself was well-formed.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ErrorResponseException notFound(String what, Object id) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id + ".");
    }

    /** 404 with a detail of the caller's wording, for something that is absent rather than an unknown id. */
    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ErrorResponseException unprocessable(String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        return new ErrorResponseException(status, body, null);
    }
}
