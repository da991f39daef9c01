package dev.agentteam.orchestrator.live;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The open event streams of the browsers, and the one place that writes to them. */
@Component
class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final LiveProperties properties;

    LiveStream(LiveProperties properties) {
        this.properties = properties;
    }

    /** A new stream, or empty when {@code maxSubscribers} are open already. */
    java.util.Optional<SseEmitter> subscribe() {
        if (subscribers.size() >= properties.maxSubscribers()) {
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        // the first event tells the page the stream is open (it shows "live" and refreshes what it missed)
        send(emitter, SseEmitter.event().name("ready").data(Map.of("topics", List.of()), MediaType.APPLICATION_JSON));
        return java.util.Optional.of(emitter);
    }

    int size() {
        return subscribers.size();
    }

    /** Tells every open stream which topics changed. */
    void changed(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Set<String> sorted = new TreeSet<>(topics);
        for (SseEmitter emitter : subscribers) {
            send(emitter, SseEmitter.event().name("change").data(Map.of("topics", sorted), MediaType.APPLICATION_JSON));
        }
    }

    void heartbeat() {
        for (SseEmitter emitter : subscribers) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser left: forget it; completing tells the container to release the request
            subscribers.remove(emitter);
            log.debug("live stream closed: {}", gone.getMessage());
            try {
                emitter.completeWithError(gone);
            } catch (IllegalStateException alreadyDone) {
                // nothing left to release
            }
        }
    }

    void closeAll() {
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // nothing left to release
            }
        }
        subscribers.clear();
    }
}
