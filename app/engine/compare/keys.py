"""When two claims can state one fact: their fact keys compared, value-blind (hard) and value-aware (soft).

    hard: another actor, action, place, subtype, span, holder, measure or segment, time, negation: never
          one fact
    soft: a scope one side lacks (a subtype, a place, a segment, a span, a modality, a margin's holder),
          another named source's count, nothing shared but the noun, a bound far from the figure it meets:
          one fact only when the values agree (a part never conflicts with its whole)

    >>> from app.engine import extract_claims
    >>> from app.engine.compare.align import make_item
    >>> from app.engine.model import ClaimRef
    >>> def item(text): return make_item(ClaimRef(text[:8], 0), extract_claims(text)[0], "x", 0)
    >>> soft_conflict(item("The army said the enemy fired 51 missiles."),
    ...               item("The army said the enemy fired 36 cruise missiles."))
    'part (subtype)'
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from app.engine import lexicon as lx
from app.engine.compare.context import context_similarity
from app.engine.compare.intervals import in_percent, same_basis, values_meet
from app.engine.compare.items import AlignItem, is_running, label_other_figures, restated
from app.engine.frame.attribution import source_words
from app.engine.frame.polarity import opposite
from app.engine.model import Claim, Frame


def places(item: AlignItem) -> frozenset[str]:
    return frozenset(item.claim.frame.place.split("; ")) if item.claim.frame.place else frozenset()


@cache
def _strict_subtypes() -> frozenset[str]:
    return (lx.words("frame", "subtypes") | lx.words("frame", "subtypes", "sectors")) - lx.words(
        "frame", "subtypes", "loose")


def subtypes(item: AlignItem) -> frozenset[str]:
    """The strict subtypes ("ballistic", "cruise") among the words of the counted noun and its modifiers."""
    return _frame_subtypes(item.claim.frame.modifiers, item.claim.frame.noun)


@lru_cache(maxsize=8192)
def _frame_subtypes(modifiers: tuple[str, ...], noun: str | None) -> frozenset[str]:
    strict = _strict_subtypes()
    qualifying = (noun or "").split()[:-1]  # "cruise missile": cruise; the head "passenger" is no subtype
    return frozenset(m for m in (*modifiers, *qualifying) if m in strict)


def rate(item: AlignItem) -> str:
    """What a sum is per ("$1.51 a share" -> "share", "$31.40 an hour" -> "hour"), or ""."""
    return (item.claim.value.unit or "").partition(" per ")[2] if item.block[0] == "money" else ""


FRONTED = 6  # words of an opening "In <place>," that scopes a sentence to a place


def fronted_place(item: AlignItem) -> bool:
    """Does the claim's sentence open with "In <one of its places>," ("In Tessin, Kesh won 61.4%")? Such a
    sentence states the place's own figure; a place named further on often only says where it was said."""
    opening = _opening_place(item.claim.sentence)
    return bool(opening) and any(place in opening for place in places(item))


@lru_cache(maxsize=4096)
def _opening_place(sentence: str) -> str:
    """The words of an opening "In ...," of a sentence, lowercased ("" when it has none)."""
    if sentence[:3].lower() != "in ":
        return ""
    words = sentence[:200].lower().split()
    comma = next((k for k, w in enumerate(words[:FRONTED]) if w.endswith(",")), None)
    return " ".join(words[1 : comma + 1]).rstrip(",") if comma is not None else ""


def subset(item: AlignItem) -> bool:
    """"Two of the injured", "19 of those killed": some of a set, said to be something more; a place makes
    the subset the place's own count ("in Kerr County, 68 of the dead") and no subset of it."""
    return "subset" in item.claim.frame.modifiers and not item.claim.frame.place


def one_sided_scope(a: AlignItem, b: AlignItem) -> str | None:
    """What one claim states and the other does not: a subtype ("36 cruise missiles" against "51
    missiles"), a place ("two in Lviv" against "eight people"), a modality ("economists expected 170,000"
    against "added 143,000"). The narrower figure may be a part of the wider one, or another figure
    altogether, so the two are one fact only when their values agree."""
    if bool(subtypes(a)) != bool(subtypes(b)):
        return "subtype"
    if bool(rate(a)) != bool(rate(b)):
        return "rate"  # "$1.51 a share" is no price of "$139.02" (but "earnings per share of $1.51" may be)
    if subset(a) != subset(b):
        return "subset"  # "two of the injured are in critical condition" is not the injured
    if a.block[0] == "count" and bool(places(a)) != bool(places(b)):
        return "place"
    if a.block[0] == "percent" and fronted_place(a) != fronted_place(b):
        return "place"  # "In Tessin, Kesh won 61.4%": a region's share, maybe of the national one
    if a.claim.frame.measure and b.claim.frame.measure and bool(segment(a)) != bool(segment(b)):
        return "segment"  # "snacks revenue was $1.6bn" is a part of "revenue of $4.2 billion"
    if bool(a.claim.frame.window) != bool(b.claim.frame.window):
        return "span"  # "7 inches of rain in just 4.5 hours" is a burst of the night's rain
    if {a.claim.frame.modality, b.claim.frame.modality} - _LOOSE_MODALITIES and (
            a.claim.frame.modality != b.claim.frame.modality):
        return "modality"  # an estimate and a report of one quantity may agree or conflict
    return None


def _change_against_share(change: Frame, share: Frame) -> bool:
    """One percentage is a change ("fell 6.2%"), the other a share of a whole it names ("about 78% of the
    combined company") with no direction."""
    return bool(change.polarity and change.polarity[0] == "trend" and share.polarity is None and share.noun)


def _places_apart(a: AlignItem, b: AlignItem) -> bool:
    """Both measures name a place of their own clause and the places differ."""
    pa, pb = places(a), places(b)
    fa, fb = a.claim.frame, b.claim.frame
    return bool(pa and pb) and not pa & pb and not (fa.place_inherited or fb.place_inherited)


def conflicts(a: AlignItem, b: AlignItem, ignore_action: bool = False) -> str | None:
    """Why two claims cannot state one fact (a named frame conflict), or None; `ignore_action` leaves the
    predicates out (to judge whether one figure was given another predicate)."""
    return hard_conflict(a, b, ignore_action) or soft_conflict(a, b)


def hard_conflict(a: AlignItem, b: AlignItem, ignore_action: bool = False) -> str | None:
    """What makes two claims two facts whatever their values: another actor, action, place, subtype, time,
    holder, measure."""
    fa, fb = a.claim.frame, b.claim.frame
    if fa.origin and fb.origin and fa.origin != fb.origin:
        return "origin"
    if a.block[0] == "date" and "open" != _granularity(a.claim) != _granularity(b.claim) != "open":
        return "granularity"  # "on Thursday" and "first-quarter" (a loss's quarter) are no one date
    if fa.actor and fb.actor and fa.actor != fb.actor and lx.actions_compatible(fa.action, fb.action):
        return "actor"
    if (a.block[0] == "count" and fa.action and fb.action and not ignore_action
            and not lx.actions_compatible(fa.action, fb.action)
            and not (lx.actions_contradict(fa.action, fb.action) and copied_sentence(a, b))):
        # treated in hospital is not injured; "killed" against "injured" is one fact only in a copy of one
        # sentence whose verb a desk changed (else join_predicates judges one figure with two predicates)
        return "action"
    pa, pb = places(a), places(b)
    counts = a.block[0] == "count"  # a count is of a place ("wounded in the Kyiv region"); a date or a
    # distance merely mentions places, which may nest ("near Port Haldane" / "on the Sorrel Coast")
    if counts and pa and pb and not pa & pb and not (fa.place_inherited and fb.place_inherited):
        return "place"
    sa, sb = subtypes(a), subtypes(b)
    if sa and sb and not sa & sb:
        return "subtype"
    if rate(a) and rate(b) and rate(a) != rate(b):
        return "rate"  # a wage an hour is not a wage a week
    if fa.window and fb.window and fa.window != fb.window:
        return "span"  # cases in 24 hours are not cases in a week
    if fa.negated != fb.negated:
        return "negation"
    if a.block == ("percent", "share") and (_change_against_share(fa, fb) or _change_against_share(fb, fa)):
        return "change"  # "Norvane fell 6.2%" is no share "of the combined company" (78%)
    if (fa.modality in _APART or fb.modality in _APART) and fa.modality != fb.modality:
        return "capacity"  # "can carry up to 500 passengers" admits "312 on board" and says nothing of it
    people = a.block[-1] in lx.people_classes()
    if distinct_set(a) != distinct_set(b) and (not people or remainder(a) != remainder(b)):
        return "another set"  # "three other bases" is not "four airbases" ("10 other people" may be; "the
        # remaining nine deaths" are not)
    if _days_apart(fa.time, fb.time) > 1 and not (fa.as_of or fb.as_of):
        return "time"  # (a date the figure was said on is no time of what it counts: an update may differ)
    if opposite(a.polarity, b.polarity) and not same_figure(a.claim, b.claim):
        return "trend"  # "rose 2%" and "fell 3%" are two changes; "rose 18%" vs "fell 18%" is one disputed
    if fa.holder and fb.holder and fa.holder != fb.holder and not _same_name(fa.holder, fb.holder):
        return "holder"  # Varga's share is not Brannik's
    if _holder_elsewhere(fa.holder, fb.holder, b) or _holder_elsewhere(fb.holder, fa.holder, a):
        return "holder"  # "Liberals now hold 12 seats, while the Greens have five": 12 is not the Greens'
    # a surplus and a deficit measure one balance; two rises ("revenue rose", "the index rose") do not
    same_scale = fa.polarity and fb.polarity and fa.polarity[0] == fb.polarity[0] != "trend"
    if fa.measure and fb.measure and not one_measure(fa.measure, fb.measure) and not same_scale:
        return "measure"  # a turnout of 61% is not a vote share of 61%
    if a.block[0] == "duration" and _spans_of_other_things(a, b):
        return "measure"  # a 20-second penalty is no overall lead of 2 minutes 7 seconds
    if segment(a) and segment(b) and segment(a) != segment(b):
        return "measure"  # snacks revenue is not drinks revenue
    return None


def _holder_elsewhere(holder: str | None, other_holder: str | None, other: AlignItem) -> bool:
    """Does `other`, whose holder is unread, sit beside a figure of its block that is `holder`'s?"""
    if not holder or other_holder:
        return False
    return any(h == holder or _same_name(h, holder) for h in other.sibling_holders)


def copied_sentence(a: AlignItem, b: AlignItem) -> bool:
    """Is one claim's sentence a copy of the other's whose verb a desk may have changed? Not when one of
    the articles itself gives the figure both verbs: "7 dead ... seven people were injured" in a copy of
    "seven people were killed" is the copy's figure of the injured, not the dead retold."""
    return context_similarity(a, b) >= COPIED and not restated(a, b)


def rival_counts(a: AlignItem, b: AlignItem) -> bool:
    """Two named sources' counts that differ ("Kyiv says four airfields", "Moscow confirmed five"), or one
    source's bound on another's count ("as many as 140 men, the union said" / "126 miners, the operator
    said"): a claim never joins a fact holding a rival source's count, even through a member that names no
    source."""
    if a.block[0] != "count" or not _other_sources(a, b):
        return False
    return not values_meet(a.claim, b.claim) or _bound_on_another(a.claim, b.claim)


def _bound_on_another(a: Claim, b: Claim) -> bool:
    """One claim an open bound, the other a figure of its own ("as many as 140" / "126")."""
    bounds = [c.value.qualifier in ("lower_bound", "upper_bound") for c in (a, b)]
    return bounds[0] != bounds[1] and a.value.nominal != b.value.nominal


def soft_conflict(a: AlignItem, b: AlignItem) -> str | None:
    """What makes two claims with different values two facts: a scope, a source or an anchor one of them
    lacks. With values that agree they may still be one statement ("36 cruise missiles", "36 missiles")."""
    if bool(a.claim.frame.window) != bool(b.claim.frame.window) and not same_figure(a.claim, b.claim):
        return "part (span)"  # "more than 7 inches in 4.5 hours" says nothing of "at least 10 inches"
    if a.claim.kind == b.claim.kind == "money" and currency_of(a.claim) != currency_of(b.claim) and not (
            same_figure_value(a.claim, b.claim) and _anchored(a, b, by_cue=False, retold=COPIED)):
        return "another currency"  # "$4.2bn of reserves" is no "€350m" of bonds; a copy of one sentence
        # with its sum's currency changed ("for €18 million" / "for £18 million") is one sum, misstated
    if values_meet(a.claim, b.claim):
        if _open_alike(a.claim, b.claim) and not _anchored(a, b, by_cue=False, retold=COPIED):
            return "unanchored bounds"  # "more than 4,000km" and "upwards of 7,000 km" meet by saying little
        if _far_from_bound(a.claim, b.claim) and not _anchored(a, b):
            return "unanchored bound"  # "at least four people" meets "321 people on board" by saying little
        return None
    if _scales_apart(a.claim, b.claim):
        return "another span"  # a race time of two hours is no misstated "three years"
    if _sizes_apart(a.claim, b.claim):
        return "another size"  # earnings of $1.40 a share are no misstated "$7.1bn" of revenue
    if label_other_figures(a, b):
        return "another figure's time"  # "September's gain was 121,000" is no misdated "August: 148,000"
    if a.block[0] in ("quantity", "money") and _places_apart(a, b):
        return "another place"  # "41.3C in Sevilla" is no misstated "38.2C in Madrid"
    scope = one_sided_scope(a, b)
    if scope and (scope == "modality" or not slipped(a.claim, b.claim)):
        return f"part ({scope})"  # a part never conflicts with its whole (but is never its slip either;
        # another year's or a forecast figure a digit apart is still another figure: "205 km/h" in 2011)
    if _one_holder(a, b):
        return "part (holder)"  # Alemu's margin is not a margin nobody is named for ("beat it by 42 s")
    if rival_counts(a, b):
        return "another source's count"  # the police's count and the organisers' are two counts
    if not _anchored(a, b):
        return "unanchored"  # "nine" and "30,000 runners": nothing but the noun says they are one
    return None


_LOOSE_MODALITIES = frozenset(("reported", "estimated"))
_APART = frozenset(("capacity",))  # another quantity whatever the values: what a thing can hold
# modalities a cue gives that say what a figure is for (two targets, two forecasts); "historical" or
# "previous" only say that a figure is of another time, which many figures of a story are
_CUED = frozenset(("forecast", "target", "planned"))
RETOLD = 0.45  # context likeness of a close retelling: enough to compare figures nothing else anchors
COPIED = 0.7  # context likeness of a copy of one sentence (a desk changed a word or a figure)


def _open_alike(a: Claim, b: Claim) -> bool:
    """Two open bounds that point the same way from different figures ("more than 4,000", "at least
    7,000"): they meet whatever they measure."""
    va, vb = a.value, b.value
    return (va.qualifier == vb.qualifier and va.qualifier in ("lower_bound", "upper_bound")
            and va.tolerance is None and vb.tolerance is None and va.nominal != vb.nominal)


FAR_FROM_BOUND = 3  # a figure this many times past an open bound meets it by saying little


def _far_from_bound(a: Claim, b: Claim) -> bool:
    """One open bound and a figure far past it ("at least four" and 321): they meet whatever they count."""
    for (bound, n), (other, v) in (((a.value, in_percent(a)), (b.value, in_percent(b))),
                                   ((b.value, in_percent(b)), (a.value, in_percent(a)))):
        if bound.tolerance is not None or not n or not v or other.qualifier in ("lower_bound", "upper_bound"):
            continue
        if bound.qualifier == "lower_bound" and v >= FAR_FROM_BOUND * n:
            return True
        if bound.qualifier == "upper_bound" and v * FAR_FROM_BOUND <= n:
            return True
    return False


def _anchored(a: AlignItem, b: AlignItem, by_cue: bool = True, retold: float = RETOLD) -> bool:
    """Do two claims share more than their noun or unit: the same action of their own, the same subtype,
    place, holder or measure, a word of what the figure is for ("under boil-water notices"), or a closely
    retold sentence? Two figures that share nothing else are one fact only when their values agree."""
    fa, fb = a.claim.frame, b.claim.frame
    if fa.action and fa.action == fb.action and not (fa.action_inherited or fb.action_inherited):
        return True
    if subtypes(a) & subtypes(b) or places(a) & places(b):
        return True
    if (fa.holder and fb.holder) or (fa.measure and fb.measure) or (a.role & b.role):
        return True
    if by_cue and fa.modality == fb.modality and fa.modality in _CUED:  # two targets: the cue anchors
        return True
    named = named_in(fa.holder, b) or named_in(fb.holder, a)
    if named and a.block[0] != "count" and not _one_measured(a, b):
        return True  # "Varga has 41.4%" / "Varga won ... 41.3%" (but "an offer of £15m for Marrowby's
        # brand" is no figure of Marrowby's debts, and a count is what was done, not whose)
    if slipped(a.claim, b.claim):  # "4,212 patients" / "4,122 patients": one figure, a desk's slip
        return True
    return context_similarity(a, b) >= retold


def measured(item: AlignItem) -> str | None:
    """What a claim measures: its measure, else for a sum or a share the noun after it ("a £210 million
    pension deficit"), which names what it is as the measure does; a span's noun first ("a 20-second
    penalty" is of a penalty whatever verb a measure was read from)."""
    f = item.claim.frame
    if item.block[0] == "duration":
        return f.noun or f.measure
    return f.measure or (f.noun if item.block[0] not in ("count", "date") else None)


def _spans_of_other_things(a: AlignItem, b: AlignItem) -> bool:
    """Two spans that say what each is of, and name different things ("a 20-second penalty", "his
    overall advantage to 2 minutes 7 seconds"; "a two-day walkout", "14 days' notice")."""
    ma, mb = measured(a), measured(b)
    return bool(ma and mb) and head(ma) != head(mb)


def _one_measured(a: AlignItem, b: AlignItem) -> bool:
    """Only one of the two says what it measures ("an offer of about £15 million" / "owed £640 million")."""
    return bool(measured(a)) != bool(measured(b))


def currency_of(c: Claim) -> str:
    """A sum's currency code ("USD" of "$1.40 a share" and of "140 cents")."""
    return (c.value.base_unit or "").partition(" per ")[0]


SLIP_DIGITS = 3  # the fewest digits a figure has for a changed or swapped digit to mark a desk's slip


def slipped(a: Claim, b: Claim) -> bool:
    """Are two figures of one kind and unit written with the same digits but two of them swapped ("4,212"
    / "4,122", "43.6C" / "46.3C"), or with one digit changed ("17.6%" / "18.6%", "2:19:48" / "2:19:46")?
    Such a pair is what a careless rewrite makes of one figure; figures of fewer than SLIP_DIGITS digits
    ("27" / "28", "two" / "three") or round ones ("7,000" / "4,000") differ that way by chance too."""
    if a.kind != b.kind or a.value.unit != b.value.unit or a.kind == "date":
        return False  # (two years or days of a story differ by a digit as a rule: "2024" / "2026")
    x, y = _digits(a.text), _digits(b.text)
    if x == y or len(x) != len(y) or len(x) < SLIP_DIGITS:
        return False
    significant = len(x) if a.kind == "time" else min(len(x.rstrip("0")), len(y.rstrip("0")))
    apart = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    if len(apart) == 2 and x[apart[0]] == y[apart[1]] and x[apart[1]] == y[apart[0]]:
        return significant >= 2  # "£310m" / "£301 million": a swap moves a zero too
    # one digit changed: "7,000 km" / "4,000km" are round figures, two estimates (a clock's zeros are digits)
    return len(apart) == 1 and significant >= SLIP_DIGITS


@lru_cache(maxsize=4096)
def _digits(text: str) -> str:
    """The digits a figure is written with ("4,212 patients" -> "4212"); asked for every pair compared."""
    return "".join(ch for ch in text if ch.isdecimal())


SPAN_RATIO = 100  # durations further apart than this are two spans, never one misstated (weeks vs months
# is a desk's slip; hours vs years is not)


def _scales_apart(a: Claim, b: Claim) -> bool:
    """Two durations so far apart in size that no slip turns one into the other."""
    seconds = a.value.base_unit == b.value.base_unit == "second"
    if a.kind != "duration" or b.kind != "duration" or not seconds:
        return False
    return _apart(_size(a, True), _size(b, True), SPAN_RATIO)


SIZE_RATIO = 10_000  # figures further apart than this are two quantities: a desk's slip of a scale word
# ("$7bn" for "$7m") stays within three orders of magnitude


def _sizes_apart(a: Claim, b: Claim) -> bool:
    """Two amounts so far apart in size that no slip turns one into the other (dates and times excluded:
    their values are positions, not sizes)."""
    if a.kind in ("date", "time") or b.kind in ("date", "time"):
        return False
    use_base = same_basis(a, b)
    written = a.kind == b.kind == "count" and a.value.rounding is None and b.value.rounding is None
    ratio = COUNT_RATIO if written else SIZE_RATIO
    return _apart(_size(a, use_base), _size(b, use_base), ratio)


COUNT_RATIO = 100  # two counts written out in figures (no scale word to slip) this far apart are two
# counts: "Police detained 32 people" is no misstated "45,000 people marched" (a toll may rise 20-fold)


def _apart(x: float | None, y: float | None, ratio: float) -> bool:
    """Both sizes known and one more than `ratio` times the other."""
    return bool(x and y) and max(x, y) > ratio * min(x, y)  # type: ignore[type-var]


def _size(c: Claim, use_base: bool) -> float | None:
    """The magnitude of a claim's figure: its nominal value, else the middle of its stated ends."""
    v = c.value
    nominal, lo, hi = (v.base_nominal, v.base_low, v.base_high) if use_base else (v.nominal, v.low, v.high)
    known = [abs(x) for x in ((nominal,) if nominal else (lo, hi)) if x]
    return sum(known) / len(known) if known else None


def _one_holder(a: AlignItem, b: AlignItem) -> bool:
    """Two margins ("by 84 seconds", "leads by 4.7 points"), one saying whose it is, the other's sentence
    never naming that holder: with values that differ, the other may be another winner's margin."""
    fa, fb = a.claim.frame, b.claim.frame
    if fa.modality != "relative" or fb.modality != "relative":
        return False
    return bool(fa.holder) != bool(fb.holder) and not (named_in(fa.holder, b) or named_in(fb.holder, a))


def named_in(holder: str | None, item: AlignItem) -> bool:
    """Is the holder's last name in the other claim's sentence (it names whose figure it is, farther off)?"""
    return bool(holder) and f" {holder.split()[-1]} " in f" {item.context} "


def _other_sources(a: AlignItem, b: AlignItem) -> bool:
    """Both claims name their source and the sources share no word ("police" vs "organisers"), and the
    figures are no running figure published on different days (an update, whoever gave it)."""
    wa, wb = source_words(a.claim.frame.claimant), source_words(b.claim.frame.claimant)
    if not wa or not wb or wa & wb:
        return False
    dated = a.published_at and b.published_at and a.published_at != b.published_at
    return not (dated and is_running([a, b]))


def _same_name(x: str, y: str) -> bool:
    """'dana orlov' and 'orlov' name one person: one name's words are all in the other."""
    a, b = set(x.split()), set(y.split())
    return a <= b or b <= a


def head(word: str) -> str:
    """A measured noun as compared: its measure group's head ("voter" and "ballot" are the vote), its
    synonym group's head ("death toll" and "toll" alike), the last word of a segment's measure ("snack
    revenue": revenue); a generic head is named by a measure word before it ("the unemployment rate" is
    unemployment, as "the jobless rate" is)."""
    measures, same = lx.measures(), lx.synonyms()
    word = _named_by_modifier(word) or word
    last = word.rpartition(" ")[2]
    for w in (word, last):
        if w in measures:
            return measures[w]
        if w in same:
            return same[w]
    return last


def one_measure(x: str, y: str) -> bool:
    """Do two measured nouns name one measure: one head ("unemployment rate" / "jobless rate" /
    "unemployment"), or a generic head with and without its modifier ("February's rate was 5.1%" / "the
    unemployment rate rose from 5.1%"; "participation held at 63.1%" / "the participation rate")?"""
    if head(x) == head(y):
        return True
    generic = lx.words("frame", "measure", "generic")
    for a, b in ((x, y), (y, x)):
        modifier, _, last = b.rpartition(" ")
        if last in generic and a in (last, modifier):  # "participation" / "the participation rate"
            return True
    return False


def _named_by_modifier(measure: str) -> str | None:
    """The modifier of a measure whose generic head only repeats it ("unemployment rate" -> "unemployment",
    "jobless rate" -> "jobless": the modifier is a measure of its own; frame.toml [measure] generic), else
    None ("participation rate", "oil price": the head with a segment)."""
    modifier, _, last = measure.rpartition(" ")
    known = modifier in lx.measures() or modifier in lx.synonyms()
    return modifier if known and last in lx.words("frame", "measure", "generic") else None


def segment(item: AlignItem) -> str | None:
    """The segment a measure is of, when the sentence names one ("snacks revenue": snack)."""
    measure = item.claim.frame.measure or ""
    whole = measure in lx.synonyms() or measure in lx.measures()
    part = None if whole else (measure.rpartition(" ")[0] or None)
    return lx.synonyms().get(part, part) if part else None  # "jobless rate" is the unemployment rate


def same_figure_value(a: Claim, b: Claim) -> bool:
    """Two claims stating one number, whatever its unit ("€18 million" / "£18 million")."""
    return a.value.nominal is not None and a.value.nominal == b.value.nominal


def same_figure(a: Claim, b: Claim) -> bool:
    """Two claims stating one number in one unit (whatever their bounds)."""
    va, vb = a.value, b.value
    return va.nominal is not None and va.nominal == vb.nominal and va.unit == vb.unit


# the longest run of days of each granularity a date may name: a day (or a weekend, "overnight into
# Saturday"), a week, a month, a quarter, a half-year, a year; longer is one more
_GRAINS = ((3, "day"), (10, "week"), (31, "month"), (92, "quarter"), (184, "half"), (366, "year"))


def _granularity(claim: Claim) -> str:
    """How finely a date claim names its time: "day", "week", "month", "quarter", "half", "year", "more"."""
    low, high = claim.value.low, claim.value.high
    if low is None or high is None:
        return "open"
    days = high - low + 1
    return next((name for most, name in _GRAINS if days <= most), "more")


def _days_apart(x: str | None, y: str | None) -> int:
    """Days between two ISO dates or intervals ("2025-05-31/2025-06-01"); 0 when they overlap or either is
    not a resolved date."""
    a, b = _day_span(x), _day_span(y)
    if a is None or b is None:
        return 0
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def _day_span(iso: str | None) -> tuple[date, date] | None:
    if not iso:
        return None
    first, _, last = iso.partition("/")
    try:
        return date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        return None


def remainder(item: AlignItem) -> bool:
    return bool(lx.words("frame", "distinct_set", "remainder").intersection(item.claim.frame.modifiers))


def distinct_set(item: AlignItem) -> bool:
    return any(m in lx.words("frame", "distinct_set") for m in item.claim.frame.modifiers)


