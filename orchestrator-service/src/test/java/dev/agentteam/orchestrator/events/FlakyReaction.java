package dev.agentteam.orchestrator.events;

import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An after-commit reaction that fails its first run for an id it was told to fail, standing in for a listener that
 * throws or a process killed before the reaction finished. Not a component: only EventPublicationRegistryTest
 * registers it (in its own context and in the restarted one), so the counts are static.
 */
class FlakyReaction {

    private static final Set<String> FAIL_NEXT = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> COMPLETED = new ConcurrentHashMap<>();

    static void failNextRunOf(String id) {
        FAIL_NEXT.add(id);
    }

    static int completedRuns(String id) {
        return COMPLETED.getOrDefault(id, new AtomicInteger()).get();
    }

    @TransactionalEventListener
    void on(Pinged pinged) {
        if (FAIL_NEXT.remove(pinged.id())) {
            throw new IllegalStateException("planted failure of the reaction to " + pinged.id());
        }
        COMPLETED.computeIfAbsent(pinged.id(), id -> new AtomicInteger()).incrementAndGet();
    }
}
