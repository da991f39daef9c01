package dev.agentteam.common.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCutTest {

    @Test
    void shortTextAndNullStayAsTheyAre() {
        assertThat(TextCut.head("abc", 3)).isEqualTo("abc");
        assertThat(TextCut.tail("abc", 3)).isEqualTo("abc");
        assertThat(TextCut.headAndTail("abc", 3)).isEqualTo("abc");
        assertThat(TextCut.head(null, 3)).isNull();
        assertThat(TextCut.tail(null, 3)).isNull();
        assertThat(TextCut.headAndTail(null, 3)).isNull();
    }

    @Test
    void headKeepsTheStartAndMarksTheCut() {
        assertThat(TextCut.head("abcdef", 4)).isEqualTo("abcd…");
    }

    @Test
    void tailKeepsTheEndAndSaysHowMuchWasCut() {
        assertThat(TextCut.tail("0123456789", 4)).isEqualTo("[… 6 characters cut …]\n6789");
    }

    @Test
    void headAndTailKeepsAThirdFromTheStartAndTheRestFromTheEnd() {
        assertThat(TextCut.headAndTail("abcdefghijkl", 6)).isEqualTo("ab\n[… 6 characters cut …]\nijkl");
    }
}
