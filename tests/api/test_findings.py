"""GET /v1/stories/{id}/findings: a story's findings, filtered by type and severity."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.desk_articles import ingest


def _all(client, story_id):
    return client.get(f"/v1/stories/{story_id}/report").json()["findings"]


def test_without_a_filter_every_finding_of_the_report_is_listed(client):
    story_id = ingest(client)
    listed = client.get(f"/v1/stories/{story_id}/findings").json()
    assert listed["items"] == _all(client, story_id) and listed["total"] == len(listed["items"])


@pytest.mark.parametrize("kind", ["discrepancy", "agreement", "correction"])
def test_type_keeps_the_findings_of_that_type(client, kind):
    story_id = ingest(client)
    listed = client.get(f"/v1/stories/{story_id}/findings", params={"type": kind}).json()["items"]
    assert listed == [f for f in _all(client, story_id) if f["type"] == kind]


def test_a_repeated_parameter_admits_any_of_its_values_and_filters_combine(client):
    story_id = ingest(client)
    everything = _all(client, story_id)
    both = client.get(
        f"/v1/stories/{story_id}/findings", params=[("type", "discrepancy"), ("type", "agreement")]
    ).json()["items"]
    assert Counter(f["type"] for f in both) == Counter(
        f["type"] for f in everything if f["type"] in ("discrepancy", "agreement")
    )
    severity = next(f["severity"] for f in everything if f["type"] == "discrepancy")
    narrowed = client.get(
        f"/v1/stories/{story_id}/findings", params={"type": "discrepancy", "severity": severity}
    ).json()["items"]
    assert narrowed and narrowed == [
        f for f in everything if f["type"] == "discrepancy" and f["severity"] == severity
    ]


def test_an_unknown_type_is_a_validation_problem_naming_the_parameter(client):
    story_id = ingest(client)
    answer = client.get(f"/v1/stories/{story_id}/findings", params={"type": "rumour"})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"][0]["loc"][:2] == ["query", "type"]


def test_an_unknown_story_is_not_found(client):
    answer = client.get("/v1/stories/st_000000000000/findings")
    assert answer.status_code == 404 and answer.json()["type"] == "urn:tally:problem:not-found"
