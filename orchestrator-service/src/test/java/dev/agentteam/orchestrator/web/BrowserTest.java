package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The base of the UI tests: the whole application on a random port, a real browser, an empty Redis index. */
abstract class BrowserTest extends IntegrationTest {

    @LocalServerPort
    private int serverPort;

    @Autowired
    protected StringRedisTemplate redis;

    @BeforeEach
    void emptyRedisIndex() {
        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    protected WebDriver open(String path) {
        WebDriver driver = Browser.driver();
        driver.get("http://127.0.0.1:" + serverPort + path);
        return driver;
    }
}
