"""The review API: DESIGN.md's shape, the actions list replaced whole, tenancy, roles, bad
input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from steward.accounts.models import Role
from steward.reports.models import Review, ReviewAction
from steward.test import World, api_client, covers, make_ticket, make_user, world

pytestmark = pytest.mark.django_db

GET, PUT = "GET /api/v1/tickets/{ticket_id}/review", "PUT /api/v1/tickets/{ticket_id}/review"


@pytest.fixture
def w() -> World:
    return world()


def _put(client: Any, ticket_id: int, body: dict[str, Any]) -> Any:
    return client.put(
        f"/api/v1/tickets/{ticket_id}/review", json.dumps(body), content_type="application/json"
    )


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "what_happened": "The file server's disk filled up; shares went read-only at 09:12.",
        "how_fixed": "Moved the backup staging folder to the NAS and restarted the service.",
        "how_to_avoid": "Alert at 85% full; staging no longer on the system disk.",
        "actions": [
            {"title": "Disk alert at 85%", "owner": w.tech.pk, "due": "2026-03-10", "done": False},
            {"title": "Tell staff what to expect", "owner": w.acme_admin.pk, "due": None},
        ],
    }
    body.update(kw)
    return body


@covers(GET, PUT, kinds=("login", "tenancy", "role"))
def test_staff_write_a_review_and_everyone_of_the_ticket_reads_it(w: World) -> None:
    ticket = make_ticket(w.acme, impact="high", urgency="high", requester=w.acme_user)
    url = f"/api/v1/tickets/{ticket.pk}/review"
    tech = api_client(w.tech)
    missing = tech.get(url)
    assert missing.status_code == 404 and "no review yet" in missing.json()["detail"]
    response = _put(tech, ticket.pk, _body(w))
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) >= {"what_happened", "how_fixed", "how_to_avoid", "actions"}
    assert [(a["title"], a["owner"], a["due"], a["done"]) for a in data["actions"]] == [
        ("Disk alert at 85%", w.tech.pk, "2026-03-10", False),
        ("Tell staff what to expect", w.acme_admin.pk, None, False),
    ]
    for reader in (w.acme_user, w.acme_admin, w.manager):
        assert api_client(reader).get(url).json()["how_fixed"].startswith("Moved"), reader
    # Clients read and never write; another organization sees nothing at all.
    assert _put(api_client(w.acme_admin), ticket.pk, _body(w)).status_code == 403
    assert api_client(w.globex_user).get(url).status_code == 404
    assert _put(api_client(w.globex_user), ticket.pk, _body(w)).status_code == 404
    other_tech = make_user(Role.TECHNICIAN)
    assert _put(api_client(other_tech), ticket.pk, _body(w)).status_code == 404
    assert api_client(w.acme_user).get(url.replace(str(ticket.pk), "999999")).status_code == 404
    # A client user who is not the requester does not see the ticket, nor its review.
    colleague = make_user(Role.CLIENT_USER, w.acme)
    assert api_client(colleague).get(url).status_code == 404
    assert tech.get(url).status_code == 200
    assert _put(tech, ticket.pk, _body(w)).status_code == 200
    assert api_client(w.acme_user).get(url).status_code == 200
    assert Client().get(url).status_code == 401


def test_put_replaces_the_actions_and_keeps_when_one_was_done(w: World) -> None:
    ticket = make_ticket(w.acme, impact="high", urgency="high")
    tech = api_client(w.tech)
    _put(tech, ticket.pk, _body(w))
    first = _put(
        tech,
        ticket.pk,
        _body(w, actions=[{"title": "Disk alert at 85%", "owner": w.tech.pk, "done": True}]),
    ).json()
    assert len(first["actions"]) == 1 and first["actions"][0]["done_at"]
    again = _put(
        tech,
        ticket.pk,
        _body(w, actions=[{"title": "Disk alert at 85%", "owner": w.tech.pk, "done": True}]),
    ).json()
    assert again["actions"][0]["done_at"] == first["actions"][0]["done_at"]
    assert ReviewAction.objects.count() == 1 and Review.objects.count() == 1


@pytest.mark.parametrize(
    ("actions", "field"),
    [
        ([{"title": "ok", "owner": None}, {"title": "  ", "owner": None}], "actions.1.title"),
        ([{"title": "ok"}, {"title": "Their person", "owner": "GLOBEX"}], "actions.1.owner"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(
    w: World, actions: list[dict[str, Any]], field: str
) -> None:
    ticket = make_ticket(w.acme)
    response = _put(api_client(w.tech), ticket.pk, _body(w, actions=actions))
    assert response.status_code in (400, 422)
    assert response.json()["field"] == field
    assert not Review.objects.exists() and not ReviewAction.objects.exists()


def test_an_owner_outside_the_organization_is_refused_and_nothing_changes(w: World) -> None:
    ticket = make_ticket(w.acme)
    tech = api_client(w.tech)
    _put(tech, ticket.pk, _body(w))
    outsider_tech = make_user(Role.TECHNICIAN)  # not assigned to Acme
    for stranger in (w.globex_user, outsider_tech):
        actions = [
            {"title": "First, fine", "owner": w.tech.pk},
            {"title": "x", "owner": stranger.pk},
        ]
        response = _put(tech, ticket.pk, _body(w, what_happened="changed", actions=actions))
        assert response.status_code == 400
        assert response.json()["field"] == "actions.1.owner"
    review = Review.objects.get()
    assert review.what_happened.startswith("The file server")
    assert [a.title for a in review.actions.all()] == [
        "Disk alert at 85%",
        "Tell staff what to expect",
    ]
    bad_due = _put(tech, ticket.pk, _body(w, actions=[{"title": "x", "due": "next week"}]))
    assert bad_due.status_code == 422 and bad_due.json()["field"] == "actions.0.due"
