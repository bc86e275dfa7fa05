"""The counted noun: what a number counts ("653 drones" -> "drone", "10 other people" -> "people").

Without a tagger, a counted noun phrase is the run of words after the number up to a stop word
(lexicon/noun_stopwords.txt), punctuation or a verb-like word; its head is its last word, lemmatised
(text/lemmas.py). Mapping the noun to a class ("warplane" -> aircraft) is the framing's job (frame/).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.engine import lexicon
from app.engine.extract.number_words import vocab
from app.engine.extract.units import match_unit
from app.engine.text.lemmas import lemma, looks_plural
from app.engine.text.tokens import Token, joined

_MAX_WORDS = 5
_COMPARATIVES = frozenset(("more",))  # skipped before a counted noun ("three more bodies")


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """The counted noun phrase at tokens[start:end]: its words and the lemma of its head."""

    start: int
    end: int
    words: tuple[str, ...]
    head: str
    label: str = ""  # the unit a count is named by: "commercial fisherman" (see counted_label); "" = head


@cache
def stop_words() -> frozenset[str]:
    """Words that end a counted noun phrase (noun_stopwords.txt) and one-word relative days ("overnight")."""
    return lexicon.word_list("noun_stopwords") | lexicon.calendar().relative_words


def is_stop(t: Token) -> bool:
    """Does `t` end a counted noun phrase? (All-caps words are names: "US" is not the pronoun.)"""
    return _stop(t)


def _stop(t: Token) -> bool:
    if len(t.text) > 1 and t.text.isupper():
        return False  # "US", "IT": names, not the pronouns
    return t.lower in stop_words()


def _verb_like(w: str) -> bool:
    return w.endswith(("ed", "ing")) and len(w) > 4


def _numeric_word(w: str) -> bool:
    """Number words start a new quantity: 'four airbases thousands of kilometres apart'."""
    v = vocab()
    return v.is_cardinal(w) or w in v.vague


def _phrase_ends_before(tokens: list[Token], last: int, t: Token) -> bool:
    """A participle after a noun opens a clause ('one video posted online'), and so does a past form that is
    never a noun ('a 1.5-million strong diaspora sent home'; compounds.toml clause_verbs); a lower-case
    singular word after a plural noun is its verb ('two sides initiate talks')."""
    if not t.is_word or not t.text.islower():
        return False
    if _verb_like(t.lower) or t.lower in lexicon.words("compounds", "clause_verbs"):
        return True
    prev = tokens[last].lower
    return _plural(prev) and not prev.endswith(("ss", "us", "is")) and not _plural(t.lower)


_CLAUSE_JOINERS = frozenset(("and", "but", "while", "whereas"))


def subject_of_figure(tokens: list[Token], j: int) -> bool:
    """Is the word at tokens[j], after a figure, the subject of a clause whose object is that figure ("fewer
    than the 170,000 economists had expected", "the 2.5% analysts forecast")? A verb of expecting
    (lexicon/frame.toml [object_relative]) follows it and ends its clause ("40 economists expected a cut"
    counts economists): it says who expected the figure, not what the figure counts."""
    n = len(tokens)
    k = j + 1
    if j >= n or not tokens[j].is_word or k >= n:
        return False
    if tokens[k].lower in ("had", "have", "has") and k + 1 < n:
        k += 1
    if tokens[k].lower not in lexicon.words("frame", "object_relative", "verbs"):
        return False
    return k + 1 >= n or not tokens[k + 1].is_word or tokens[k + 1].lower in _CLAUSE_JOINERS


def noun_phrase(tokens: list[Token], j: int) -> NounPhrase | None:
    """The counted noun phrase starting at tokens[j], or None when the number counts nothing named."""
    n = len(tokens)
    if subject_of_figure(tokens, j):
        return None
    words: list[int] = []
    if j < n and tokens[j].lower in _COMPARATIVES:
        j += 1  # "three more bodies" counts bodies; "three more than before" counts nothing named
    k = j
    parts = 0  # words joined onto the one before by a hyphen or a slash: one word of the phrase
    while k < n and len(words) - parts < _MAX_WORDS:
        t = tokens[k]
        if words and _phrase_ends_before(tokens, words[-1], t):
            break
        if t.is_word and not _stop(t) and not t.lower.endswith("ly") and not _numeric_word(t.lower):
            words.append(k)
            k += 1
            # hyphenated compounds: "ground-to-air", "long-range"; a model's designator: "F-16 jets",
            # "Kh-101 cruise missiles", "Iskander-M/KN-23 ballistic missiles"
            while (
                k + 1 < n
                and tokens[k].text in ("-", "/")
                and joined(tokens, k)
                and joined(tokens, k + 1)
                and (tokens[k + 1].is_word and (tokens[k].text == "-" or tokens[k + 1].text[:1].isupper())
                     or tokens[k + 1].is_num and tokens[words[-1]].text[:1].isupper())
            ):
                words.append(k + 1)
                parts += 1
                k += 2
            continue
        if t.is_num and words and k + 1 < n and tokens[k + 1].is_word and tokens[k + 1].text[0].isupper():
            words.append(k)  # "two new 737 Max jets"
            k += 1
            continue
        if t.lower in ("and", "or") and words and not _plural(tokens[words[-1]].lower):
            cont = _continuation(tokens, k + 1)
            if cont is not None:
                words.extend(cont)
                k = cont[-1] + 1
                continue
        break
    while words and (_verb_like(tokens[words[-1]].lower) or tokens[words[-1]].is_num):
        words.pop()
    if not words:
        return None
    # a capitalised word right after a lower-case head starts a new phrase ("drones Russia ...")
    head = tokens[words[-1]]
    return NounPhrase(
        tokens[words[0]].start,
        head.end,
        tuple(tokens[x].lower for x in words),
        lemma(head.text),
        counted_label(tokens, words),
    )


@cache
def _label_words() -> tuple[frozenset[str], dict[str, str]]:
    t = lexicon.table("compounds")["counted_label"]
    return frozenset(t["left_out"]), dict(t["superlatives"])


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic")


def counted_label(tokens: list[Token], idx: list[int]) -> str:
    """The name of what the phrase at tokens[idx] counts: its modifiers (demonyms lower-cased, superlatives
    at their base) and its head in the singular: 'seven European countries' -> 'european country', 'two
    new 737 Max jets' -> 'new 737 Max jet', '750,000 F-Series pickups' -> 'F-Series pickup'."""
    left_out, _ = _label_words()
    *mods, last = idx
    out: list[str] = []
    for k in mods:
        t = tokens[k]
        if out and k >= 1 and tokens[k - 1].text == "-" and joined(tokens, k - 1) and joined(tokens, k):
            out[-1] += "-" + t.text  # "F-Series", "long-range": one modifier, as written
        elif out and k - 1 in mods and joined(tokens, k):
            out[-1] += t.text  # "777F": one model name, as written
        elif t.lower not in left_out:
            out.append(_modifier(t))
    head = tokens[last]
    base = lemma(head.text)
    if head.text[:1].isupper() and not head.text.isupper():
        base = base[:1].upper() + base[1:]
    if out and last >= 1 and tokens[last - 1].text == "-" and joined(tokens, last - 1):
        return " ".join(out[:-1] + [out[-1] + "-" + base])  # "ground-to-air missile"
    return " ".join([*out, base])


def _modifier(t: Token) -> str:
    w = t.lower
    if t.text[:1].isupper() and not t.text.isupper():
        return w if w.endswith(_DEMONYM_ENDINGS) else t.text  # "European" -> "european"; "FA Cup"
    if t.text.isupper() or t.is_num:
        return t.text
    return superlative_base(w)


@cache
def superlative_base(word: str) -> str:
    """'best' -> 'good', 'oldest' -> 'old', 'largest' -> 'large', 'busiest' -> 'busy'; others as they are."""
    _, irregular = _label_words()
    if word in irregular:
        return irregular[word]
    if len(word) < 6 or not word.endswith("est"):
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        stem = stem[:-1] + "y"
    elif len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stem = stem[:-1]  # "hottest" -> "hot"
    from wordfreq import zipf_frequency

    candidates = [stem, stem + "e"]
    best = max(candidates, key=lambda c: zipf_frequency(c, "en"))
    comparative = word[:-3] + "er"
    if zipf_frequency(comparative, "en") < _COMPARATIVE_ZIPF or zipf_frequency(best, "en") < 3:
        return word
    return best


_COMPARATIVE_ZIPF = 1.7  # "realer" (1.8) is a word, "forer" (1.3) is not: "forest" is no superlative


def _continuation(tokens: list[Token], k: int) -> list[int] | None:
    """'strike and decoy drones': after 'and', words ending in a plural noun continue the phrase."""
    out: list[int] = []
    n = len(tokens)
    while k < n and len(out) < 3 and tokens[k].is_word and not _stop(tokens[k]):
        if _verb_like(tokens[k].lower) or vocab().is_cardinal(tokens[k].lower):
            return None  # "five people and injured nine others": a new clause
        out.append(k)
        k += 1
    if out and _plural(tokens[out[-1]].lower):
        return out
    return None


def _plural(word: str) -> bool:
    return looks_plural(word)


def out_of(tokens: list[Token], j: int) -> int | None:
    """'52 out of 80 drones': the index of the second number, whose noun the first shares."""
    if (
        j + 2 < len(tokens)
        and tokens[j].lower == "out"
        and tokens[j + 1].lower == "of"
        and tokens[j + 2].is_num
    ):
        return j + 2
    return None


def participle_noun(tokens: list[Token], k: int) -> NounPhrase | None:
    """'the injured', 'the dead': one lower-case word used as a noun, closing its phrase."""
    if k >= len(tokens) or not tokens[k].is_word or not tokens[k].text.islower() or is_stop(tokens[k]):
        return None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and not is_stop(nxt):
        return None
    word = tokens[k]
    if not word.lower.endswith("ed") and word.lower not in lexicon.words("compounds", "adjective_nouns"):
        return None
    return NounPhrase(word.start, word.end, (word.lower,), word.lower)


def noun_before_dash(tokens: list[Token], i: int) -> NounPhrase | None:
    """'the biggest number of drones — 472 — at Ukraine': the noun right before a dash or colon."""
    if i >= 2 and tokens[i - 1].text in ("—", "–", ":") and tokens[i - 2].is_word:
        word = tokens[i - 2]
        if word.text.islower() and not is_stop(word) and word.lower.endswith("s"):
            return NounPhrase(word.start, word.end, (word.lower,), lemma(word.text))
    return None


def per_duration(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """'... per day', '... a minute': the time unit a count is a rate over; 'a year ago' says when
    (units.toml not_a_rate_after)."""
    n = len(tokens)
    if j + 1 < n and tokens[j].lower in ("per", "a", "an", "each", "every"):
        hit = match_unit(tokens, j + 1, allow_quantulum=False)
        if hit is not None and hit[0].kind == "duration" and hit[1] == j + 2:
            if hit[1] < n and tokens[hit[1]].lower in lexicon.words("units", "not_a_rate_after"):
                return None
            return hit[0].name, hit[1]
    return None


def index_after(tokens: list[Token], char_end: int) -> int:
    """The index of the token after the one ending at `char_end` (a noun phrase's last word)."""
    for idx, t in enumerate(tokens):
        if t.end >= char_end:
            return idx + 1
    return len(tokens)
