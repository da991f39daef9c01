package dev.agentteam.orchestrator.live;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /live/events}: what changed, as server-sent events, for the signed-in pages. */
@RestController
class LiveEventsController {

    private final LiveStream stream;
    private final LiveProperties properties;

    LiveEventsController(LiveStream stream, LiveProperties properties) {
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping(path = "/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        if (!properties.enabled()) {
            throw unavailable("Live updates are switched off (agentteam.live.enabled=false).");
        }
        return stream.subscribe().orElseThrow(() -> unavailable("Too many live pages are open; reload later."));
    }

    private static ErrorResponseException unavailable(String detail) {
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
        refused.setDetail(detail);
        return refused;
    }
}
