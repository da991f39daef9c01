package dev.agentteam.orchestrator.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The full-text query built from a question: any word, all words, a word in path or symbol. */
class TermsTest {

    @Test
    void camelCaseIsKeptWholeAndSplit() {
        assertThat(Terms.query("parseHost")).isEqualTo("'parsehost' | 'parse' | 'host'");
        assertThat(Terms.all("parseHost")).isEqualTo("'parsehost' & 'parse' & 'host'");
        assertThat(Terms.named("parseHost")).isEqualTo("'parsehost':A | 'parse':A | 'host':A");
    }

    @Test
    void snakeCaseGivesOnlyItsPartsBecausePostgresSplitsAtTheUnderscoreItself() {
        // to_tsvector('english', 'HALF_EVEN') holds 'half' and 'even', never 'halfeven': requiring it would match nothing
        assertThat(Terms.all("HALF_EVEN rounding")).isEqualTo("'half' & 'even' & 'rounding'");
    }

    @Test
    void punctuationNeverReachesTheQueryAndAQuestionWithoutWordsHasNone() {
        assertThat(Terms.all("rsplit(\"@\", 1) it's")).isEqualTo("'rsplit' & 'it'");
        assertThat(Terms.query("?! -- ")).isEmpty();
        assertThat(Terms.all("?! -- ")).isEmpty();
    }
}
