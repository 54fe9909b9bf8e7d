"""The problems API and the recurring list: DESIGN.md's fields, tenancy, roles, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from steward.accounts.models import Membership, Role
from steward.reports.models import Problem
from steward.test import World, api_client, covers, make_ticket, make_user, patch_json, post_json
from steward.test import world as make_world

pytestmark = pytest.mark.django_db

P = "/api/v1/problems"
LIST, CREATE = "GET /api/v1/problems", "POST /api/v1/problems"
ONE, CHANGE = "GET /api/v1/problems/{problem_id}", "PATCH /api/v1/problems/{problem_id}"
RECURRING = "GET /api/v1/organizations/{org_id}/recurring"
FIELDS = {
    "id", "organization", "title", "tickets", "root_cause", "workaround", "status", "owner",
    "created_at", "updated_at", "resolved_at",
}  # fmt: skip
NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)


@pytest.fixture
def w() -> World:
    return make_world()


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"organization": w.acme.pk, "title": "Printer on 2F keeps jamming"}
    body.update(kw)
    return body


def _problem(org: Any, title: str = "VPN drops", **kw: Any) -> Problem:
    return Problem.objects.create(organization=org, title=title, **kw)


@covers(CREATE, ONE, CHANGE, kinds=("login",))
def test_it_creates_reads_and_changes_a_problem(w: World) -> None:
    tickets = [make_ticket(w.acme, title="Printer jams").pk for _ in range(3)]
    client = api_client(w.tech)
    response = post_json(client, P, _body(w, tickets=tickets, owner=w.tech.pk))
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == FIELDS
    assert (body["status"], body["tickets"], body["owner"]) == ("open", sorted(tickets), w.tech.pk)
    one = f"{P}/{body['id']}"
    assert api_client(w.acme_user).get(one).json() == body
    change = {
        "status": "known_error",
        "root_cause": "The fuser is worn.",
        "workaround": "Print from tray 2.",
        "tickets": tickets[:2],
    }
    response = patch_json(client, one, change)
    assert response.status_code == 200, response.content
    assert {k: response.json()[k] for k in change} == change
    response = patch_json(client, one, {"status": "resolved", "owner": None})
    assert response.json()["resolved_at"] is not None and response.json()["owner"] is None
    assert api_client(w.admin).get(one, HTTP_AUTHORIZATION="").status_code == 401


@covers(LIST, kinds=("tenancy", "login"))
def test_it_lists_only_visible_problems_and_filters_them(w: World) -> None:
    _problem(w.acme, "VPN drops", status="known_error")
    _problem(w.acme, "Mailbox quota")
    _problem(w.globex, "打印机卡纸")

    def titles(user: Any, query: str = "") -> list[str]:
        return sorted(p["title"] for p in api_client(user).get(f"{P}{query}").json()["items"])

    assert titles(w.acme_user) == ["Mailbox quota", "VPN drops"]
    assert titles(w.tech) == ["Mailbox quota", "VPN drops"]
    assert titles(w.globex_user) == ["打印机卡纸"]
    assert titles(w.admin, f"?organization={w.acme.pk}&status=known_error") == ["VPN drops"]
    response = api_client(w.admin).get(f"{P}?status=closed")
    assert response.status_code == 422 and response.json()["field"] == "status"
    assert api_client(w.admin).get(P, HTTP_AUTHORIZATION="").status_code == 401


@covers(ONE, CHANGE, CREATE, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = _problem(w.globex)
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = api_client(user)
        assert client.get(f"{P}/{theirs.pk}").status_code == 404
        assert patch_json(client, f"{P}/{theirs.pk}", {"title": "x"}).status_code == 404
    response = post_json(api_client(w.tech), P, _body(w, organization=w.globex.pk))
    assert response.status_code == 422 and response.json()["field"] == "organization"
    assert Problem.objects.get(pk=theirs.pk).title == "VPN drops"
    assert Problem.objects.count() == 1


@covers(CREATE, CHANGE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    mine = _problem(w.acme)
    for user in (w.acme_admin, w.acme_user):
        client = api_client(user)
        assert post_json(client, P, _body(w)).status_code == 403
        assert patch_json(client, f"{P}/{mine.pk}", {"title": "x"}).status_code == 403
    assert Problem.objects.get().title == "VPN drops"


def test_it_refuses_tickets_of_another_organization_and_writes_nothing(w: World) -> None:
    ours = make_ticket(w.acme)
    theirs = make_ticket(w.globex)
    client = api_client(w.admin)
    response = post_json(client, P, _body(w, tickets=[ours.pk, theirs.pk]))
    assert response.status_code == 400 and response.json()["field"] == "tickets"
    assert str(theirs.pk) in response.json()["detail"]
    assert not Problem.objects.exists()
    mine = _problem(w.acme)
    response = patch_json(client, f"{P}/{mine.pk}", {"title": "New", "tickets": [theirs.pk]})
    assert response.status_code == 400 and response.json()["field"] == "tickets"
    assert Problem.objects.get().title == "VPN drops"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"status": "closed"}, "status"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"tickets": ["7"]}, "tickets.0"),
        ({"owner": -1}, "owner"),
    ],
)
def test_it_names_the_field_of_bad_input(w: World, change: dict[str, Any], field: str) -> None:
    mine = _problem(w.acme)
    response = patch_json(api_client(w.admin), f"{P}/{mine.pk}", change)
    assert response.status_code in (400, 422) and response.json()["field"] == field
    assert Problem.objects.get().title == "VPN drops"


def test_it_takes_as_owner_only_staff_who_look_after_the_client(w: World) -> None:
    mine = _problem(w.acme)
    stranger = make_user(Role.TECHNICIAN, name="Other tech")
    client = api_client(w.admin)
    for user in (stranger, w.acme_admin):
        response = patch_json(client, f"{P}/{mine.pk}", {"owner": user.pk})
        assert response.status_code == 422 and response.json()["field"] == "owner"
    Membership.objects.create(user=stranger, organization=w.acme)
    assert patch_json(client, f"{P}/{mine.pk}", {"owner": stranger.pk}).status_code == 200


@covers(RECURRING, kinds=("tenancy", "login", "role"))
def test_it_lists_recurring_groups_of_the_period(w: World) -> None:
    titles = ["VPN keeps dropping", "VPN keeps dropping!", "vpn keeps dropping again"]
    ids = [
        make_ticket(w.acme, title=t, at=NOW - timedelta(days=10 - n)).pk
        for n, t in enumerate(titles)
    ]
    url = f"/api/v1/organizations/{w.acme.pk}/recurring"
    with time_machine.travel(NOW, tick=False):
        body = api_client(w.tech).get(url).json()
        assert len(body["items"]) == 1
        item = body["items"][0]
        assert set(item) == {"label", "tickets", "since"}
        assert item["tickets"] == ids and item["label"] in titles
        assert item["since"] == "2026-11-10T10:00:00.000000+00:00"
        assert api_client(w.acme_admin).get(url).status_code == 200
        assert api_client(w.acme_user).get(url).status_code == 403
        assert api_client(w.globex_user).get(url).status_code == 404
        outside = api_client(w.admin).get(f"{url}?from=2026-11-11&to=2026-11-20").json()
        assert outside == {"items": []}
        response = api_client(w.admin).get(f"{url}?from=2026-11-20&to=2026-11-01")
        assert response.status_code == 422 and response.json()["field"] == "to"
        response = api_client(w.admin).get(f"{url}?from=yesterday")
        assert response.status_code == 422 and response.json()["field"] == "from"
        assert api_client(w.admin).get(url, HTTP_AUTHORIZATION="").status_code == 401
