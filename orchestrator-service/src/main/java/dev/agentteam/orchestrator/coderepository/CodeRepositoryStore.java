package dev.agentteam.orchestrator.coderepository;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CodeRepositoryStore extends JpaRepository<CodeRepository, Long> {

    Optional<CodeRepository> findByName(String name);

    boolean existsByName(String name);

    List<CodeRepository> findAllByOrderByIdAsc();
}
