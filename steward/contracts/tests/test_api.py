"""The agreements API."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement
from steward.test import World, api_client, covers, make_agreement, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _post(client: Client, data: Any) -> Any:
    return client.post("/api/v1/agreements", json.dumps(data), content_type="application/json")


def test_it_creates_an_agreement(w: World) -> None:
    response = _post(
        api_client(w.manager),
        {
            "organization": w.acme.pk,
            "name": "Managed 2027",
            "starts": "2027-01-01",
            "ends": "2027-12-31",
            "sla_policy": w.policy.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    # DESIGN.md's contract, then the terms with their defaults, and the first version.
    assert {k: body[k] for k in ("organization", "name", "starts", "ends", "sla_policy")} == {
        "organization": w.acme.pk,
        "name": "Managed 2027",
        "starts": "2027-01-01",
        "ends": "2027-12-31",
        "sla_policy": w.policy.pk,
    }
    assert body["billing"] == "managed_user" and body["currency"] == "EUR"
    assert body["hourly_rate"] == "0.00" and body["services"] == {}
    assert body["version"] == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"ends": "2026-01-01"}, "ends"),
        ({"starts": "someday"}, "starts"),
        ({"sla_policy": 99999}, "sla_policy"),
        ({"organization": 99999}, "organization"),
    ],
)
def test_it_names_the_bad_field(w: World, data: dict[str, Any], field: str) -> None:
    body = {
        "organization": w.acme.pk,
        "name": "Bad",
        "starts": "2027-01-01",
        "sla_policy": w.policy.pk,
        **data,
    }
    response = _post(api_client(w.admin), body)
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert not Agreement.objects.filter(name="Bad").exists()


@covers(
    "GET /api/v1/agreements",
    "GET /api/v1/agreements/{agreement_id}",
    "POST /api/v1/agreements",
    kinds=("tenancy",),
)
def test_it_hides_other_organizations(w: World) -> None:
    theirs = Agreement.objects.get(organization=w.globex)
    for user in (w.acme_admin, w.tech):
        client = api_client(user)
        orgs = {a["organization"] for a in client.get("/api/v1/agreements").json()["items"]}
        assert orgs == {w.acme.pk}
        assert client.get(f"/api/v1/agreements/{theirs.pk}").status_code == 404
        assert client.get(f"/api/v1/agreements?organization={w.globex.pk}").json()["items"] == []
    response = _post(
        api_client(w.tech),
        {
            "organization": w.globex.pk,
            "name": "x",
            "starts": "2027-01-01",
            "sla_policy": w.policy.pk,
        },
    )
    assert response.status_code == 422


@covers("POST /api/v1/agreements", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin):
        response = _post(
            api_client(user),
            {
                "organization": w.acme.pk,
                "name": "Mine",
                "starts": "2027-01-01",
                "sla_policy": w.policy.pk,
            },
        )
        assert response.status_code == 403
    assert not Agreement.objects.filter(name="Mine").exists()


def test_it_applies_the_agreement_in_force_to_new_tickets(w: World) -> None:
    from datetime import date

    from steward.test import make_policy, make_ticket

    fast = make_policy(
        name="Fast",
        targets={p: {"first_response": 5, "resolution": 30} for p in ("P1", "P2", "P3", "P4")},
    )
    make_agreement(w.acme, fast, starts=date(2020, 6, 1))
    ticket = make_ticket(w.acme)
    assert ticket.sla_policy == fast


def test_the_list_costs_the_same_queries_for_many_agreements(
    w: World, django_assert_max_num_queries: Any
) -> None:
    from datetime import date

    client = api_client(w.manager)
    client.get("/api/v1/agreements")  # warm the session and token lookups

    for year in range(2030, 2040):
        contract_actions.record_version(make_agreement(w.acme, starts=date(year, 1, 1)), w.manager)
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/agreements?limit=50").json()
    assert len(body["items"]) >= 10
