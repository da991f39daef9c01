"""Small text statistics."""

from textstats.core import average_word_length, word_count, words

__all__ = ["average_word_length", "word_count", "words"]
