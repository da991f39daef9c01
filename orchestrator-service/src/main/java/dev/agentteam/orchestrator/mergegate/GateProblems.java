package dev.agentteam.orchestrator.mergegate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusals of the merge gate: who may not act is 403; a pull request not ready to merge is 409. */
final class GateProblems {

    private GateProblems() {
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    static ErrorResponseException notReady(String detail) {
        return problem(HttpStatus.CONFLICT, "Not ready to merge", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
