"""Every API operation, read from the OpenAPI schema, refuses anonymous and bad-token callers."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from steward.api import api
from steward.test import covers

SCHEMA = api.get_openapi_schema()
OPERATIONS = [(method.upper(), path) for path, ops in SCHEMA["paths"].items() for method in ops]
ALL_ROUTES = [f"{m} {p}" for m, p in OPERATIONS]


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@covers(*ALL_ROUTES, kinds=("login",))
@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=ALL_ROUTES)
def test_it_requires_login(method: str, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer stw_not-a-real-token"}):
        response = Client().generic(
            method, _url(path), "{}", content_type="application/json", headers=headers
        )
        assert response.status_code == 401, (method, path, response.content)
        body = response.json()
        assert body["detail"]
        assert "field" in body


def test_it_publishes_the_schema() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for expected in (
        "/api/v1/tickets",
        "/api/v1/tickets/{ticket_id}",
        "/api/v1/tickets/{ticket_id}/messages",
        "/api/v1/tickets/{ticket_id}/events",
        "/api/v1/calendars",
        "/api/v1/calendars/{calendar_id}/due",
        "/api/v1/sla-policies",
        "/api/v1/agreements",
        "/api/v1/organizations",
        "/api/v1/organizations/{org_id}",
        "/api/v1/users",
    ):
        assert expected in paths, expected
    assert Client().get("/api/v1/docs").status_code == 200
