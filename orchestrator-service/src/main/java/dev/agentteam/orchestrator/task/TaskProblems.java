package dev.agentteam.orchestrator.task;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** The task feature's client errors, as RFC 9457 problems the global advice renders as application/problem+json. */
final class TaskProblems {

    private TaskProblems() {
    }

    static ErrorResponseException notFound(long taskId) {
        return problem(HttpStatus.NOT_FOUND, "Task not found", "no task with id " + taskId);
    }

    static ErrorResponseException userNotFound(long userId) {
        return problem(HttpStatus.NOT_FOUND, "User not found", "no user with id " + userId);
    }

    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Task state conflict", detail);
    }

    static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return new ErrorResponseException(status, problem, null);
    }
}
