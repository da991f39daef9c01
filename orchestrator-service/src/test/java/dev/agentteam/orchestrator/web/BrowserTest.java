package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import dev.agentteam.orchestrator.support.TestUsers;
import org.openqa.selenium.By;
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

    /** The person the browser is signed in as: a new admin (not the owner of seeded epics, which is user 1). */
    protected TestUsers.Login signedIn;

    @BeforeEach
    void emptyRedisIndexAndSignIn() {
        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        TestUsers.Login login = users.login("admin");
        signedIn = login;
        WebDriver driver = Browser.driver();
        // A session of an earlier test (cookies ignore the port) belongs to a user that no longer exists.
        driver.get("http://127.0.0.1:" + serverPort + "/login");
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + serverPort + "/login");
        driver.findElement(By.id("username")).sendKeys(login.username());
        driver.findElement(By.id("password")).sendKeys(login.password());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // the session cookie exists only once the login POST has answered: wait before the test navigates on
        Browser.await(d -> d.getCurrentUrl().contains("/login") ? null : Boolean.TRUE);
    }

    protected WebDriver open(String path) {
        WebDriver driver = Browser.driver();
        driver.get("http://127.0.0.1:" + serverPort + path);
        return driver;
    }
}
