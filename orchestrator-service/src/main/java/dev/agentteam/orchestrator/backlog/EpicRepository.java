package dev.agentteam.orchestrator.backlog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EpicRepository extends JpaRepository<Epic, Long> {

    Page<Epic> findByStatus(EpicStatus status, Pageable pageable);
}
