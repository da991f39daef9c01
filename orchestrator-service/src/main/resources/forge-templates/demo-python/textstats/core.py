"""Word-level statistics of a text."""

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text):
    """Return the lower-cased words of text, in order.

    A word is a run of letters or digits, possibly with inner apostrophes ("don't").
    """
    if text is None:
        raise TypeError("text must be a string, not None")
    return _WORD.findall(text.lower())


def word_count(text):
    """Return the number of words in text."""
    return len(words(text))


def average_word_length(text):
    """Return the mean length of the words in text, or 0.0 when it has none."""
    found = words(text)
    if not found:
        return 0.0
    return sum(len(word) for word in found) / len(found)
