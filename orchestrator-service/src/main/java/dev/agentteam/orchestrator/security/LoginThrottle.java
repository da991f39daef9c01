package dev.agentteam.orchestrator.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throttles password guessing with token buckets (Bucket4j), in memory. Every failed login takes a token from
 * three buckets — the account from this address ({@code max-failures}), the account from anywhere
 * ({@code max-failures-per-account}) and the address for any account ({@code max-failures-per-address}) — and each
 * bucket fills up again over {@code lock-duration}, a token at a time. A login is tried only while all three have
 * a token. Nothing waits on a thread, the database is not written, and an unknown username is throttled exactly
 * like a real one, so the answers tell nobody which usernames exist. A guesser elsewhere cannot lock the real user
 * out for long: only the shared per-account bucket is theirs to drain, and it is ten times larger.
 */
@Component
class LoginThrottle {

    /** Bounds the memory an attacker can make us spend on buckets for made-up names and addresses. */
    private static final int MAX_BUCKETS = 50_000;
    private static final int MAX_USERNAME = 200;

    private final SecurityProperties properties;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    };

    @Autowired
    LoginThrottle(SecurityProperties properties) {
        this(properties, TimeMeter.SYSTEM_MILLISECONDS);
    }

    LoginThrottle(SecurityProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long before {@code username} may try again from {@code address}; zero when it may now. */
    synchronized Duration waitBefore(String username, String address) {
        long nanos = 0;
        for (Bucket bucket : bucketsFor(username, address)) {
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                nanos = Math.max(nanos, probe.getNanosToWaitForRefill());
            }
        }
        return Duration.ofNanos(nanos);
    }

    synchronized void failed(String username, String address) {
        bucketsFor(username, address).forEach(bucket -> bucket.tryConsume(1));
    }

    /** The real user, signed in: their own bucket from this address is full again. */
    synchronized void succeeded(String username, String address) {
        buckets.remove(pairKey(username, address));
    }

    synchronized void clear() {
        buckets.clear();
    }

    private List<Bucket> bucketsFor(String username, String address) {
        return List.of(bucket(pairKey(username, address), properties.maxFailures()),
                bucket("account:" + normalize(username), properties.maxFailuresPerAccount()),
                bucket("address:" + address, properties.maxFailuresPerAddress()));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, properties.lockDuration()))
                .withCustomTimePrecision(clock).build());
    }

    private static String pairKey(String username, String address) {
        return "pair:" + normalize(username) + "|" + address;
    }

    private static String normalize(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
    }
}
