"""Every API answer has a schema in /api/v1/openapi.json, not a bare "some object".

A client generated from the schema, or a person reading the docs, learns the shape of a
ticket, a user or a page of them from it. Only the answers that are files have none.
"""

from __future__ import annotations

from typing import Any

from steward.api import api
from steward.test import api_operations

# Answers that are files, not JSON: their body has no JSON schema to give.
NOT_JSON = {
    "GET /api/v1/invoices/{invoice_id}/csv",
    "GET /api/v1/invoices/{invoice_id}/pdf",
    "GET /api/v1/invoices/{invoice_id}/ubl",
    "GET /api/v1/invoices/export",
    "POST /api/v1/organizations/{org_id}/exit-pack",
    "GET /api/v1/assets/export",
    "GET /api/v1/organizations/{org_id}/review-pack",
}


def _answers() -> dict[str, dict[str, Any]]:
    """Each operation's 2xx answers, by "METHOD path", and the schema's components."""
    return {
        route: {
            str(code): answer
            for code, answer in operation["responses"].items()
            if str(code).startswith("2")
        }
        for route, operation in api_operations().items()
    }


def _components() -> dict[str, Any]:
    schemas: dict[str, Any] = api.get_openapi_schema()["components"]["schemas"]
    return schemas


def _free_form(schema: dict[str, Any] | None, components: dict[str, Any]) -> bool:
    """True when a schema says no more than "JSON" or "an object" about the body."""
    if not schema:
        return True
    if "$ref" in schema:
        return _free_form(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if "anyOf" in schema:
        return any(_free_form(s, components) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return _free_form(schema.get("items"), components)
    return schema.get("type", "object") == "object" and not schema.get("properties")


def _untyped(answers: dict[str, dict[str, Any]], components: dict[str, Any]) -> list[str]:
    """The status codes of the JSON answers that have no real schema."""
    bad = []
    for code, answer in answers.items():
        content = answer.get("content")
        if code == "204" and not content:
            continue  # No body, nothing to describe.
        json = (content or {}).get("application/json")
        if json is None or _free_form(json.get("schema"), components):
            bad.append(code)
    return bad


def test_every_answer_has_a_schema() -> None:
    components = _components()
    missing = [
        f"{route} ({', '.join(codes)})"
        for route, answers in _answers().items()
        if route not in NOT_JSON
        for codes in [_untyped(answers, components)]
        if codes
    ]
    assert not missing, "answers without a response schema:\n" + "\n".join(missing)


def test_every_exception_is_still_needed() -> None:
    answers = _answers()
    gone = sorted(NOT_JSON - set(answers))
    assert not gone, f"no such routes any more; take them off NOT_JSON: {gone}"
    json = sorted(
        route
        for route in NOT_JSON
        if any("application/json" in a.get("content", {}) for a in answers[route].values())
    )
    assert not json, f"these answer JSON now; take them off NOT_JSON: {json}"


def test_a_page_says_what_its_items_are() -> None:
    # The shape every paginated list promises, key for key.
    components = _components()
    page = _answers()["GET /api/v1/organizations"]["200"]["content"]["application/json"]
    ref = page["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(components[ref]["properties"]) == {"items", "count", "limit", "offset"}
    items = components[ref]["properties"]["items"]["items"]["$ref"]
    assert items.endswith("/OrganizationOut")
