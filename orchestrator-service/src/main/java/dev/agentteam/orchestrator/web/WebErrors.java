package dev.agentteam.orchestrator.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.UUID;

/**
 * Errors of the UI's controllers become an HTML page with a readable message. Ordered before the API's
 * problem+json advice and limited to this package, so {@code /api/**} keeps its problem documents.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException ex) {
        return page(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null);
    }

    /** {@code /tasks/abc}: an id that cannot exist is as unknown as one that does not. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId(MethodArgumentTypeMismatchException ex) {
        return page(HttpStatus.NOT_FOUND, "Not found",
                "'" + ex.getValue() + "' is not a valid " + ex.getName() + "; ids are whole numbers.", null);
    }

    /** A feature's own client error (409, 422, …): its detail is written for people already. */
    @ExceptionHandler(org.springframework.web.ErrorResponseException.class)
    ModelAndView feature(org.springframework.web.ErrorResponseException ex) {
        return page(ex.getStatusCode(), title(ex), ex.getBody().getDetail(), null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return page(response.getStatusCode(), "Request not understood", response.getBody().getDetail(), null);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} on page {} {}", reference, request.getMethod(), request.getRequestURI(), ex);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The page could not be shown. The error is logged; quote this reference when reporting it.", reference);
    }

    private static String title(org.springframework.web.ErrorResponseException ex) {
        return ex.getBody().getTitle() == null ? "Request refused" : ex.getBody().getTitle();
    }

    private static ModelAndView page(HttpStatusCode status, String title, String message, String reference) {
        ModelAndView page = new ModelAndView("error-page", Map.of("status", status.value(), "title", title,
                "message", message == null ? "" : message));
        if (reference != null) {
            page.addObject("reference", reference);
        }
        page.setStatus(status);
        return page;
    }
}
