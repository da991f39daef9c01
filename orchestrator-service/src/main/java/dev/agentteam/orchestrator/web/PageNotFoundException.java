package dev.agentteam.orchestrator.web;

/** An id in a page's URL that names nothing: the friendly 404 page, never a problem document. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException(String what, Object id) {
        super("There is no " + what + " with id " + id + ".");
    }
}
