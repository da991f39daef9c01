package dev.agentteam.orchestrator.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository page: the index state follows the run by itself, a search links to the file and its lines. */
class RepositoryPageTest extends BrowserTest {

    @AfterEach
    void removeRepositories() {
        jdbc.update("delete from repositories");
    }

    @Test
    void theIndexStateFollowsTheRunAndSearchResultsLinkToTheirLines() {
        var created = api.postJson("/api/repositories", "{\"name\": \"page-demo\", \"source\": {\"type\": \"template\", "
                + "\"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        open("/repositories");
        Browser.find("#repository-" + id + " a").click();
        // no reload: the index card polls itself until the run is over
        Browser.await(Duration.ofSeconds(90), driver -> driver.findElement(By.cssSelector("#index .badge")).getText().equals("IDLE"));
        assertThat(Browser.find("#index").getText()).contains("files indexed", "chunks", "onnx/");

        Browser.find("#q").sendKeys("how are the words of a text counted");
        Browser.find("#search-form button").click();
        Browser.await(driver -> driver.findElements(By.cssSelector("#results .hit")).size() > 0);
        Browser.screenshot("repository-search");
        String first = Browser.find("#results .hit a").getText();
        assertThat(first).startsWith("textstats/core.py:");
        int from = Integer.parseInt(first.replaceAll(".*:(\\d+)-\\d+$", "$1"));

        Browser.find("#results .hit a").click();
        Browser.await(driver -> driver.getCurrentUrl().contains("/file?"));
        assertThat(Browser.find("h1").getText()).isEqualTo("textstats/core.py");
        assertThat(Browser.find("#L" + from).getAttribute("class")).contains("hl");
        assertThat(Browser.driver().findElements(By.cssSelector(".line.hl"))).isNotEmpty();

        open("/repositories/" + id + "?q=");
        assertThat(Browser.find(".form-error").getText()).contains("q must not be empty");
    }
}
