package dev.agentteam.common.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real PostgreSQL (with pgvector) and Redis for integration tests. Where Docker runs, Testcontainers starts
 * them and {@code @ServiceConnection} overrides the {@code spring.datasource.*} / {@code spring.data.redis.*}
 * settings; elsewhere this configuration stays out and the tests talk to the local services
 * ({@code test-services.properties}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(DockerAvailable.class)
public class ContainerServices {

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(DockerImageName.parse("pgvector/pgvector:pg15").asCompatibleSubstituteFor("postgres"));
    }

    @Bean
    @ServiceConnection(name = "redis")
    GenericContainer<?> redis() {
        return new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
    }
}
