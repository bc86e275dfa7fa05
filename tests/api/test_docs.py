"""The API documentation: served offline, every route summarised and described, every answer exemplified."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

import app.services  # noqa: F401
from app.api import articles, check, exports, extract, health, pages, stories, subscriptions, webhooks
from app.api.responses import PROBLEM_EXAMPLES
from app.errors import TallyError
from app.openapi import openapi_document
from app.schemas import CheckRequest, Problem

DOCUMENT = openapi_document()
OPERATIONS = [
    (path, method, operation)
    for section in ("paths", "webhooks")
    for path, operations in DOCUMENT.get(section, {}).items()
    for method, operation in operations.items()
]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_files_the_app_serves(client, page):
    html = client.get(page).text
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html) + re.findall(r"url: '([^']+)'", html)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        answer = client.get(asset)
        assert answer.status_code == 200 and answer.content, asset


def test_no_page_or_schema_names_a_cdn(client):
    for page in ("/docs", "/redoc"):
        assert "cdn." not in client.get(page).text and "fonts.googleapis" not in client.get(page).text


@pytest.mark.parametrize(
    ("path", "method", "operation"), OPERATIONS, ids=[f"{m} {p}" for p, m, _ in OPERATIONS]
)
def test_every_operation_has_its_own_summary_and_a_description(path, method, operation):
    default = operation["operationId"].replace("_", " ").title()
    assert operation.get("summary") and operation["summary"] != default, (method, path)
    assert operation.get("description"), (method, path)


def _routes() -> list[APIRoute]:
    modules = (articles, check, exports, extract, health, pages, stories, subscriptions, webhooks)
    return [r for m in modules for r in m.router.routes if isinstance(r, APIRoute) and r.include_in_schema]


BY_ID = {operation["operationId"]: operation for _, _, operation in OPERATIONS}


@pytest.mark.parametrize("route", _routes(), ids=lambda r: r.operation_id)
def test_every_success_answer_has_an_example_that_fits_its_model(route):
    operation = BY_ID[route.operation_id]
    successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
    assert successes, route.path
    for status, response in successes.items():
        content = response.get("content", {})
        if status == "204":
            continue
        assert content, (route.path, status)
        for media, body in content.items():
            assert "example" in body or "examples" in body or media == "text/html", (
                route.path,
                status,
                media,
            )
    # FastAPI drops null values from the served document, so the examples are validated as written
    documented = route.responses.get(route.status_code or 200) or route.responses.get(str(route.status_code))
    if route.response_model is not None and documented and "content" in documented:
        TypeAdapter(route.response_model).validate_python(
            documented["content"]["application/json"]["example"]
        )


def test_every_request_body_has_an_example():
    for path, method, operation in OPERATIONS:
        body = operation.get("requestBody")
        if body is None:
            continue
        media = body["content"]["application/json"]
        schema = media.get("schema", {})
        ref = schema.get("$ref", "").rsplit("/", 1)[-1]
        component = DOCUMENT["components"]["schemas"].get(ref, {})
        assert "example" in media or "examples" in media or "examples" in component, (method, path)


def _problem_types() -> set[str]:
    seen: set[str] = set()
    todo = list(TallyError.__subclasses__())
    while todo:
        cls = todo.pop()
        seen.add(cls.slug)
        todo.extend(cls.__subclasses__())
    return seen


def test_every_problem_type_has_an_example_and_examples_differ_by_type():
    assert _problem_types() <= set(PROBLEM_EXAMPLES), _problem_types() - set(PROBLEM_EXAMPLES)
    for path, method, operation in OPERATIONS:
        for status, response in operation["responses"].items():
            if status[0] not in "45" or status == "500" or status.endswith("XX"):
                continue
            if "application/problem+json" not in response["content"]:  # a page's error is a page
                assert response["content"]["text/html"].get("example"), (method, path, status)
                continue
            examples: dict[str, Any] = response["content"]["application/problem+json"]["examples"]
            types = [e["value"]["type"] for e in examples.values()]
            assert len(types) == len(set(types)), (method, path, status)
            for example in examples.values():
                problem = Problem.model_validate(example["value"])
                assert problem.status == int(status), (method, path, status, problem.type)


def test_the_check_example_finds_the_discrepancy_it_shows(client):
    example = CheckRequest.model_json_schema()["examples"][0]
    answer = client.post("/v1/check", json=example).json()
    discrepancies = [f for f in answer["findings"] if f["type"] == "discrepancy"]
    assert discrepancies, answer["findings"]
    claims = {c["id"]: c["text"] for c in answer["claims"]}
    assert {claims[c] for c in discrepancies[0]["claims"]} == {"212 passengers", "221 passengers"}
