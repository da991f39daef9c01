package dev.agentteam.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffSymbolsTest {

    @Test
    void declaredNamesComeFirstThenTheNamesTheChangedLinesCallWithoutCommonOnes() {
        String diff = """
                diff --git a/textstats/core.py b/textstats/core.py
                --- a/textstats/core.py
                +++ b/textstats/core.py
                @@ -20,3 +20,12 @@ def average_word_length(text):
                     return sum(len(word) for word in found) / len(found)
                +
                +def most_common_words(text, n):
                +    counts = {}
                +    for word in words(text):
                +        counts[word] = counts.get(word, 0) + 1
                +    return sorted(counts.items(), key=rank)[:n]
                -def old_helper(value):
                +        self.assertEqual(most_common_words("a", 1), [("a", 1)])
                """;

        assertThat(DiffSymbols.of(diff, 10)).containsExactly("most_common_words", "old_helper", "words");
        assertThat(DiffSymbols.of(diff, 2)).containsExactly("most_common_words", "old_helper");
    }

    @Test
    void javaMethodsAndCallsAndGoFunctionsAreFound() {
        String diff = """
                +++ b/src/Billing.java
                +    public Money vatAmount(Invoice invoice) {
                +        return invoice.netTotal().times(rate);
                +++ b/cron.go
                +func (f Field) Next(after int) int {
                """;

        assertThat(DiffSymbols.of(diff, 10)).containsExactly("vatAmount", "Next", "netTotal", "times");
    }
}
