"""Corrections: explicit notices, stale copies of a corrected figure, and changed figures between revisions.

    "An earlier version of this story ... took place on May 16, not May 17."
        -> a correction finding on the notice and the corrected claim: old "May 17", new "May 16";
           another article of the story that still prints May 17 for that fact -> a "stale" correction.
    compare_revisions(old, new) -> one correction per figure that changed between two revisions of a URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.engine import lexicon as lx
from app.engine.compare.align import align, make_item
from app.engine.compare.fact import Fact
from app.engine.compare.intervals import interval
from app.engine.model import ArticleText, Claim, ClaimRef, Finding
from app.engine.text import segment
from app.engine.text.split import split_sentences


@dataclass(frozen=True, slots=True)
class Notice:
    """An explicit correction notice in one article."""

    article_id: str
    start: int
    end: int
    text: str
    new: Claim | None = None  # the figure the notice corrects to ("May 16")
    old: Claim | None = None  # the figure corrected away ("May 17")
    new_text: str | None = None
    old_text: str | None = None


def find_notices(article: ArticleText, claims: Sequence[Claim]) -> list[Notice]:
    """The correction notices of an article, with the new and old figures when it names them."""
    markers = lx.words("corrections", "notices", "markers")
    weak = lx.words("corrections", "notices", "weak")
    correcting = lx.words("corrections", "notices", "correcting")
    out: list[Notice] = []
    whole = article.text.lower()
    if not any(k in whole for k in markers) and not any(k in whole for k in weak):
        return out  # most articles: no sentence to read
    for sentence in segment(article.text):
        low = sentence.text.lower()
        strong = any(k in low for k in markers)
        if (out and sentence.start < out[-1].end) or not (strong or any(k in low for k in weak)):
            continue
        # a notice runs from its marker's sentence to the end of its paragraph ("Correction: ... said May
        # 17. The storm made landfall on May 16, not May 17.")
        start = sentence.start
        line_end = article.text.find("\n", start)
        end = len(article.text) if line_end < 0 else line_end
        inside = [c for c in claims if start <= c.start and c.end <= end]
        new, old, new_text, old_text = _new_and_old(article.text, start, end, inside)
        if not (strong or old_text or any(k in article.text[start:end].lower() for k in correcting)):
            continue  # "Editor's note: this story is developing and will be updated."
        text = article.text[start:end].strip()
        out.append(Notice(article.id, start, end, text, new, old, new_text, old_text))
    return out


def _new_and_old(text: str, start: int, end: int, inside: Sequence[Claim]):
    """'X, not Y' / 'X rather than Y' / 'not Y but X': the new figure X and the old figure Y."""
    low = text[start:end].lower()
    for word in sorted(lx.words("corrections", "pattern", "not_words"), key=len, reverse=True):
        at = low.find(f" {word} ")
        if at < 0:
            continue
        cut = start + at
        before = [c for c in inside if c.end <= cut]
        after = [c for c in inside if c.start > cut]
        if before and after:
            return before[-1], after[0], before[-1].text, after[0].text
        pattern = rf"([\w$%.,' -]{{1,30}}),?\s+{word}\s+([\w$%.,' -]{{1,30}}?)[.;]?$"
        m = re.search(pattern, text[start:end], re.I)
        if m:  # no claims to go by: "X, not Y" is parallel, so X has as many words as Y
            old = _bare(m.group(2))
            return None, None, " ".join(_bare(m.group(1)).split()[-len(old.split()) :]), old
    return None, None, None, None


def _bare(phrase: str) -> str:
    """The figure of a phrase cut out of a notice: after the last sentence break and leading little words."""
    phrase = phrase.strip(" ,")
    last = split_sentences(phrase)
    phrase = phrase[last[-1][0] :] if last else phrase
    return re.sub(r"^(?:(?:on|at|in|to|was|were|is|are|it|of|the)\s+)+", "", phrase, flags=re.I)


def in_notice(claim: Claim, notices: Sequence[Notice]) -> bool:
    """True when a claim lies inside a correction notice (it restates the fix, not a fact to compare)."""
    return any(n.start <= claim.start and claim.end <= n.end for n in notices)


def same_value(a: Claim, b: Claim) -> bool:
    """True when two claims state the same figure (intervals equal); a notice may give the bare number
    ("it was 430, not 403") for a count of the body ("430 drones")."""
    kinds = a.kind == b.kind or "number" in (a.kind, b.kind)
    return kinds and interval(a, False) == interval(b, False)


def correction_findings(notices: Sequence[Notice], claims: dict[str, Sequence[Claim]], facts: Sequence[Fact],
                        sources: dict[str, str], story_id: str | None = None) -> list[Finding]:
    """A correction per notice (pointing at the notice and the corrected claim) and a stale flag for each
    other article that still prints the old figure for the same fact."""
    findings = []
    for n in notices:
        refs = [ClaimRef(n.article_id, i) for i, c in enumerate(claims[n.article_id])
                if n.start <= c.start and c.end <= n.end]
        corrected = _corrected_fact(n, facts)
        if corrected is not None:
            fact, member = corrected
            refs.append(member.ref)
        source = sources.get(n.article_id, n.article_id)
        old, new = n.old_text or "?", n.new_text or "?"
        findings.append(Finding(
            type="correction", claims=tuple(refs), story_id=story_id, severity="medium", verdict="notice",
            reason=f"{source} corrected {old} to {new}: {n.text[:160]}",
            fact=n.text[:80], old_value=n.old_text, new_value=n.new_text, anchor=refs[0] if refs else None,
        ))
        if corrected is None or n.old is None:
            continue
        fact, member = corrected
        for other in fact.members:
            if other.ref.article_id != n.article_id and same_value(other.claim, n.old):
                findings.append(Finding(
                    type="correction", claims=(other.ref, member.ref), story_id=story_id, severity="high",
                    verdict="stale", old_value=n.old_text, new_value=n.new_text, fact=n.text[:80],
                    anchor=other.ref,
                    reason=f"{other.source} still prints {other.claim.text!r}, which {source} corrected "
                    f"to {n.new_text!r}",
                ))
    return findings


def _corrected_fact(n: Notice, facts: Sequence[Fact]):
    """The fact and member of the notice's article whose claim states the notice's new figure."""
    if n.new is None:
        return None
    for fact in facts:
        for m in fact.members:
            if m.ref.article_id == n.article_id and same_value(m.claim, n.new):
                return fact, m
    return None


def compare_revisions(old: ArticleText, new: ArticleText, old_claims: Sequence[Claim],
                      new_claims: Sequence[Claim]) -> list[Finding]:
    """Correction findings for the figures that changed between two revisions of one article.

    Each finding's `claims` points at the new revision's claim; `sides` is ((before,), (after,)) with the
    before-claim indexed in `old_claims` and the after-claim in `new_claims`.
    """
    items = []
    for order, (art, claims) in enumerate(((old, old_claims), (new, new_claims))):
        for i, c in enumerate(claims):
            if c.context != "body":
                continue
            it = make_item(ClaimRef(art.id, i), c, art.source, order, published_at=art.published_at)
            if it is not None:
                items.append(it)
    findings = []
    for fact in align(items):
        before = [m for m in fact.members if m.order == 0]
        after = [m for m in fact.members if m.order == 1]
        if not before or not after or same_value(before[0].claim, after[0].claim):
            continue
        b, a = before[0], after[0]
        findings.append(Finding(
            type="correction", claims=(a.ref,), severity="medium", verdict="revision",
            reason=f"{new.source} changed {b.claim.text!r} to {a.claim.text!r} in a new revision",
            sides=((b.ref,), (a.ref,)), old_value=b.claim.text, new_value=a.claim.text, anchor=a.ref,
        ))
    return findings
