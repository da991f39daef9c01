package dev.agentteam.common.testing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/**
 * True where a Docker engine answers. Without one (as on the development machines) the tests use the local
 * PostgreSQL and Redis that {@code scripts/dev-services.sh} prepares.
 */
public final class DockerAvailable implements Condition {

    private static volatile Boolean available;

    public static boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            boolean answer;
            try {
                answer = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                answer = false;
            }
            available = known = answer;
        }
        return known;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isAvailable();
    }
}
