"""Exports of a story's findings: schema.org ClaimReview (JSON-LD) and CSV, parsed back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from tests.desk_articles import desk_articles, ingest

SCHEMA_ORG = {
    # the schema.org terms the export may use, by the type that carries them
    "ClaimReview": {
        "@type",
        "@id",
        "url",
        "claimReviewed",
        "reviewBody",
        "itemReviewed",
        "reviewRating",
        "author",
        "datePublished",
    },
    "Claim": {"@type", "appearance", "firstAppearance", "datePublished"},
    "CreativeWork": {"@type", "url", "headline", "datePublished", "publisher"},
    "Rating": {"@type", "alternateName", "ratingExplanation"},
    "Organization": {"@type", "name", "url"},
}


def _nodes(value):
    """Every JSON-LD node (an object with an @type) inside `value`."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from _nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _nodes(item)


def _revise_the_herald(client):
    herald = next(a for a in desk_articles() if a["id"] == "herald-pipeline")
    revised = {**herald, "text": herald["text"].replace("$4.3 billion", "$3.4 billion")}
    assert client.post("/v1/articles", json=revised).status_code == 201


def test_claimreview_is_json_ld_with_one_review_per_discrepancy_and_correction(make_client):
    client = make_client(claimreview_author="Osk Fact Desk", public_url="https://tally.osk.example")
    story_id = ingest(client)
    _revise_the_herald(client)
    answer = client.get(f"/v1/stories/{story_id}/claimreview")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/ld+json")
    document = json.loads(answer.text)
    assert document["@context"] == "https://schema.org"
    findings = client.get(f"/v1/stories/{story_id}/report").json()["findings"]
    reviewed = [f for f in findings if f["type"] in ("discrepancy", "correction")]
    assert {f["type"] for f in reviewed} == {"discrepancy", "correction"}
    reviews = document["@graph"]
    assert [r["url"].rsplit("#", 1)[1] for r in reviews] == [f["id"] for f in reviewed]
    for node in _nodes(document["@graph"]):
        assert set(node) <= SCHEMA_ORG[node["@type"]], node["@type"]
    urls = {a["source"]: a["url"] for a in desk_articles()}
    for review, finding in zip(reviews, reviewed, strict=True):
        assert review["@type"] == "ClaimReview" and review["claimReviewed"]
        assert review["url"] == f"https://tally.osk.example/stories/{story_id}#{finding['id']}"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Osk Fact Desk",
            "url": "https://tally.osk.example",
        }
        date.fromisoformat(review["datePublished"])
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"]
        for appearance in item["appearance"]:
            outlet = appearance["publisher"]["name"]
            assert appearance.get("url") == (urls[outlet] if urls[outlet].startswith("https") else None)
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["ratingExplanation"] == finding["reason"]
        expected = "Conflicting figures" if finding["type"] == "discrepancy" else None
        assert rating["alternateName"] == expected or (
            expected is None and "orrect" in rating["alternateName"]
        )


def test_claimreview_names_the_figures_of_each_side(client):
    story_id = ingest(client)
    reviews = client.get(f"/v1/stories/{story_id}/claimreview").json()["@graph"]
    miles = next(r for r in reviews if "'some 1,200 miles'" in r["claimReviewed"])
    assert (
        "(The Osk Herald)" in miles["claimReviewed"] and "'about 1,200 kilometers'" in miles["claimReviewed"]
    )


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_finding_and_reads_back(client):
    story_id = ingest(client)
    answer = client.get(f"/v1/stories/{story_id}/findings.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = _rows(answer.text)
    findings = client.get(f"/v1/stories/{story_id}/findings").json()["items"]
    assert [r["finding_id"] for r in rows] == [f["id"] for f in findings]
    for row, finding in zip(rows, findings, strict=True):
        assert row["type"] == finding["type"] and row["severity"] == finding["severity"]
        assert row["reason"].lstrip("'") == finding["reason"]
        assert row["claims"].split() == finding["claims"]


def test_csv_shows_values_in_both_units_and_the_copies(client):
    story_id = ingest(client)
    rows = _rows(client.get(f"/v1/stories/{story_id}/findings.csv", params={"type": "discrepancy"}).text)
    assert {r["type"] for r in rows} == {"discrepancy"}
    miles = next(r for r in rows if "some 1,200 miles" in r["values"])
    assert "The Osk Herald: some 1,200 miles (≈ 1,931 km)" in miles["values"]
    assert "Coastline Wire and Harbour FM" in miles["copies"]


def test_accept_text_csv_on_the_findings_route_answers_the_same_csv(client):
    story_id = ingest(client)
    negotiated = client.get(f"/v1/stories/{story_id}/findings", headers={"Accept": "text/csv"})
    assert negotiated.headers["content-type"].startswith("text/csv")
    assert negotiated.text == client.get(f"/v1/stories/{story_id}/findings.csv").text


def test_csv_cells_never_start_a_spreadsheet_formula(client):
    hostile = {
        "id": "eq-1",
        "source": '=HYPERLINK("https://evil.example")',
        "story": "formula",
        "text": "Officials said 212 passengers were on the ferry near Port Avel on Tuesday.",
    }
    other = {**hostile, "id": "eq-2", "source": "+Other", "text": hostile["text"].replace("212", "221")}
    client.post("/v1/articles", json=hostile)
    story_id = client.post("/v1/articles", json=other).json()["story_id"]
    rows = _rows(client.get(f"/v1/stories/{story_id}/findings.csv").text)
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
