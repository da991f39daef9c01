import unittest

from textstats import average_word_length, word_count, words


class WordsTest(unittest.TestCase):

    def test_splits_on_spaces_and_punctuation_and_lowercases(self):
        self.assertEqual(words("Hello, world! Hello again."), ["hello", "world", "hello", "again"])

    def test_keeps_inner_apostrophes(self):
        self.assertEqual(words("Don't stop"), ["don't", "stop"])

    def test_empty_text_has_no_words(self):
        self.assertEqual(words(""), [])

    def test_none_is_rejected(self):
        with self.assertRaises(TypeError):
            words(None)


class WordCountTest(unittest.TestCase):

    def test_counts_words(self):
        self.assertEqual(word_count("one two  three"), 3)

    def test_punctuation_only_has_no_words(self):
        self.assertEqual(word_count("... !!"), 0)


class AverageWordLengthTest(unittest.TestCase):

    def test_mean_length(self):
        self.assertAlmostEqual(average_word_length("ab abcd"), 3.0)

    def test_no_words_is_zero(self):
        self.assertEqual(average_word_length(""), 0.0)


if __name__ == "__main__":
    unittest.main()
