"""The report pages through the real app (HTML, escaping, headers, keys); tests/browser drives Chromium."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from app.api.pages import SECURITY_HEADERS
from app.cli import load_article_file
from tests.desk_articles import ingest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_the_stories_page_lists_each_story_with_its_finding_counts(client):
    story_id = ingest(client)
    page = client.get("/stories")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    counts = client.get("/v1/stories").json()["items"][0]["findings"]
    assert f'href="/stories/{story_id}"' in page.text
    for kind, count in counts.items():
        assert re.search(rf'class="num {kind}-count">(<span class="badge {kind}">)?{count}<', page.text), kind


def test_the_seeded_story_shows_what_the_readme_promises(client):
    for path in sorted(SEEDS.glob("*.json")):
        for body in load_article_file(path):
            assert client.post("/v1/articles", json=body).status_code == 201
    stories = client.get("/v1/stories").json()["items"]
    (barrage,) = [s for s in stories if "drone" in s["label"] and "marenia" in s["label"]]
    assert barrage["article_count"] == 3
    page = client.get(f"/stories/{barrage['id']}").text
    for figure in ("472 drones", "427 drones", "some 1,200 miles", "about 1,200 kilometers"):
        assert re.search(rf'<mark id="c\d+" class="claim discrepancy"[^>]*>{figure}</mark>', page), figure
    assert "≈ 1,931 km" in page
    assert "Lakeshore 9 News and Meridian Press carry the same copy" in page


def test_an_empty_desk_says_how_to_fill_it(client):
    assert "tally import seeds/" in client.get("/stories").text


def test_pages_carry_a_content_security_policy_that_allows_no_inline_script(client):
    story_id = ingest(client)
    for path in ("/stories", f"/stories/{story_id}", "/stories/st_000000000000"):
        answer = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers[name] == value, (path, name)
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "<script>" not in answer.text  # the only script is /static/desk.js


def test_article_text_title_and_source_are_escaped(client):
    story_id = ingest(client)
    page = client.get(f"/stories/{story_id}").text
    assert "<script>window.hacked" not in page and "<img src" not in page and "<b>Blog</b>" not in page
    assert html.escape("<script>window.hacked = 1</script>", quote=False) in page
    assert "&lt;b&gt;Blog&lt;/b&gt;" in page
    assert 'href="javascript:' not in page


def test_every_highlighted_claim_is_a_finding_claim_at_its_offsets(client):
    story_id = ingest(client)
    report = client.get(f"/v1/stories/{story_id}/report").json()
    claims = {c["id"]: c for c in report["claims"]}
    in_findings = {c for f in report["findings"] for c in f["claims"]}
    page = client.get(f"/stories/{story_id}").text
    marks = re.findall(
        r'<mark id="c\d+" class="claim (\w+)" data-claim="([^"]+)" data-start="(\d+)" data-end="(\d+)"', page
    )
    assert {m[1] for m in marks} == in_findings
    for _, claim_id, start, end in marks:
        assert (int(start), int(end)) == (claims[claim_id]["start"], claims[claim_id]["end"])


def test_a_discrepancy_in_two_units_shows_each_value_in_the_other_unit(client):
    story_id = ingest(client)
    page = client.get(f"/stories/{story_id}", params={"type": "discrepancy"}).text
    assert "≈ 1,931 km" in page and "≈ 746 miles" in page
    assert "Coastline Wire and Harbour FM carry the same copy" in page


def test_the_type_filter_keeps_only_the_rows_of_the_chosen_types(client):
    story_id = ingest(client)
    page = client.get(f"/stories/{story_id}", params={"type": "agreement"}).text
    rows = re.findall(r'<tr id="f\d+" class="finding (\w+)"', page)
    assert rows and set(rows) == {"agreement"}
    assert 'value="agreement" checked' in page and 'value="discrepancy" checked' not in page


def test_an_unknown_story_is_an_html_404(client):
    answer = client.get("/stories/st_000000000000")
    assert answer.status_code == 404 and "No such story" in answer.text


def test_a_carriage_return_survives_as_a_character_reference(client):
    text = "The ferry carried 212 passengers,\r\nofficials near Port Avel said on Tuesday."
    other = {"id": "cr-2", "source": "Two", "story": "cr", "text": text.replace("212", "221")}
    client.post("/v1/articles", json={"id": "cr-1", "source": "One", "story": "cr", "text": text})
    story_id = client.post("/v1/articles", json=other).json()["story_id"]
    page = client.get(f"/stories/{story_id}").text
    assert "</mark>,&#13;\nofficials near" in page


@pytest.fixture
def keyed(make_client):
    return make_client(api_keys="desk-key:ro")


def test_with_keys_a_page_without_one_asks_for_it(keyed):
    answer = keyed.get("/stories")
    assert answer.status_code == 401 and 'name="key"' in answer.text and "not known" not in answer.text
    wrong = keyed.get("/stories", params={"key": "nope"})
    assert wrong.status_code == 401 and "not known" in wrong.text


def test_a_key_in_the_query_is_kept_in_a_cookie_and_dropped_from_the_address(keyed):
    answer = keyed.get("/stories", params={"key": "desk-key", "offset": "0"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/stories?offset=0"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("tally_key=desk-key") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert keyed.get("/stories").status_code == 200  # the client keeps the cookie


def test_a_key_header_opens_the_page_too(keyed):
    assert keyed.get("/stories", headers={"X-API-Key": "desk-key"}).status_code == 200
    assert keyed.get("/stories", headers={"Authorization": "Bearer desk-key"}).status_code == 200


def test_the_api_still_wants_its_header_when_keys_are_set(keyed):
    assert keyed.get("/v1/stories", params={"key": "desk-key"}).status_code == 401
