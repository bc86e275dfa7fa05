"""A story's facts grown one article at a time (what a service does on each ingest), against the batch."""

from datetime import date

from app.engine import ArticleText, check_articles, extract_claims
from app.engine.compare.align import make_item
from app.engine.compare.factbook import FactBook
from app.engine.compare.verdicts import judge
from app.engine.model import ClaimRef

D = date(2026, 3, 2)
TEXTS = [
    "Kastria's election commission said turnout reached 61% and Orlov won 48.2% of the vote on Sunday.",
    "Turnout reached 61% on Sunday, the election commission said, and Orlov won 48.2% of the vote.",
    "The election commission said turnout reached 16% on Sunday, with Orlov winning 48.2% of the vote.",
]


def items_of(n: int, text: str):
    claims = extract_claims(text, D)
    out = [make_item(ClaimRef(f"a{n}", i), c, f"Outlet {n}", n, n, D) for i, c in enumerate(claims)]
    return [i for i in out if i is not None]


def signature(findings):
    return sorted((f.type, f.kind, tuple(sorted((r.article_id, r.index) for r in f.claims)))
                  for f in findings)


def test_growing_a_story_article_by_article_finds_what_the_batch_finds():
    book = FactBook()
    for n, text in enumerate(TEXTS):
        book.add(items_of(n, text))
    grown = [f for fact in book.facts() for f in judge(fact)]
    batch = check_articles([ArticleText(f"a{n}", f"Outlet {n}", t, D, story_key="k")
                            for n, t in enumerate(TEXTS)])
    assert signature(grown) == signature(batch.findings)
    assert any(f.type == "discrepancy" for f in grown)


def test_an_ingest_touches_only_the_facts_its_article_states():
    book = FactBook()
    book.add(items_of(0, TEXTS[0]))
    book.add(items_of(1, TEXTS[1]))
    extra = "Separately, officials said 12 ferries were cancelled because of the storm."
    touched, gone = book.add(items_of(2, extra))
    assert touched and all(m.ref.article_id == "a2" for f in touched for m in f.members)
    assert not gone
    assert len(book.facts()) == len(FactBook.restore(book.stored(), {
        m.ref: m for f in book.facts() for m in f.members}).facts())


def test_a_stored_book_restored_from_its_claims_goes_on_as_if_kept():
    kept = FactBook()
    items = {}
    for n, text in enumerate(TEXTS[:2]):
        new = items_of(n, text)
        items.update({i.ref: i for i in new})
        kept.add(new)
    restored = FactBook.restore(kept.stored(), items)
    assert restored.stored() == kept.stored()
    third = items_of(2, TEXTS[2])
    a, _ = kept.add(third)
    b, _ = restored.add(third)
    assert signature(f for fact in a for f in judge(fact)) == signature(f for fact in b for f in judge(fact))
