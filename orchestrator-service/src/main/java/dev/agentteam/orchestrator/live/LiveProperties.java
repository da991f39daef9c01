package dev.agentteam.orchestrator.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentteam.live.*}: the live pages' event stream.
 *
 * @param enabled        listen for changes and serve {@code /live/events} (pages fall back to a reload button)
 * @param heartbeat      a comment on every open stream this often, so proxies keep it and dead clients are noticed
 * @param maxSubscribers open streams at most; more are refused with 503 (each holds a connection and a thread's time)
 * @param streamTimeout  a stream is closed after this long; the browser reconnects and refreshes the page's parts
 */
@ConfigurationProperties("agentteam.live")
record LiveProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20s") Duration heartbeat,
                      @DefaultValue("200") int maxSubscribers, @DefaultValue("30m") Duration streamTimeout) {
}
