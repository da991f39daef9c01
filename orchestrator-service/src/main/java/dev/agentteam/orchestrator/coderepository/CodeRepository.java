package dev.agentteam.orchestrator.coderepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.agentteam.common.task.QualityCommands;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A code repository the team works on: in the embedded forge, or on GitHub. */
@Entity
@Table(name = "repositories")
class CodeRepository {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String forge;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "clone_url")
    private String cloneUrl;

    @Column(name = "default_branch", nullable = false)
    private String defaultBranch;

    @Column(name = "test_command", nullable = false)
    private String testCommand;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "lint_command")
    private String lintCommand;

    @Column(name = "coverage_command")
    private String coverageCommand;

    @Column(name = "coverage_threshold", precision = 5, scale = 2)
    private BigDecimal coverageThreshold;

    @Column(name = "security_command")
    private String securityCommand;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_checks", nullable = false, columnDefinition = "text[]")
    private String[] requiredChecks = new String[0];

    protected CodeRepository() {
    }

    CodeRepository(NewRepository command, String cloneUrl) {
        this.name = command.name();
        this.forge = command.forge().value();
        this.fullName = command.fullName();
        this.cloneUrl = cloneUrl;
        this.defaultBranch = command.defaultBranch();
        this.testCommand = command.testCommand();
        this.createdAt = Instant.now();
        quality(command.quality());
    }

    void quality(QualityCommands quality) {
        this.lintCommand = quality.lintCommand();
        this.coverageCommand = quality.coverageCommand();
        this.coverageThreshold = quality.coverageThreshold() == null ? null : BigDecimal.valueOf(quality.coverageThreshold());
        this.securityCommand = quality.securityCommand();
        this.requiredChecks = quality.requiredChecks().toArray(String[]::new);
    }

    QualityCommands quality() {
        return new QualityCommands(lintCommand, coverageCommand,
                coverageThreshold == null ? null : coverageThreshold.doubleValue(), securityCommand,
                requiredChecks == null ? List.of() : List.of(requiredChecks));
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    ForgeType forge() {
        return ForgeType.of(forge);
    }

    String fullName() {
        return fullName;
    }

    /** Stored for GitHub; null for embedded repositories, whose clone URL depends on how the forge is reached. */
    String cloneUrl() {
        return cloneUrl;
    }

    String defaultBranch() {
        return defaultBranch;
    }

    String testCommand() {
        return testCommand;
    }

    Instant createdAt() {
        return createdAt;
    }
}
