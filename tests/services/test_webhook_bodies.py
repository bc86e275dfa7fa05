"""Webhook bodies: one article, a batch, or IPTC ninjs 2.x / 3.x items, turned into articles."""

from __future__ import annotations

import pytest

from app.services.webhook_bodies import MalformedBody, articles_of, html_to_text
from tests.factories import FERRY_WIRE, article

NINJS_3 = {
    "uri": "urn:newsml:wire.example:2025:ferry",
    "type": "text",
    "versionCreated": "2025-05-13T09:00:00Z",
    "headlines": [
        {"role": "sub", "value": "Rescue under way"},
        {"role": "main", "value": "Ferry runs aground"},
    ],
    "bodies": [
        {
            "role": "main",
            "contentType": "text/html",
            "value": "<p>A ferry carrying <b>212</b> passengers.</p>",
        },
        {"role": "main", "contentType": "text/plain", "value": "A ferry carrying 212 passengers."},
    ],
    "infoSources": [{"name": "Wire Service", "role": "originator"}],
}
URN_HASH = "7c185d0e"  # sha256("urn:newsml:wire.example:2025:ferry")[:8]
NINJS_2 = {
    "uri": "https://daily.example/ferry",
    "versioncreated": "2025-05-13T10:00:00+02:00",
    "headline": "Ferry aground",
    "body_html": "<p>Rescuers pulled 198 people from the water.</p><p>Three lifeboats were launched.</p>",
    "copyrightholder": "Daily Example",
}


def test_one_article():
    [one] = articles_of(article("wire-1"), 10)
    assert one.id == "wire-1" and one.text == FERRY_WIRE


@pytest.mark.parametrize("wrap", [lambda items: items, lambda items: {"articles": items}])
def test_a_batch_as_a_list_or_under_articles(wrap):
    found = articles_of(wrap([article("a"), article("b")]), 10)
    assert [a.id for a in found] == ["a", "b"]


def test_ninjs_3_prefers_the_plain_text_body_and_the_main_headline():
    [item] = articles_of(NINJS_3, 10)
    assert item.text == "A ferry carrying 212 passengers."
    assert item.title == "Ferry runs aground"
    assert item.url is None and item.id == "urn-newsml-wire.example-2025-ferry-" + URN_HASH
    assert item.source == "Wire Service"
    assert item.published_at is not None and item.published_at.isoformat() == "2025-05-13T09:00:00+00:00"


def test_ninjs_3_html_body_becomes_text():
    html_only = {**NINJS_3, "bodies": [NINJS_3["bodies"][0]]}
    [item] = articles_of(html_only, 10)
    assert item.text == "A ferry carrying 212 passengers."


def test_ninjs_2_lower_case_fields():
    [item] = articles_of(NINJS_2, 10)
    assert item.text.splitlines() == [
        "Rescuers pulled 198 people from the water.",
        "Three lifeboats were launched.",
    ]
    assert (item.title, item.source, item.url) == (
        "Ferry aground",
        "Daily Example",
        "https://daily.example/ferry",
    )


def test_html_paragraphs_stay_apart_and_entities_are_decoded():
    assert html_to_text("<p>One &amp; two.</p><p>Three.</p>") == "One & two.\nThree."


def test_a_ninjs_item_without_a_body_names_the_text_field():
    with pytest.raises(MalformedBody) as caught:
        articles_of({"uri": "urn:x", "headline": "No body"}, 10)
    assert [e["pointer"] for e in caught.value.errors or []] == ["#/text"]


def test_every_invalid_article_of_a_batch_is_named():
    with pytest.raises(MalformedBody) as caught:
        articles_of({"articles": [article("ok"), {"source": ""}, 7]}, 10)
    pointers = [e["pointer"] for e in caught.value.errors or []]
    assert pointers == ["#/articles/1/source", "#/articles/1/text", "#/articles/2"]


def test_an_empty_batch_and_a_too_large_batch_are_refused():
    with pytest.raises(MalformedBody, match="no articles"):
        articles_of([], 10)
    with pytest.raises(MalformedBody, match="limit is 2"):
        articles_of([article("a"), article("b"), article("c")], 2)
