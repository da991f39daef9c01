package dev.agentteam.orchestrator.clarification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClarificationRepository extends JpaRepository<Clarification, Long> {

    Page<Clarification> findByStatus(ClarificationStatus status, Pageable pageable);
}
