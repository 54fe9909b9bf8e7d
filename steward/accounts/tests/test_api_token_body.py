"""Creating a token: the body is an object, or nothing is made."""

from __future__ import annotations

import json

import pytest

from steward.accounts.models import ApiToken
from steward.test import api_client, world

pytestmark = pytest.mark.django_db


def test_it_wants_an_object_for_a_body() -> None:
    w = world()
    client = api_client(w.acme_user)
    before = ApiToken.objects.count()
    for body in ([], ["x"], "name", 5, True, None):
        response = client.post("/api/v1/tokens", json.dumps(body), content_type="application/json")
        assert response.status_code == 422, body
        assert response.json()["field"] == "body"
    assert ApiToken.objects.count() == before
    response = client.post(
        "/api/v1/tokens", json.dumps({"name": "CI"}), content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["name"] == "CI"
