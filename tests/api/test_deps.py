"""Routes are handed the settings the app was built with (`SettingsDep`), not the environment's."""

from __future__ import annotations

from tests.factories import FERRY_DAILY, article


def test_routes_use_the_apps_settings_even_when_the_environment_says_otherwise(monkeypatch, make_client):
    monkeypatch.setenv("TALLY_MAX_ARTICLES", "1")
    client = make_client(max_articles=2)
    body = {"articles": [article("a"), article("b", text=FERRY_DAILY)]}
    assert client.post("/v1/check", json=body).status_code == 200
    assert client.post("/v1/check", json={"articles": [*body["articles"], article("c")]}).status_code == 413


def test_api_keys_come_from_the_apps_settings(monkeypatch, make_client):
    monkeypatch.delenv("TALLY_API_KEYS", raising=False)
    client = make_client(api_keys="desk:rw")
    assert client.get("/v1/stories").status_code == 401
    assert client.get("/v1/stories", headers={"X-API-Key": "desk"}).status_code == 200
