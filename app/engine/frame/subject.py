"""Whose figure it is and what it measures: the names of a sentence, a claim's holder and its measure.

    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("With most ballots counted, Dana Orlov has 48.2% and Milo Vesk 39%.")[0]
    >>> names = names_of(s.words)
    >>> holder_of(s.words, s.clauses, names, 7, 9)
    'dana orlov'
    >>> s = read_sentences("The confirmed death toll stands at 24, officials said.")[0]
    >>> measure_of(s.words, s.clauses, 5, 6)
    'toll'

A name is a run of capitalised words inside a sentence (a sentence's first word only when it is no common
English word). Word lists: lexicon/frame.toml ([holder], [measure]).
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.frame.counted import DETERMINERS, is_number
from app.engine.frame.place import whose_not_where
from app.engine.lexicon.background import zipf
from app.engine.text import Token, is_plural, lemma

Name = tuple[int, int, str]  # first word, word after the last, the name in lower case
_COMMON_ZIPF = 3.0  # a sentence's first word is a name only if it is rarer than this in English (zipf)
_TITLES = frozenset(("mr", "mrs", "ms", "dr", "president", "prime", "minister", "governor", "mayor",
                     "sheriff", "chief", "general", "gen", "sen", "senator", "rep", "judge", "coach",
                     "captain", "ceo", "chairman", "chairwoman", "director", "secretary", "spokesman",
                     "spokeswoman", "spokesperson", "head", "commissioner", "lt", "col", "sgt", "officer"))


@cache
def _not_names() -> frozenset[str]:
    return lx.stopwords() | lx.calendar().names | lx.words("frame", "places", "not_places")


def _capitalised(t: Token) -> bool:
    return t.is_word and t.text[:1].isupper()


def names_of(words: list[Token]) -> list[Name]:
    """The names of a sentence, left to right, once per sentence (titles such as "Governor" dropped)."""
    out: list[Name] = []
    i, n = 0, len(words)
    banned = _not_names()
    while i < n:
        t = words[i]
        if not _capitalised(t) or (i > 0 and not t.space_before and is_number(words[i - 1])):
            i += 1  # "36C", "7bn", "5K": a unit written onto its figure is no name
            continue
        starts_sentence = i == 0 or words[i - 1].norm in (".", "“", '"', ":", "—")
        if t.norm in _options() and not starts_sentence:
            out.append((i, i + 1, t.norm))  # a ballot's option: "the No side", "43.7% for Yes"
            i += 1
            continue
        if t.norm in banned or (starts_sentence and zipf(t.norm) >= _COMMON_ZIPF):
            i += 1
            continue
        j = i + 1
        while j < n and _capitalised(words[j]) and words[j].norm not in banned:
            j += 1
        parts = [w.norm for w in words[i:j] if w.norm not in _TITLES]
        if parts:
            out.append((i, j, " ".join(parts)))
        i = j
    return out


def _possessive(t: Token) -> bool:
    return t.lower.endswith(("'s", "’s"))


def holder_of(words: list[Token], clauses: list[int], names: list[Name], first: int, after: int
              ) -> str | None:
    """The name the figure at words[first:after] belongs to: a name before it in its clause with only
    linking words between ("Varga has 41.4%", "Brannik on 32.6%"), a possessive before its measure
    ("Halvorsen's profit of £312m"), a name right before its bracket ("Varga (41.3%)"); a name after "for"
    ("48% for Orlov") first of all."""
    table = lx.table("frame")["holder"]
    links, reach = lx.words("frame", "holder", "links"), table["reach"]
    here = clauses[first] if first < len(clauses) else None
    named = _named_after(words, names, after)
    if named:
        return named
    preps = lx.words("frame", "places", "prepositions")
    for start, end, name in reversed(names):
        if end > first:
            continue
        if start > 0 and words[start - 1].norm in preps and not whose_not_where(words[end - 1],
                                                                               words[start - 1].norm):
            break  # "In Travis County six people died": a place, not whose figure it is
        if start > 0 and words[start - 1].norm in lx.words("frame", "holder", "opponent_before"):
            break  # "beating Marlow Athletic 3-1": the side beaten, not whose score it is
        if first - end > reach + 2 or clauses[end - 1] != here and words[end].norm != "(":
            break
        between = words[end:first]
        if between and between[0].norm == "(" and len(between) == 1:
            return name
        saying = lx.words("frame", "attribution", "verbs")
        spoken = [w for w in between if w.is_word]  # a figure before it is no word: "Alemu's 2:19:07 took"
        if _possessive(words[end - 1]) and len(spoken) <= 3 and all(
                (w.is_word or is_number(w) or w.norm == ":") and w.norm not in saying for w in between):
            return name  # "Halvorsen's quarterly profit of £312m", "Alemu's 2:19:07 took 84 seconds off"
        if len(between) <= reach and all(w.norm in links or qualifying(w) for w in between):
            return name
        break
    subject = _clause_subject(words, clauses, names, first)
    if subject:
        return subject
    return None


def _named_after(words: list[Token], names: list[Name], after: int) -> str | None:
    """A name right after the figure that says whose it is: "48% for Orlov", "56.3% voting No", an option
    right after its share ("43.7% Yes"). It wins over a name before ("received 1,849,206 votes against
    1,517,871 for Brannik")."""
    table = lx.table("frame")["holder"]
    starts = {start: name for start, _end, name in names}
    if after in starts and starts[after] in _options():
        return starts[after]
    for k in range(after, min(after + 3, len(words))):
        if is_number(words[k]):
            break
        if words[k].norm in table["after"] and k + 1 in starts:
            return starts[k + 1]
    return None


@cache
def _options() -> frozenset[str]:
    return lx.words("frame", "holder", "options")


SUBJECT_REACH = 12  # words from a clause's subject to a figure it holds ("Alemu won the women's race in ...")


def _clause_subject(words: list[Token], clauses: list[int], names: list[Name], first: int) -> str | None:
    """The name that opens the figure's clause as the subject of a verb of holding ("Meskerem Alemu won the
    women's race in 2:19:07", "Orlov finished second with 39%")."""
    here = clauses[first] if first < len(clauses) else None
    verbs = lx.words("frame", "holder", "verbs")
    for start, end, name in reversed(names):
        if (end + 1 < len(words) and words[end].norm == "," and words[end + 1].norm in verbs
                and clauses[end + 1] == here and end < first <= end + SUBJECT_REACH):
            return name  # "Her rival, former defence minister Teodor Brannik, took 33.9 percent"
        if end > first or first - end > SUBJECT_REACH or clauses[start] != here:
            continue
        before = words[start - 1] if start > 0 else None
        opens = (before is None or not before.is_word or clauses[start - 1] != here or _possessive(before)
                 or _lead_in(words, clauses, start))
        if end < len(words) and words[end].norm in verbs and opens:  # "Ethiopia's Meskerem Alemu won"
            return name
    return None


def participle_subject(words: list[Token], clauses: list[int], names: list[Name], first: int) -> str | None:
    """The subject of the main clause a participle clause hangs on holds the participle clause's figures
    ("Kenya's Elias Tarus broke the record, winning in 2:05:41 and taking 42 seconds off it"; "Alemu (ETH)
    ran 2:19:07, breaking the record by 84 seconds"): the last name before that clause that opens a clause
    and is followed, past a bracketed aside, by a lower-case word."""
    opener = first
    while opener > 0 and clauses[opener - 1] == clauses[opener]:
        opener -= 1
    if words[opener].norm == ",":  # a clause opens with its comma
        opener += 1
    lead = words[opener].norm if opener < first else ""
    if opener == 0 or not (lead.endswith("ing") and len(lead) > 4 and words[opener - 1].norm == ","):
        return None
    found = None
    for start, end, name in names:
        if end > opener:
            break
        before = words[start - 1] if start > 0 else None
        opens = (before is None or not before.is_word or clauses[start - 1] != clauses[start]
                 or _possessive(before) or _lead_in(words, clauses, start))
        k = end
        if k < len(words) and words[k].norm == "(":  # "Meskerem Alemu (ETH) ran"
            while k < len(words) and words[k].norm != ")":
                k += 1
            k += 1
        if opens and k < opener and words[k].is_word and words[k].text[:1].islower() \
                and words[k].norm not in lx.stopwords():
            found = name
    return found


def figure_clauses(words: list[Token], clauses: list[int]) -> list[int]:
    """The sentence's clause numbers with no boundary at a colon between digits: "2:20:31" and "won 3:1"
    are figures, and the name before one still holds the figure after it ("Alemu's 2:19:07 took 84
    seconds off")."""
    out, shift = [], 0
    for i, c in enumerate(clauses):
        if (words[i].norm == ":" and 0 < i < len(words) - 1 and is_number(words[i - 1])
                and is_number(words[i + 1])):
            shift += 1
        out.append(c - shift)
    return out


def measure_of(words: list[Token], clauses: list[int], first: int, after: int) -> str | None:
    """What the measure at words[first:after] measures, when the sentence names it: the noun before "of"
    right before it ("winds of 215 km/h", "a turnout of 61%"), or the subject of the verb leading to it
    ("the death toll stands at 24", "unemployment fell to 4.1%")."""
    if first >= 2 and words[first - 1].norm == "of" and _noun(words[first - 2]):
        return _segmented(words, first - 2)
    verbs, reach = lx.words("frame", "measure", "verbs"), lx.table("frame")["measure"]["reach"]
    here = clauses[first] if first < len(clauses) else None
    k = first - 1
    asides = _asides()
    while k >= 0 and first - k <= reach and (words[k].norm in verbs or qualifying(words[k]) and not
                                             _determined(words, k) or words[k].norm in asides) and \
            clauses[k] == here and words[k].norm not in _COORDINATORS:
        k -= 1
    if k < first - 1 and k >= 0 and words[k].norm in _COORDINATORS:
        # "earnings rose 0.4% in the month and were up 3.9%": the verb after "and" shares the subject of
        # the figure before it
        before = next((j for j in range(k - 1, -1, -1) if is_number(words[j]) and clauses[j] == here), None)
        return measure_of(words, clauses, before, before + 1) if before is not None else None
    if k < first - 1 and k >= 0 and clauses[k] == here and not (_noun(words[k]) or _opening_noun(words, k)):
        k = _complemented(words, clauses, k)  # "the death toll from the floods in Valmora stood at 12"
    if k < first - 1 and k >= 0 and clauses[k] == here and (_noun(words[k]) or _opening_noun(words, k)):
        figure = _figure_of_unit(words, clauses, k)
        if figure is not None:  # "grew 8 per cent to EUR 2.1bn": what the 8 per cent measures
            return measure_of(words, clauses, figure, figure + 1)
        if words[k].norm in _territories():
            return None  # "rain fell on parts of Santa Ines province in 36 hours": a place, no measure
        head = _phrase_head(words, clauses, k)
        if head < k and _change_noun(words, head):
            head = k  # "a 12% drop in annual profit to £186m": the profit, not the drop
        if lemma(words[head].norm) in lx.words("frame", "measure", "holders"):
            return None  # "the chain lost £48 million": whose figure, not what it measures
        return _segmented(words, head)
    return None


def _change_noun(words: list[Token], k: int) -> bool:
    """A noun of change before what changed ("a drop in profit", "the rise of unemployment"; the words of
    lexicon/trends.toml)."""
    trends = lx.words("trends", "up") | lx.words("trends", "down")
    return words[k].norm in trends and k + 1 < len(words) and words[k + 1].norm in ("in", "of")


@cache
def _asides() -> frozenset[str]:
    """What may stand between a subject and its verb besides verbs ("Food prices, however, were 5.3%")."""
    return lx.words("frame", "clauses", "adverbs") | {","}


def _determined(words: list[Token], k: int) -> bool:
    """A qualifier word after a determiner is a noun, what is measured ("the maximum is £110m")."""
    return k > 0 and words[k - 1].norm in DETERMINERS


def _figure_of_unit(words: list[Token], clauses: list[int], k: int) -> int | None:
    """The number whose unit words end at words[k] ("8 per cent", "0.25 percentage points"), or None."""
    units = lx.words("frame", "measure", "unit_words")
    j = k
    while j >= 0 and k - j < 3 and words[j].norm in units and clauses[j] == clauses[k]:
        j -= 1
    return j if j < k and j >= 0 and is_number(words[j]) else None


@cache
def _territories() -> frozenset[str]:
    """Kinds of place ("province", "county"), singular and plural: where a figure is, never what it
    measures; an "area" may be measured (lexicon/frame.toml [measure] measured_places)."""
    kinds = lx.words("frame", "places", "kinds") - lx.words("frame", "measure", "measured_places")
    return frozenset(kinds | {f"{k}s" for k in kinds})


_COORDINATORS = frozenset(("and", "but", "or"))


_PP_REACH = 6  # words of a prepositional phrase between a subject's head and the verb


def _phrase_head(words: list[Token], clauses: list[int], k: int) -> int:
    """The head of the subject whose last word is words[k]: the noun before the complements ending there
    ("the yield on 10-year government bonds rose" -> yield, "demand for diesel fell" -> demand, "the death
    toll from the floods in Valmora stood" -> toll). The prepositions are lexicon/frame.toml [measure]
    complements."""
    while (head := _complemented(words, clauses, k)) != k:
        k = head
    return k


def _complemented(words: list[Token], clauses: list[int], k: int) -> int:
    """The noun before the one complement that ends at words[k] ("demand for diesel": demand), else k."""
    complements = lx.words("frame", "measure", "complements")
    for p in range(k - 1, max(-1, k - 1 - _PP_REACH), -1):
        w = words[p]
        if clauses[p] != clauses[k] or not (w.is_word or is_number(w) or w.norm in ("-", "–")):
            break  # "10-year" is three words
        if w.norm in complements:
            head = p - 1
            noun = head >= 0 and (_noun(words[head]) or _opening_noun(words, head))
            return head if noun and clauses[head] == clauses[k] else k
    return k


def _segmented(words: list[Token], k: int) -> str:
    """The measured noun at words[k], with the plural noun right before it that names a segment of it
    ("snacks revenue" -> "snack revenue", "services sales"); an adjective or a determiner is no segment."""
    head = lemma(words[k].norm)
    if k >= 1:
        mod = words[k - 1]
        lower = mod.text[:1].islower() or k - 1 == 0
        plural_noun = is_plural(mod.norm) and _noun(mod, True) and mod.norm not in lx.stopwords()
        if mod.is_word and lower and plural_noun:
            return f"{lemma(mod.norm)} {head}"
        if mod.is_word and lower and words[k].norm in lx.words("frame", "measure", "generic") and \
                _noun(mod, True) and mod.norm not in lx.words("frame", "measure", "neutral"):
            return f"{mod.norm} {head}"  # "the unemployment rate", "the participation rate"
    return head


def _opening_noun(words: list[Token], k: int) -> bool:
    """The sentence's first word, capitalised only because it opens the sentence, may be what is measured
    ("Profit climbed to $412m", "Turnout was 61%", "Unemployment fell to 4.1%"): a common English word."""
    t = words[k]
    return k == 0 and t.is_word and zipf(t.norm) >= _COMMON_ZIPF and _noun(t, opening=True)


@cache
def _qualifier_words() -> frozenset[str]:
    return frozenset(w for phrase in (*lx.qualifiers().before, *lx.qualifiers().after) for w in phrase)


def qualifying(t: Token) -> bool:
    """A word of a qualifier phrase ("nearly", "more than", "just over"): it may stand before a figure."""
    return t.norm in _qualifier_words()


def _noun(t: Token, opening: bool = False) -> bool:
    """Can `t` be the head noun of what is measured: a lower-case content word (or any content word opening
    the sentence), not a number or a verb."""
    if not t.is_word or not (opening or t.text[:1].islower()) or is_number(t):
        return False
    low = t.norm
    if low in lx.stopwords() or low in lx.words("frame", "measure", "verbs") or _holding(low):
        return False
    return not (low.endswith("ed") or low.endswith("ly"))


def _holding(word: str) -> bool:
    """A verb of holding or its participle ("won", "winning", "finishing"): whose figure, not what it is."""
    return word in lx.words("frame", "holder", "verbs") or word in lx.words("frame", "holder", "participles")


LEAD_IN = 3  # words of a description that may open a clause before its subject's name


def _lead_in(words: list[Token], clauses: list[int], start: int) -> bool:
    """Only a short description opens the clause before the name ("Corvesse schoolteacher Anouk Demers
    finished 12th"): a few words, none of them a verb of saying or holding."""
    here = clauses[start]
    verbs = lx.words("frame", "holder", "verbs") | lx.words("frame", "attribution", "verbs")
    k = start - 1
    while k >= 0 and words[k].is_word and clauses[k] == here and start - k <= LEAD_IN:
        if words[k].norm in verbs:
            return False
        k -= 1
    return k < 0 or not words[k].is_word or clauses[k] != here


def age_holder(words: list[Token], names: list[Name], first: int, after: int) -> str | None:
    """Whose age it is: the name it stands beside ("the 52-year-old Varga", "Brannik, 67, said")."""
    for start, end, name in names:
        if start == after:
            return name  # "52-year-old Varga"
        if end == first - 1 and words[end].norm == "," and (after >= len(words) or words[after].norm in ",)"):
            return name  # "Brannik, 67,": an age in apposition
    return None


def scale_subject(words: list[Token], first: int, after: int, scale: str) -> str | None:
    """What a reading on `scale` reads: the noun before "of <scale>" ("an aftershock of magnitude 6.4") or
    after "<figure>-<scale>" ("a 7.7-magnitude quake")."""
    k = first - 1
    if k >= 0 and words[k].norm == scale:
        k -= 1
    if k >= 1 and words[k].norm == "of" and _noun(words[k - 1]):
        return lemma(words[k - 1].norm)
    j = after
    while j < len(words) and (words[j].norm in ("-", "‑", scale)):
        j += 1
    if j > after and j < len(words) and words[j - 1].norm == scale and _noun(words[j]):
        return lemma(words[j].norm)
    return None

