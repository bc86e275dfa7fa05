"""Hostile input through the real app: every malformed request is a 4xx problem and stores nothing.

Issue 12, items 2 (edge dates), 3 (huge integers, deep and huge JSON), 4 (NUL and control characters) and 8
(zero-width text, URLs, HTML headlines, unknown webhook keys, 405/HEAD, 500 closes the connection).
"""

from __future__ import annotations

import json

import httpx
import pytest

from app.config import Settings
from app.main import create_app
from tests.api.test_webhooks import Live, live_app
from tests.factories import article
from tests.live import serve, signed

JSON = {"content-type": "application/json"}
BIG = "9223372036854775808"  # 2^63
PG_INT_OVERFLOW = "2147483648"  # 2^31


def problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()


def stored(client) -> int:
    return client.get("/v1/articles").json()["total"]


@pytest.fixture
def live(database_url: str):
    yield from live_app(database_url)


# --- item 2: dates outside what the engine resolves -------------------------------------------------


def test_a_far_future_publication_date_is_refused_by_extract(client):
    body = {"text": "5 drones came tomorrow.", "published_at": "9999-12-31"}
    found = problem(client.post("/v1/extract", json=body), 422)
    assert found["errors"][0]["pointer"] == "#/published_at"
    assert "1800-01-01" in found["detail"] and "2999-12-31" in found["detail"]


def test_year_one_with_an_offset_is_refused_by_articles_and_stores_nothing(client):
    body = article("old", published_at="0001-01-01T00:00:00+01:00")
    assert problem(client.post("/v1/articles", json=body), 422)["errors"][0]["pointer"] == "#/published_at"
    assert stored(client) == 0


def test_the_edges_of_the_date_range_are_accepted(client):
    for day in ("1800-01-01", "2999-12-31T23:59:59-12:00"):
        response = client.post("/v1/extract", json={"text": "5 drones came tomorrow.", "published_at": day})
        assert response.status_code == 200, response.text


def test_a_signed_article_with_an_edge_date_is_refused_before_anything_is_stored(live: Live):
    from app import models

    body = article("far", published_at="9999-12-31", text="5 drones came tomorrow.")
    found = problem(live.post(*signed(body)), 400)
    assert found["errors"][0]["pointer"] == "#/published_at"
    assert live.count(models.Article) == 0 and live.count(models.Job) == 0


# --- item 3: integers and JSON beyond what the database or the parser can take ----------------------


@pytest.mark.parametrize(
    "path", ["/v1/articles", "/v1/stories", "/v1/subscriptions", "/v1/articles/a-1/claims"]
)
@pytest.mark.parametrize("offset", [BIG, PG_INT_OVERFLOW])
def test_an_offset_beyond_a_database_integer_is_422(client, path, offset):
    found = problem(client.get(path, params={"offset": offset}), 422)
    assert found["errors"][0]["loc"] == ["query", "offset"]


@pytest.mark.parametrize("revision", [BIG, PG_INT_OVERFLOW])
def test_a_revision_beyond_a_database_integer_is_422(client, revision):
    client.post("/v1/articles", json=article("a-1"))
    found = problem(client.get("/v1/articles/a-1/claims", params={"revision": revision}), 422)
    assert found["errors"][0]["loc"] == ["query", "revision"]


def test_the_largest_database_integer_is_a_valid_offset(client):
    assert client.get("/v1/articles", params={"offset": "2147483647"}).json()["items"] == []


def test_json_nested_10000_deep_is_400_on_every_json_route(client):
    deep = b'{"articles": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    found = problem(client.post("/v1/check", content=deep, headers=JSON), 400)
    assert "deeply" in found["detail"]


def test_a_5000_digit_integer_is_400(client):
    huge = b'{"text": "5 drones", "published_at": ' + b"9" * 5000 + b"}"
    assert "digits" in problem(client.post("/v1/extract", content=huge, headers=JSON), 400)["detail"]


def test_a_signed_body_nested_10000_deep_is_400_and_stores_nothing(live: Live):
    from app import models

    deep = b"[" * 10_000 + b"]" * 10_000
    assert "deeper than" in problem(live.post(*signed(deep)), 400)["detail"]
    assert live.count(models.InboundWebhook) == 0


def test_a_signed_body_with_a_5000_digit_integer_is_400(live: Live):
    raw = json.dumps(article("n")).encode()[:-1] + b', "extra": ' + b"7" * 5000 + b"}"
    assert "5000 digits" in problem(live.post(*signed(raw)), 400)["detail"]


def test_a_signed_body_with_nan_is_400(live: Live):
    raw = json.dumps(article("n")).encode()[:-1] + b', "score": NaN}'
    assert "NaN" in problem(live.post(*signed(raw)), 400)["detail"]


def test_unknown_keys_beside_articles_are_refused(live: Live):
    from app import models

    body = {"articles": [article("a")], "cursor": "p2"}
    found = problem(live.post(*signed(body)), 400)
    assert [e["pointer"] for e in found["errors"]] == ["#/cursor"]
    assert live.count(models.Article) == 0


# --- item 4: NUL and other control characters, on SQLite and PostgreSQL alike -----------------------


@pytest.mark.parametrize("field", ["source", "title", "url", "story", "id"])
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_a_control_character_in_a_stored_string_is_422_and_stores_nothing(client, field, char):
    values = {
        "source": f"Wire{char}Service",
        "title": f"Ferry{char}aground",
        "url": f"https://wire.example/a{char}b",
        "story": f"ferry{char}",
        "id": f"wire{char}1",
    }
    found = problem(client.post("/v1/articles", json=article("w-1", **{field: values[field]})), 422)
    assert found["errors"][0]["pointer"] == f"#/{field}"
    assert stored(client) == 0


def test_a_nul_in_the_text_is_refused_by_check_and_articles(client):
    body = article("w-1", text="212 passengers\x00 aboard.")
    assert "U+0000" in problem(client.post("/v1/articles", json=body), 422)["detail"]
    check = {"articles": [{**body, "id": "a"}]}
    assert problem(client.post("/v1/check", json=check), 422)["errors"][0]["pointer"] == "#/articles/0/text"


def test_tabs_and_line_breaks_stay_allowed_in_texts_and_titles(client):
    body = article("w-1", text="212 passengers.\r\n\tRescuers saved 190.", title="Ferry\naground")
    assert client.post("/v1/articles", json=body).status_code == 201


@pytest.mark.parametrize("param", ["source", "story"])
def test_a_nul_in_a_query_parameter_is_422(client, param):
    response = client.get(f"/v1/articles?{param}=a%00b")
    assert problem(response, 422)["errors"][0]["loc"] == ["query", param]


@pytest.mark.parametrize("path", ["/v1/stories/a%00b", "/v1/subscriptions/a%00b", "/v1/articles/a%00b"])
def test_a_nul_in_a_path_id_is_422(client, path):
    problem(client.get(path), 422)


# --- item 8: blank texts, URLs, HTML headlines --------------------------------------------------------


@pytest.mark.parametrize("text", ["\u200b\u200b", " \u200c\u200d\ufeff ", "\u2060\u00ad", "\u3000\n"])
def test_text_made_only_of_invisible_characters_is_refused(client, text):
    found = problem(client.post("/v1/extract", json={"text": text}), 422)
    assert "blank" in found["detail"]


def test_a_source_made_of_zero_width_spaces_is_refused(client):
    assert problem(client.post("/v1/articles", json=article("z", source="\u200b")), 422)


NOT_HTTP = ["not a url", "ftp://wire.example/a", "javascript:alert(1)", "https://", "https://w.example/a b"]


@pytest.mark.parametrize("url", NOT_HTTP)
def test_an_article_url_must_be_an_http_url(client, url):
    found = problem(client.post("/v1/articles", json=article("u", url=url)), 422)
    assert found["errors"][0]["pointer"] == "#/url"


def test_an_http_url_with_a_port_query_and_fragment_is_accepted(client):
    url = "HTTPS://Wire.Example:8443/ferry?id=7#top"
    assert client.post("/v1/articles", json=article("u", url=url)).status_code == 201


def test_a_ninjs_headline_with_html_is_stored_as_text(live: Live):
    item = {
        "uri": "https://wire.example/ferry",
        "versioncreated": "2025-05-13T09:00:00Z",
        "headline": "<b>Ferry</b> runs <script>x</script>aground &amp; <i>212</i> saved",
        "body_text": "A ferry carrying 212 passengers ran aground.",
    }
    answer = live.post(*signed(item)).json()
    assert live.get(answer["articles"][0]["href"])["title"] == "Ferry runs aground & 212 saved"


# --- item 8: methods, HEAD, the connection after a 500 -------------------------------------------------


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/v1/articles", "GET, HEAD, POST"),
        ("/v1/subscriptions/sub_1", "DELETE, GET, HEAD"),
        ("/v1/check", "POST"),
        ("/healthz", "GET, HEAD"),
    ],
)
def test_a_405_lists_every_method_of_the_path(client, path, allow):
    response = client.request("PATCH", path)
    problem(response, 405)
    assert response.headers["allow"] == allow


def test_head_is_answered_on_get_routes_without_a_body(live_server):
    base = live_server()
    got = httpx.get(f"{base}/v1/articles")
    head = httpx.head(f"{base}/v1/articles")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert httpx.head(f"{base}/healthz").status_code == 200


def test_after_a_500_the_server_says_it_closes_the_connection(tmp_path):
    unmigrated = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'bare.db'}")  # type: ignore[call-arg]
    with serve(create_app(unmigrated)) as base, httpx.Client() as http:
        response = http.get(f"{base}/v1/articles")
        assert response.status_code == 500
        assert response.headers["connection"] == "close"
        assert http.get(f"{base}/healthz").status_code == 200  # a new connection serves the next request


def test_a_1000_character_title_is_stored_and_its_story_label_fits(client):
    response = client.post("/v1/articles", json=article("long", title="0" * 1000))
    assert response.status_code == 201, response.text
    story = client.get(f"/v1/stories/{response.json()['story_id']}").json()
    assert len(story["label"]) <= 500
