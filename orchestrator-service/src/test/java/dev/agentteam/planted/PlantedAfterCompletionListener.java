package dev.agentteam.planted;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A planted violation, imported only by ArchitectureRulesTest: a reaction in a phase the event publication registry
 * does not record.
 */
class PlantedAfterCompletionListener {

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void on(Object event) {
    }
}
