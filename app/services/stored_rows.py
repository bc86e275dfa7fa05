"""What a story's comparison is stored as (claim rows, finding rows and their claim links), and how the
engine's findings are written over what is stored.

    claims = ClaimRows()                               # (article id, position) -> the claim's row
    before = Before.read(session, story, sides=True)   # what the database holds now (one query each)
    before = Before.kept(rows)                         # ... or what this process wrote under the stamp
    added, written = write_findings(session, story, findings, claims, before, changed)

A finding's identity is its `fingerprint`: type, verdict and the claim the engine anchors it on (so that it
keeps its row and id when another source joins it), else all the claims it rests on. Only the findings
that are not, object for object, the ones written before are compared with their rows: a new article
costs the findings it touched, not all the story's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from sqlalchemy import bindparam, delete, insert, update
from sqlmodel import Session, col, select

from app import engine, models

CHUNK = 500  # ids per IN (...) list

LinkKey = tuple[int, int, int | None]  # (claim row id, position in the finding, side)
Sides = frozenset[tuple[int | None, str, str]]  # (side, article id, claim text) of each claim of a finding


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


class ClaimRow(NamedTuple):
    """What findings need of a stored claim: its row id, its text, and its key in fingerprints."""

    id: int
    text: str
    key: str  # "<article>:<revision number>:<start>:<end>"


def claim_key(article_id: str, revision_number: int, start: int, end: int) -> str:
    return f"{article_id}:{revision_number}:{start}:{end}"


class ClaimRows:
    """The current claim rows of a story's articles, by article and position."""

    def __init__(self) -> None:
        self.rows_of: dict[str, dict[int, ClaimRow]] = {}

    def set(self, article_id: str, rows: dict[int, ClaimRow]) -> None:
        """The claims of `article_id` are now `rows` (position -> row)."""
        self.rows_of[article_id] = rows

    def has(self, ref: engine.ClaimRef) -> bool:
        return ref.index in self.rows_of.get(ref.article_id, {})

    def __getitem__(self, ref: engine.ClaimRef) -> ClaimRow:
        return self.rows_of[ref.article_id][ref.index]


class Written(NamedTuple):
    """A finding row as written: its id, the engine finding it was written from, its links and sides."""

    id: int
    finding: engine.Finding
    links: set[LinkKey]
    sides: Sides


@dataclass
class StoredRows:
    """What the database holds of one story's comparison: its claim rows, and each finding's row (by
    fingerprint) with the engine finding it was written from."""

    claims: ClaimRows = field(default_factory=ClaimRows)
    findings: dict[str, Written] = field(default_factory=dict)
    revisions: list[engine.Finding] = field(default_factory=list)  # corrections between revisions


def fingerprint(finding: engine.Finding, claims: ClaimRows) -> str:
    """Identity of a finding across recomputations: its type and verdict and the claim the engine anchors
    it on (so it keeps its id when another source joins it), else all the claims it rests on."""
    if finding.anchor is not None:
        parts = [finding.type, finding.verdict or "", claims[finding.anchor].key]
    else:
        parts = [finding.type, *sorted(claims[r].key for r in finding.claims)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def links_and_sides(finding: engine.Finding, claims: ClaimRows) -> tuple[set[LinkKey], Sides]:
    """The claim links `finding` should have (each claim once, in order, with its discrepancy side), and
    what it rests on side by side (compared before and after, to tell subscribers)."""
    side_of = {r: n for n, side in enumerate(finding.sides) for r in side}
    rows = claims.rows_of
    links, sides = set(), set()
    for position, r in enumerate(dict.fromkeys(finding.claims)):
        row = rows[r.article_id][r.index]
        side = side_of.get(r)
        links.add((row.id, position, side))
        sides.add((side, r.article_id, row.text))
    return links, frozenset(sides)


class Before:
    """The finding rows of a story before they are written: ids, links and sides by fingerprint."""

    def __init__(self, ids: dict[str, int]) -> None:
        self.ids = ids
        self._rows: dict[int, models.Finding] = {}
        self._links: dict[int, set[LinkKey]] = {}  # by row id
        self._sides: dict[int, Sides] = {}
        self._written: dict[str, Written] = {}
        self.written_ids: set[int] = set()  # id() of the findings written (alive while held here)

    @classmethod
    def read(cls, session: Session, story: models.Story, sides: bool) -> Before:
        """What the database holds (rows, links, and, when `sides`, what each finding rests on)."""
        rows = session.exec(select(models.Finding).where(models.Finding.story_id == story.id)).all()
        before = cls({r.fingerprint: r.id for r in rows if r.id is not None})
        before._rows = {r.id: r for r in rows if r.id is not None}
        before._links = _stored_links(session, story)
        before._sides = _stored_sides(session, story) if sides else {}
        return before

    @classmethod
    def kept(cls, stored: StoredRows) -> Before:
        """What this process wrote last (the story's stamp says nobody wrote it since)."""
        before = cls({p: w.id for p, w in stored.findings.items()})
        before._written = dict(stored.findings)
        before.written_ids = {id(w.finding) for w in before._written.values()}
        return before

    def unchanged(self, print_: str, finding: engine.Finding) -> Written | None:
        """The row of `print_` when it was written from this very finding (nothing to compare)."""
        written = self._written.get(print_)
        return written if written is not None and written.finding is finding else None

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, models.Finding]:
        missing = [i for i in ids if i not in self._rows]
        for chunk in chunks(missing):
            found = session.exec(select(models.Finding).where(col(models.Finding.id).in_(chunk))).all()
            self._rows.update((r.id, r) for r in found if r.id is not None)
        return self._rows

    def links(self, print_: str) -> set[LinkKey]:
        written = self._written.get(print_)
        return written.links if written is not None else self._links.get(self.ids[print_], set())

    def sides(self, print_: str) -> Sides | None:
        written = self._written.get(print_)
        return written.sides if written is not None else self._sides.get(self.ids[print_])


def _stored_links(session: Session, story: models.Story) -> dict[int, set[LinkKey]]:
    """The claim links of each stored finding of `story` (one query)."""
    link = models.FindingClaim
    rows = session.exec(
        select(link.finding_id, link.claim_id, link.position, link.side)
        .join(models.Finding, col(models.Finding.id) == col(link.finding_id))
        .where(models.Finding.story_id == story.id)
    ).all()
    keyed: dict[int, set[LinkKey]] = {}
    for finding_id, claim_id, position, side in rows:
        keyed.setdefault(finding_id, set()).add((claim_id, position, side))
    return keyed


def _stored_sides(session: Session, story: models.Story) -> dict[int, Sides]:
    """What each stored finding of `story` rests on, side by side (one query), before claims are redone."""
    rows = session.exec(
        select(models.FindingClaim.finding_id, models.FindingClaim.side, models.Claim.article_id,
               models.Claim.text)
        .join(models.Claim, col(models.Claim.id) == col(models.FindingClaim.claim_id))
        .join(models.Finding, col(models.Finding.id) == col(models.FindingClaim.finding_id))
        .where(models.Finding.story_id == story.id)
    ).all()
    sides: dict[int, set[tuple[int | None, str, str]]] = {}
    for finding_id, side, article_id, text in rows:
        sides.setdefault(finding_id, set()).add((side, article_id, text))
    return {finding_id: frozenset(found) for finding_id, found in sides.items()}


def fingerprinted(
    findings: Sequence[engine.Finding], claims: ClaimRows, before: Before
) -> list[tuple[str, engine.Finding]]:
    """Each finding that rests on the story's claims with its fingerprint, in order; two findings on one
    anchor are told apart by all their claims, and a third is dropped."""
    out: list[tuple[str, engine.Finding]] = []
    seen: set[str] = set()
    for finding in findings:
        if id(finding) not in before.written_ids and not _rests_on(finding, claims):
            continue  # the engine pointed outside this story's claims: nothing to prove it with
        print_ = fingerprint(finding, claims)
        if print_ in seen:
            print_ = fingerprint(replace(finding, anchor=None), claims)
        if print_ in seen:
            continue
        seen.add(print_)
        out.append((print_, finding))
    return out


def _rests_on(finding: engine.Finding, claims: ClaimRows) -> bool:
    if finding.anchor is not None and not claims.has(finding.anchor):
        return False
    rows, none = claims.rows_of, {}
    return all(r.index in rows.get(r.article_id, none) for r in finding.claims)


def _update(row: models.Finding, finding: engine.Finding) -> None:
    values = {
        "verdict": finding.verdict,
        "kind": finding.kind,
        "confidence": finding.confidence,
        "severity": finding.severity,
        "reason": finding.reason,
        "fact": finding.fact,
        "old_value": finding.old_value,
        "new_value": finding.new_value,
        "independent_sources": list(finding.independent_sources),
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def write_findings(
    session: Session,
    story: models.Story,
    findings: Sequence[engine.Finding],
    claims: ClaimRows,
    before: Before,
    changed: list[models.Finding] | None = None,
) -> tuple[list[models.Finding], dict[str, Written]]:
    """Make the story's finding rows and links those of `findings`; the rows added, and what is written
    now (by fingerprint). Findings found again whose claims changed sides are added to `changed`; findings
    no longer found are deleted."""
    printed = fingerprinted(findings, claims, before)
    written: dict[str, Written] = {}
    todo = []
    for print_, finding in printed:
        same = before.unchanged(print_, finding)
        if same is not None:
            written[print_] = same
        else:
            todo.append((print_, finding, *links_and_sides(finding, claims)))
    rows = before.rows(session, [before.ids[p] for p, *_ in todo if p in before.ids])
    added: list[models.Finding] = []
    links: list[dict[str, int | None]] = []
    moves = Moves()
    for print_, finding, new_links, sides in todo:
        row_id = before.ids.get(print_)
        if row_id is None:
            row = models.Finding(story_id=story.id, fingerprint=print_, type=finding.type, reason="")
            added.append(row)
        else:
            row = rows[row_id]
            old_links = before.links(print_)
            if new_links != old_links:  # other claims now, or its claim rows were replaced
                links.extend(moves.relink(row_id, old_links, new_links))
                if changed is not None and before.sides(print_) != sides:
                    changed.append(row)
        _update(row, finding)
    moves.apply(session)
    session.add_all(added)
    session.flush()
    by_print = {row.fingerprint: row for row in added}
    for print_, finding, new_links, sides in todo:
        row_id = before.ids.get(print_)
        if row_id is None:
            row_id = by_print[print_].id
            links.extend(
                {"finding_id": row_id, "claim_id": c, "position": p, "side": s} for c, p, s in new_links
            )
        written[print_] = Written(row_id, finding, new_links, sides)  # type: ignore[arg-type]
    if links:  # rows, not ORM objects: a finding of a large story has thousands
        session.connection().execute(insert(models.FindingClaim.__table__), links)  # type: ignore[attr-defined]

    gone = [row_id for p, row_id in before.ids.items() if p not in written]
    for row_id in gone:
        stale = session.identity_map.get(session.identity_key(models.Finding, row_id))
        if stale is not None:
            session.expunge(stale)
    for ids in chunks(gone):
        session.execute(delete(models.Finding).where(col(models.Finding.id).in_(ids)))
    return added, {p: written[p] for p, _ in printed}


class Moves:
    """The link deletions and position shifts of the findings whose claims changed, gathered so that each
    kind is one statement for all of them (`apply`)."""

    def __init__(self) -> None:
        self.gone: list[dict[str, int]] = []
        self.shifts: list[dict[str, int]] = []

    def relink(self, finding_id: int, old: set[LinkKey], new: set[LinkKey]) -> list[dict]:
        """Plan turning the finding's stored links `old` into `new`: delete what went, shift the positions
        of what moved (a claim that joins in the middle moves all after it by one: one shift), and return
        the links to insert."""
        old_at = {c: (p, s) for c, p, s in old}
        new_at = {c: (p, s) for c, p, s in new}
        gone = {c for c, (_, s) in old_at.items() if c not in new_at or new_at[c][1] != s}
        common = [c for c in new_at if c in old_at and c not in gone]
        kept = sorted((old_at[c][0], new_at[c][0] - old_at[c][0], c) for c in common)
        runs: list[tuple[int, int, int]] = []  # (first old position, last old position, shift), in order
        for position, shift, _ in kept:
            if runs and runs[-1][2] == shift:
                runs[-1] = (runs[-1][0], position, shift)
            else:
                runs.append((position, position, shift))
        moved = [run for run in runs if run[2]]
        if moved and not (all(s > 0 for *_, s in moved) or all(s < 0 for *_, s in moved)):
            gone |= {c for _, shift, c in kept if shift}  # shifts both ways: insert those again
            moved = []
        insert_ = {c for c in new_at if c not in old_at} | {c for c in gone if c in new_at}
        self.gone.extend({"f": finding_id, "c": c} for c in sorted(gone))
        # shifting up, the highest run first (down, the lowest first): a row never lands in a range to come
        for first, last, shift in sorted(moved, reverse=moved[0][2] > 0) if moved else ():
            self.shifts.append({"f": finding_id, "first": first, "last": last, "shift": shift})
        return [{"finding_id": finding_id, "claim_id": c, "position": new_at[c][0], "side": new_at[c][1]}
                for c in insert_]

    def apply(self, session: Session) -> None:
        """The planned deletions, then the shifts, in plan order (plain statements: no ORM object holds a
        link)."""
        table = models.FindingClaim.__table__  # type: ignore[attr-defined]
        connection = session.connection()
        mine = table.c.finding_id == bindparam("f")
        if self.gone:
            connection.execute(delete(table).where(mine, table.c.claim_id == bindparam("c")), self.gone)
        if self.shifts:
            connection.execute(
                update(table)
                .where(mine, table.c.position >= bindparam("first"), table.c.position <= bindparam("last"))
                .values(position=table.c.position + bindparam("shift")),
                self.shifts,
            )
