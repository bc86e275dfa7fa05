"""How telling a word is, from its frequency in general English (wordfreq's table, shipped in the package).

A word that every text uses ("said", "people") tells two news events apart far less than a rare one
("Kastria", "ferry", "aftershock"). The weight depends on the word alone, never on the batch of articles it
arrives with, so an article is read the same way whether it is sent alone or with a thousand others.

    >>> specificity("said") < specificity("ferry") < specificity("kastria")
    True
"""

from __future__ import annotations

from functools import lru_cache

COMMON_ZIPF = 7.0  # a word this frequent (about "the") says nothing about an event
SPREAD = 5.0  # zipf range over which the weight rises from nothing to full (zipf 2: rare enough)
FLOOR = 0.02  # the least weight any kept word gets
POWER = 1.5  # sharpens the difference between everyday and distinctive words


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common `word` (lower-case) is in English, on the Zipf scale (about 7 for "the", 0 if unknown)."""
    # imported on first use (the warm-up thread): a server need not wait 0.35 s for it before listening
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=65536)
def specificity(word: str) -> float:
    """0..1: how much `word` (lower-case) tells one event from another; unknown words weigh fully."""
    return max(FLOOR, min(1.0, (COMMON_ZIPF - zipf(word)) / SPREAD)) ** POWER


def warm_up() -> None:
    """Load wordfreq's English table now, so the first article is not slow."""
    specificity("warmup")
