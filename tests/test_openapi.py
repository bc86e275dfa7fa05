"""openapi.yaml is what the app serves; operations are named and document their problem responses."""

from __future__ import annotations

from pathlib import Path

import yaml

from app.openapi import openapi_document

COMMITTED = Path(__file__).resolve().parents[1] / "openapi.yaml"


def test_committed_openapi_yaml_equals_the_served_document():
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert committed == openapi_document(), "openapi.yaml is stale: run `make openapi`"


def test_served_schema_is_the_committed_one(client):
    assert client.get("/openapi.json").json() == yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))


def test_operation_ids_are_clean_and_errors_are_problems():
    document = openapi_document()
    ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert {"check_articles", "extract_claims", "create_article", "list_articles", "get_story_report"} <= set(
        ids
    )
    assert all(i.isidentifier() and i.islower() for i in ids)
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    # a page's 401 (the key form) and 404 are pages; everything else is a problem document
                    page = "pages" in operation["tags"] and status in ("401", "404")
                    expected = ["text/html"] if page else ["application/problem+json"]
                    assert list(response["content"]) == expected, (path, status)
            if path.startswith("/v1"):
                assert "401" in operation["responses"], path
