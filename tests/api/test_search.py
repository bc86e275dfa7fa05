"""GET /v1/articles?q=: full-text search of current titles and texts (SQLite FTS5 / PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.desk_articles import desk_articles
from tests.factories import FERRY_DAILY, article


def _ids(client, **params):
    answer = client.get("/v1/articles", params=params)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["total"] == len(body["items"])
    return {a["id"] for a in body["items"]}


@pytest.fixture
def stored(client):
    for body in [*desk_articles(), article("wire"), article("daily", source="Daily", text=FERRY_DAILY)]:
        assert client.post("/v1/articles", json=body).status_code == 201
    return client


def test_a_word_of_the_text_finds_its_articles(stored):
    assert _ids(stored, q="pipeline") == {"cw-pipeline", "hfm-pipeline", "herald-pipeline", "blog-pipeline"}
    assert _ids(stored, q="ferry") == {"wire", "daily"}


def test_every_word_must_occur(stored):
    assert _ids(stored, q="pipeline welded") == {"herald-pipeline"}
    assert _ids(stored, q="ferry pipeline") == set()


def test_words_are_stemmed(stored):
    assert _ids(stored, q="passenger") == {"wire", "daily"}  # the texts say "passengers"
    assert "herald-pipeline" in _ids(stored, q="weld")  # "welded"


def test_the_title_is_searched_too(stored):
    assert _ids(stored, q="completed") == {"herald-pipeline"}  # only in its title


def test_search_syntax_in_the_query_is_read_as_words(stored):
    for query in ['"pipeline', "pipeline OR ferry", "NEAR(pipeline ferry)", "pipe*", "title:ferry", "-ferry"]:
        stored.get("/v1/articles", params={"q": query}).raise_for_status()
    assert _ids(stored, q="pipeline OR ferry") == set()  # OR is a word here, and no text holds it
    assert _ids(stored, q="%%%") == set()


def test_a_new_revision_replaces_the_searched_text(stored):
    revised = article("daily", source="Daily", text=FERRY_DAILY.replace("lifeboats", "dinghies"))
    assert stored.post("/v1/articles", json=revised).status_code == 201
    assert _ids(stored, q="dinghies") == {"daily"}
    assert _ids(stored, q="lifeboats") == set()


def test_q_combines_with_the_other_filters(stored):
    assert _ids(stored, q="ferry", source="Daily") == {"daily"}
    assert _ids(stored, q="gas", source="Harbour FM") == {"hfm-pipeline"}


def test_an_empty_query_is_refused(stored):
    answer = stored.get("/v1/articles", params={"q": ""})
    assert answer.status_code == 422 and answer.json()["errors"][0]["loc"] == ["query", "q"]
