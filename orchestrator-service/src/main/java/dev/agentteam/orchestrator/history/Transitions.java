package dev.agentteam.orchestrator.history;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One table of allowed moves between the constants of a status enum; a status not listed as a source is final.
 * Every lifecycle (story, epic, pull request) declares its table with this, next to its enum.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private Transitions(Class<S> type) {
        this.type = type;
        this.allowed = new EnumMap<>(type);
    }

    public static <S extends Enum<S>> Transitions<S> of(Class<S> type) {
        return new Transitions<>(type);
    }

    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        Set<S> next = allowed.computeIfAbsent(from, key -> EnumSet.noneOf(type));
        Collections.addAll(next, to);
        return this;
    }

    public boolean allows(S from, S to) {
        return next(from).contains(to);
    }

    public Set<S> next(S from) {
        Set<S> next = allowed.get(from);
        return next == null ? Set.of() : Collections.unmodifiableSet(next);
    }
}
