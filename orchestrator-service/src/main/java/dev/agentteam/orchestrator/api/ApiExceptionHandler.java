package dev.agentteam.orchestrator.api;

import dev.agentteam.common.task.IllegalTaskTransitionException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure of every feature into {@code application/problem+json}: user mistakes are 4xx with a
 * detail naming what is wrong; anything unexpected is a 500 carrying only a reference id, which is logged
 * with the stack trace. {@link org.springframework.web.ErrorResponseException}s (and so
 * {@link org.springframework.web.server.ResponseStatusException}s) thrown by any feature pass through as they are.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldError(error)));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        String detail = String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
        ProblemDetail body = problem(status, "Invalid request", detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> messages = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = RequestNames.parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> messages.add(name + ": " + error.getDefaultMessage()));
        });
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", messages)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, problem(status, "Unreadable request body", JsonErrors.describe(ex)),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? RequestNames.parameterName(mismatch.getParameter()) : String.valueOf(ex.getPropertyName());
        String detail = "'" + name + "' must be " + JsonErrors.expected(ex.getRequiredType())
                + ", got '" + ex.getValue() + "'.";
        return handleExceptionInternal(ex, problem(status, "Invalid parameter", detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "Required parameter '" + ex.getParameterName() + "' (" + ex.getParameterType() + ") is missing.";
        return handleExceptionInternal(ex, problem(status, "Missing parameter", detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".";
        return handleExceptionInternal(ex, problem(status, "Not found", detail), headers, status, request);
    }

    @ExceptionHandler(IllegalTaskTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTaskTransitionException ex, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()),
                new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** {@code ?=true}, {@code ?&&}, a bare {@code =}: Tomcat refuses to parse the query string or form body. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> malformedParameters(InvalidParameterException ex, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "The query string or form body is malformed (a parameter without a name?)."),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart content type without a boundary, or a body that is not the multipart it claims to be. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The multipart request body could not be read."), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {}", reference, request.getDescription(false), ex);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred; quote reference " + reference + " when reporting it.");
        body.setProperty("reference", reference);
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static Map<String, String> fieldError(FieldError error) {
        String message = error.getDefaultMessage();
        if (error.isBindingFailure()) {
            message = "has an invalid value";
        }
        return Map.of("field", RequestNames.snakeCase(error.getField()), "message", String.valueOf(message));
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }
}
