"""According to whom, and whether the count is negated.

    >>> from app.engine.text import read_sentences
    >>> attribution_of(read_sentences("Russia fired 472 drones, the U.S. military said.")[0].words)
    'the u.s. military'
    >>> claimant_spots(read_sentences("Turnout was 61%, Kastria's election commission said.")[0].words)
    [(8, 'kastria election commission', range(5, 8))]

Word lists: lexicon/frame.toml ([attribution], [negation]).
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.extract.nouns import stop_words
from app.engine.frame.counted import DETERMINERS, is_number, number_words
from app.engine.text import Token, lemma

_RUN = 6  # words of a source name read at most


def attribution_of(words: list[Token]) -> str | None:
    """Who says so, once per sentence: "according to local officials", "the air force said", "said the
    governor"."""
    verbs = lx.words("frame", "attribution", "verbs")
    punct = lx.words("frame", "clauses", "punctuation") | {".", "“", "”", '"'}
    for i, t in enumerate(words):
        if t.norm not in verbs or _tallied(words, i):
            continue
        if t.norm == "according" and i + 1 < len(words) and words[i + 1].norm == "to":
            found = _run(words, i + 2, 1, punct)
        else:
            found = _run(words, i - 1, -1, punct)
            if not found or found[-1] in ("that", "it", "he", "she", "they"):
                found = _run(words, i + 1, 1, punct)
        found = [w for w in found if w != "that"]
        if found:
            return " ".join(found)
    return None


def _tallied(words: list[Token], i: int) -> bool:
    """'with 97% of polling stations counted': a count's progress, nobody saying anything."""
    things = {p.split()[-1] for p in lx.table("modality")["partial"]["counted_things"]}
    return i > 0 and words[i - 1].norm in things


def _run(words: list[Token], i: int, step: int, punct: frozenset[str]) -> list[str]:
    out: list[str] = []
    while 0 <= i < len(words) and words[i].norm not in punct and len(out) < _RUN:
        out.append(words[i].lower.replace("’", "'"))
        i += step
    return out if step > 0 else out[::-1]


@cache
def _claimant_stops() -> frozenset[str]:
    """Words a source's name never holds: clause words, verbs of saying, pronouns (lexicon/frame.toml), and
    the calendar's days, months and relative days ("officials said Wednesday": no source "wednesday")."""
    calendar = lx.calendar()
    days = calendar.names | {parts[0] for parts in calendar.relative_days if len(parts) == 1}
    kept = {"of", "the", "and"}  # may stand inside a source's name ("the Bank of England")
    qualifying = {w for phrase in lx.qualifiers().before for w in phrase} - kept  # "said nearly 1.5 million"
    return ((stop_words() | lx.words("frame", "noun_phrase", "stop")) - kept) | lx.words(
        "frame", "attribution", "verbs") | lx.words("frame", "attribution", "not_sources") | days | qualifying


Spot = tuple[int, str, range]  # word index of the verb of saying, the source's name, the words it spans


def claimant_spots(words: list[Token]) -> list[Spot]:
    """Every source a sentence names, once per sentence: the noun phrase before or after a verb of saying,
    or after "according to" ("the health ministry said" -> "health ministry"); pronouns and words that
    name no source are left out."""
    verbs = lx.words("frame", "attribution", "verbs")
    out = []
    for i, t in enumerate(words):
        if t.norm not in verbs or _tallied(words, i):
            continue
        if t.norm == "according":
            found = _name_run(words, i + 2, 1) if i + 1 < len(words) and words[i + 1].norm == "to" else None
        elif i > 0 and (words[i - 1].norm in _PASSIVE or (
                i > 1 and words[i - 1].norm in lx.words("frame", "passive", "links")
                and words[i - 2].norm in _PASSIVE)):
            continue  # "31 people had been confirmed dead", "are now confirmed dead": no one says so
        elif i > 0 and (words[i - 1].norm in _MODIFYING or is_number(words[i - 1])):
            continue  # "the number of confirmed cases", "12 reported deaths": a participle, no saying
        else:
            found = _name_run(words, _before_apposition(words, i), -1) or _name_run(words, i + 1, 1)
        if found:
            name, span = found
            out.append((i, name, span))
    return out


_MODIFYING = frozenset((*DETERMINERS, "of", "a", "an", "all", "new", "more"))  # before a participle


def _before_apposition(words: list[Token], i: int) -> int:
    """Where the source's name before the verb at words[i] ends: right before it, before the comma that
    closes an apposition ("organisers, the Harbour Alliance, said" -> "the Harbour Alliance"), or at the
    short name in brackets it is known by ("The National Workers' Front (FNT) said" -> "FNT")."""
    if i >= 3 and words[i - 1].norm == ")" and words[i - 3].norm == "(":
        return i - 2
    return i - 2 if i >= 2 and words[i - 1].norm == "," else i - 1


def claimant_for(spots: list[Spot], first: int, after: int) -> str | None:
    """The source of the figure at words[first:after]: an "according to X" (or "X said") right after it,
    within a few words ("about 400,000, according to police, or 1.5 million, according to unions"), else
    the nearest source whose verb of saying comes before it ("the ministry counted 412,000, while unions
    said more than 1.5 million"), else the sentence's first source."""
    for index, name, span in spots:
        # "about 400,000, according to police", "38,000 people, police said": a source named right after
        # the figure, with nothing but a comma between ("412,000, while unions said 1.5 million" is not)
        if after <= index <= after + _NEAR and (span.start > index or span.start <= after + 1):
            return name
    before = [name for index, name, span in spots if index < first and span.stop <= first]
    if before:
        return before[-1]
    return spots[0][1] if spots else None


_PASSIVE = frozenset(("be", "been", "being", "is", "are", "was", "were"))
_NEAR = 3  # words between a figure and the source named right after it


def source_words(claimant: str | None) -> frozenset[str]:
    """The telling words of a source's name ("health ministry" -> health, ministry); none when the source
    is vague ("officials", lexicon/frame.toml [attribution] generic)."""
    if not claimant:
        return frozenset()
    generic = lx.words("frame", "attribution", "generic")
    aliases = lx.actor_aliases()  # "ukrainian" and "ukraine" name one source
    return frozenset(aliases.get((w,), lemma(w)) for w in claimant.split()
                     if w not in generic and w not in ("the", "of", "and"))


def _name_run(words: list[Token], i: int, step: int) -> tuple[str, range] | None:
    """The source name read from word i in direction `step` and the words it spans: words of a name (no
    numbers, no clause words), leading determiners and a trailing "of"/"and" dropped."""
    stops = _claimant_stops()
    start, out = i, []
    while 0 <= i < len(words) and len(out) < _RUN:
        t = words[i]
        if not t.is_word or t.norm in stops or t.norm in lx.words("frame", "clauses", "punctuation"):
            break
        if t.norm in number_words() or (t.text.islower() and t.norm.endswith(("ed", "ing"))):
            break  # "counted three deaths", "that seven people were": a clause, not a name
        out.append(t.norm)
        i += step
    span = range(start, i) if step > 0 else range(i + 1, start + 1)
    if step < 0:
        out.reverse()
    while out and out[0] in ("the", "a", "an", "of", "and"):
        out.pop(0)
    while out and out[-1] in ("the", "of", "and"):
        out.pop()
    if not any(w not in lx.words("frame", "attribution", "generic") for w in out):
        return None
    return " ".join(out), span


@cache
def _negations() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in lx.words("frame", "negation"))


def negated(words: list[Token], first: int) -> bool:
    """True when a negation or an exception ("all but two regions") comes within three words before the
    count."""
    before = tuple(t.norm for t in words[max(0, first - 3) : first])
    phrases = _negations()
    return any(before[i:j] in phrases for i in range(len(before)) for j in range(i + 1, len(before) + 1))


def says_when(words: list[Token], first: int, after: int) -> bool:
    """True when the date or time at words[first:after] tells when something was said or published, no
    fact of the story: "officials said Friday", a dateline ("VALMIRA, Feb 12 (Meridian) -"), a masthead
    ("Maravali Today | Tuesday, 17 March 2026"), a live page's stamp ("14:02 BREAKING:", "7:05 a.m. -")."""
    if _as_of(words, first):
        return True
    k = first - 1
    if k >= 0 and words[k].norm in (",", "on"):  # "officials said Friday", "said on Tuesday"
        k -= 1
    if k >= 0 and words[k].norm in lx.words("frame", "attribution", "verbs"):
        return True
    nxt = words[after].norm if after < len(words) else ""
    if first <= _DATELINE and nxt in ("(", "-", "–", "—", ":", "|") or (after == len(words) and first == 0):
        return all(w.text[:1].isupper() or not w.is_word for w in words[:first])  # only the place before it
    return any(w.norm == "|" for w in words[:first])


def _as_of(words: list[Token], first: int) -> bool:
    """"as of Monday", "figures up to Sunday": the date the figures were counted to."""
    before = [t.norm for t in words[max(0, first - 3) : first]]
    table = lx.table("frame")["attribution"]
    for phrase in table["as_of"]:
        if before[-len(phrase.split()):] == phrase.split():
            return True
    if before and before[-1] in table["up_to"]:
        rest = before[:-1]
        if rest and rest[-1] == "up":
            rest = rest[:-1]
        return bool(rest) and rest[-1] in table["tallies"]
    return False


_DATELINE = 4  # words before a date at the head of a sentence that a dateline may hold ("VALMIRA,")
