package dev.agentteam.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    private final Markdown md = new Markdown();

    @Test
    void rendersGitHubTablesTaskListsAndSafeLinks() {
        String html = md.html("""
                ## Summary
                Adds **most_common_words** — see [the docs](https://example.org/docs) or [mail us](mailto:team@example.org).

                | check | result |
                |---|---|
                | lint | passed |

                - [x] tests pass
                - [ ] coverage ≥ 80 %
                """);

        assertThat(html).contains("<h2>Summary</h2>", "<strong>most_common_words</strong>",
                "<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/docs\">the docs</a>",
                "<a rel=\"nofollow noopener noreferrer\" href=\"mailto:team@example.org\">mail us</a>",
                "<table>", "<th>check</th>", "<td>lint</td>",
                "<input type=\"checkbox\" disabled=\"\" checked=\"\"> tests pass",
                "<input type=\"checkbox\" disabled=\"\"> coverage");
    }

    @Test
    void rawHtmlIsEscapedNeverInterpreted() {
        String html = md.html("""
                Hello <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                <a href="javascript:alert(1)">click</a>
                """);

        assertThat(html).doesNotContain("<script", "<img", "<a ")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1) )",
            "[x](&#106;avascript:alert(1))", "[x](java%0ascript:alert(1))", "<javascript:alert(1)>",
            "[x](vbscript:msgbox(1))", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](file:///etc/passwd)", "[x](/admin/users)", "[x](//evil.example/x)",
            "[x]: javascript:alert(1)\n\nSee [x]."})
    void linksToAnythingButHttpHttpsOrMailtoLoseTheirLink(String markdown) {
        String html = md.html(markdown);

        assertThat(html).doesNotContain("<a", "href").doesNotContainIgnoringCase("src=");
    }

    @Test
    void imagesNeverLoadAndBecomeLinksOnlyWhenTheirUrlIsSafe() {
        assertThat(md.html("![diagram](https://example.org/d.png)"))
                .isEqualTo("<p><a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/d.png\">diagram</a></p>\n");
        assertThat(md.html("![x\" onerror=\"alert(1)](javascript:alert(1))")).doesNotContain("<img", "<a", "href")
                .contains("x&quot; onerror=&quot;alert(1)");
        assertThat(md.html("![](https://example.org/pixel.gif)")).doesNotContain("<img").contains(">https://example.org/pixel.gif</a>");
    }

    @Test
    void titlesAndTextCannotBreakOutOfTheirAttribute() {
        String html = md.html("[x](https://example.org \"t\\\" onmouseover=\\\"alert(1)\")");

        assertThat(html).contains("title=\"t&quot; onmouseover=&quot;alert(1)\"").doesNotContain("\" onmouseover=\"");
    }

    @Test
    void nothingForNothing() {
        assertThat(md.html(null)).isEmpty();
        assertThat(md.html("  \n")).isEmpty();
    }
}
