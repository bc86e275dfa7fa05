"""What an article is about, as a vector of telling words, and how alike two articles are.

A word's weight is how often the article uses it (its title and lead count more: news puts the event
first), times how telling the word is in general English (`lexicon.background.specificity`), so the reading
never depends on the other articles of a request. Names (capitalised inside a sentence) weigh a little more.
Figures the article states ("drone:472") and its publication date complete the signature.

    >>> a = article_signature(ArticleText("a", "Wire", "The ferry Marisol sank off Port Avel."))
    >>> b = article_signature(ArticleText("b", "Desk", "Divers reached the Marisol ferry near Port Avel."))
    >>> c = article_signature(ArticleText("c", "Desk", "Lawmakers passed the school budget in Norden."))
    >>> similarity(a, b) > 0.3 > similarity(a, c)
    True
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.engine import lexicon as lx
from app.engine.lexicon.background import specificity
from app.engine.model import ArticleText, Claim
from app.engine.text import Sentence, compounds, lemma, read_sentences, tokenize

TITLE_WEIGHT = 3.0  # a word of the headline counts this many times
LEAD_SENTENCES, LEAD_WEIGHT = 3, 3.0  # the first sentences name the event
CONTENT_MIN = 0.03  # below this likeness of what happened, shared names never make one story
CONTENT_SHARE = 0.6  # what happened weighs this much of the likeness; who and where the rest
MAX_TERMS = 200  # telling words kept per article
WINDOW_DAYS = 14  # a story's articles leave no gap longer than this between their publication dates
FIGURE_BONUS, FIGURES_CAP = 0.05, 0.25  # per figure two articles share ("drone:472"), and at most


@dataclass(frozen=True, slots=True)
class ArticleSignature:
    """An article as the grouping sees it: unit-length word weights, figures, date, explicit story key.

    `order` is a content-derived sort key (publication date, then a digest of source and text), so that
    grouping never depends on the order or the ids the articles arrived with.
    """

    article_id: str
    terms: dict[str, float]  # what happened: common nouns, verbs, adjectives (unit length)
    names: dict[str, float]  # who and where: words written capitalised inside sentences (unit length)
    figures: frozenset[str] = frozenset()
    published_at: date | None = None
    story_key: str | None = None
    order: tuple[str, str] = ("", "")


def article_signature(
    article: ArticleText, claims: Sequence[Claim] = (), sentences: Sequence[Sentence] | None = None
) -> ArticleSignature:
    """The signature of one article (its framed claims give the figures). `sentences` are the article's
    `read_sentences`, when extraction has read them already (their words are tokenized once)."""
    stop = lx.stopwords()
    counts: Counter = Counter()
    names: Counter = Counter()
    if sentences is None:
        sentences = read_sentences(article.text)
    body = [[t.text for t in s.words if t.is_word] for s in sentences]
    parts = [(_words(article.title or ""), TITLE_WEIGHT)]
    parts += [(words, LEAD_WEIGHT if i < LEAD_SENTENCES else 1.0) for i, words in enumerate(body)]
    lower_words = {w for words in body for w in words if w.islower()}
    for words, weight in parts:
        for k, word in enumerate(words):
            word = word.replace("’", "'").removesuffix("'s")
            if word[0].isupper() and word.lower() not in lower_words and (k > 0 or word.isupper()):
                if word.lower() not in stop and len(word) > 1:
                    names[word.lower()] += weight
                continue
            term = lemma(word)
            if term in stop or len(term) < 3:
                continue
            counts[term] += weight
    figures = frozenset(
        f"{c.frame.counted or c.value.unit}:{c.value.nominal:g}"
        for c in claims
        if c.context == "body" and c.value.nominal is not None and c.kind in ("count", "money", "quantity")
        and abs(c.value.nominal) >= 10  # "three people" is too common to tell stories apart
    )
    digest = hashlib.sha256(f"{article.source}\x1f{article.text}".encode()).hexdigest()
    day = article.published_at.isoformat() if article.published_at else ""
    return ArticleSignature(article.id, _unit_vector(counts), _unit_vector(names), figures,
                            article.published_at, article.story_key, (day, digest))


def _words(sentence: str) -> list[str]:
    """The words of a sentence as the one tokenizer reads them, hyphenated compounds whole."""
    return [t.text for t in compounds(tokenize(sentence)) if t.is_word]


def _unit_vector(counts: Counter) -> dict[str, float]:
    """The MAX_TERMS heaviest words, weighted by use and specificity, scaled to unit length."""
    weighted = {t: (1.0 + math.log(c)) * specificity(t) for t, c in counts.items()}
    kept = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: w / norm for t, w in kept}


def similarity(a: ArticleSignature, b: ArticleSignature) -> float:
    """Likeness of what happened and of who and where (cosines), plus a bonus per shared figure."""
    content = _cosine(a.terms, b.terms)
    if content < CONTENT_MIN:
        return 0.0  # one place and its people, but nothing that happened in common: two events
    cosine = CONTENT_SHARE * content + (1 - CONTENT_SHARE) * _cosine(a.names, b.names)
    return cosine + min(FIGURES_CAP, FIGURE_BONUS * len(a.figures & b.figures))


def _cosine(x: dict[str, float], y: dict[str, float]) -> float:
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    # the shared words only, in the smaller vector's order (the sum is the same to the last bit)
    return sum([w * large[t] for t, w in small.items() if t in large])


def telling_terms(sig: ArticleSignature, n: int) -> list[str]:
    """The `n` heaviest words of a signature (ties by the word), e.g. to look stories up by."""
    both = {**sig.terms, **{f"@{t}": w for t, w in sig.names.items()}}
    return [t for t, _ in sorted(both.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def signature_to_dict(sig: ArticleSignature) -> dict:
    """A JSON-ready form of a signature, for a service to store (`signature_from_dict` reads it back)."""
    return {
        "article_id": sig.article_id,
        "terms": sig.terms,
        "names": sig.names,
        "figures": sorted(sig.figures),
        "published_at": sig.published_at.isoformat() if sig.published_at else None,
        "story_key": sig.story_key,
        "order": list(sig.order),
    }


def signature_from_dict(data: dict) -> ArticleSignature:
    """The signature `signature_to_dict` wrote."""
    day = data.get("published_at")
    return ArticleSignature(
        article_id=data["article_id"],
        terms=dict(data["terms"]),
        names=dict(data["names"]),
        figures=frozenset(data["figures"]),
        published_at=date.fromisoformat(day) if day else None,
        story_key=data.get("story_key"),
        order=tuple(data["order"]),
    )
