package dev.agentteam.common.testing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test suite refuses the running team's database and Redis index, and only checks contexts on the test services. */
class TestServicesGuardTest {

    private final TestServicesGuard guard = new TestServicesGuard();

    @Test
    void theTeamsDatabaseIsRefused() {
        assertThatThrownBy(() -> check("jdbc:postgresql://127.0.0.1:5432/agentteam", "15"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("database 'agentteam'")
                .hasMessageContaining("AGENT_TEAM_TEST_DB");
    }

    @Test
    void theTeamsRedisIndexIsRefused() {
        assertThatThrownBy(() -> check("jdbc:postgresql://127.0.0.1:5432/agentteam_test?sslmode=disable", "0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Redis index 0");
    }

    @Test
    void aTestDatabaseAndIndexPass() {
        assertThatCode(() -> check("jdbc:postgresql://127.0.0.1:5432/agentteam_test", "15")).doesNotThrowAnyException();
    }

    @Test
    void contextsNotOnTheTestServicesAreNotChecked() {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/agentteam");
        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    private void check(String url, String redisIndex) {
        var environment = new MockEnvironment().withProperty("agent-team.test-services", "true")
                .withProperty("spring.datasource.url", url).withProperty("spring.data.redis.database", redisIndex);
        guard.postProcessEnvironment(environment, new SpringApplication());
    }
}
