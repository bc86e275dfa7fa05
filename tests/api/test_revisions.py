"""A new revision of a stored article whose figures changed yields a correction with before and after."""

from __future__ import annotations

from tests.factories import FERRY_DAILY, FERRY_DAILY_CORRECTED, article


def daily(text: str) -> dict:
    return article("daily", source="Daily", text=text, story="ferry")


def test_a_changed_figure_in_a_new_revision_is_a_correction(client):
    first = client.post("/v1/articles", json=daily(FERRY_DAILY))
    story_id = first.json()["story_id"]
    revised = client.post("/v1/articles", json=daily(FERRY_DAILY_CORRECTED))
    assert revised.status_code == 201
    report = client.get(f"/v1/stories/{story_id}/report").json()
    corrections = [f for f in report["findings"] if f["type"] == "correction"]
    assert [(f["old_value"], f["new_value"]) for f in corrections] == [("3 lifeboats", "4 lifeboats")]
    claims = {c["id"]: c for c in report["claims"]}
    [claim_id] = corrections[0]["claims"]
    assert FERRY_DAILY_CORRECTED[claims[claim_id]["start"] : claims[claim_id]["end"]] == "4 lifeboats"


def test_an_unchanged_figure_in_a_new_revision_is_no_correction(client):
    text = FERRY_DAILY + " Divers resumed the search."
    first = client.post("/v1/articles", json=daily(FERRY_DAILY))
    client.post("/v1/articles", json=daily(text))
    report = client.get(f"/v1/stories/{first.json()['story_id']}/report").json()
    assert not [f for f in report["findings"] if f["type"] == "correction"]
