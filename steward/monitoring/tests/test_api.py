"""The monitoring API as DESIGN.md writes it: shapes, bad input named, tenancy."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from steward.accounts.models import Membership
from steward.desk.models import Ticket
from steward.monitoring import actions
from steward.monitoring.models import Check, Kind
from steward.test import World, api_client, covers, patch_json, post_json, world

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
V = "/api/v1"
READS = (
    "GET /api/v1/checks",
    "GET /api/v1/checks/{check_id}",
    "GET /api/v1/checks/{check_id}/pings",
    "GET /api/v1/checks/{check_id}/flips",
    "GET /api/v1/maintenance-windows",
)
WRITES = (
    "POST /api/v1/checks",
    "PATCH /api/v1/checks/{check_id}",
    "DELETE /api/v1/checks/{check_id}",
    "POST /api/v1/checks/{check_id}/pause",
    "POST /api/v1/checks/{check_id}/resume",
    "POST /api/v1/maintenance-windows",
    "DELETE /api/v1/maintenance-windows/{window_id}",
)


@pytest.fixture
def w() -> World:
    return world()


def test_create_a_heartbeat_and_read_it_back(w: World) -> None:
    api = api_client(w.tech)
    r = post_json(
        api,
        "/api/v1/checks",
        {
            "organization": w.acme.pk,
            "name": "Nightly backup",
            "kind": "heartbeat",
            "impact": "high",
            "urgency": "medium",
            "tags": ["backup", "nas"],
            "schedule": "30 2 * * *",
            "timezone": "Europe/Athens",
            "grace": 1800,
        },
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["status"] == "new"
    assert body["ping_url"].endswith(f"/ping/{Check.objects.get().code}")
    assert body["schedule"] == "30 2 * * *"
    assert body["timezone"] == "Europe/Athens"
    assert body["tags"] == ["backup", "nas"]
    assert body["open_ticket"] is None
    assert body["next_due"] is None and body["last_ping_at"] is None
    got = api.get(f"/api/v1/checks/{body['id']}").json()
    assert got == body


def test_an_http_check_with_expectations(w: World) -> None:
    r = post_json(
        api_client(w.admin),
        "/api/v1/checks",
        {
            "organization": w.globex.pk,
            "name": "Shop",
            "kind": "http",
            "target": "https://shop.example.com/health",
            "interval": 60,
            "timeout": 5,
            "retries": 2,
            "expect": {"status": [200], "contains": "ok", "max_ms": 2000},
            "auto_resolve": False,
        },
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["ping_url"] is None
    assert (body["interval"], body["timeout"], body["retries"]) == (60, 5, 2)
    assert body["expect"] == {"status": [200], "contains": "ok", "max_ms": 2000}
    assert body["auto_resolve"] is False
    assert body["next_due"] is not None  # it runs at once


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "heartbeat", "schedule": "61 * * * *"}, "schedule"),
        ({"kind": "heartbeat", "period": 5}, "period"),
        ({"kind": "heartbeat", "period": 60, "grace": 0}, "grace"),
        ({"kind": "heartbeat", "timezone": "Mars/Olympus"}, "timezone"),
        ({"kind": "http", "target": "ftp://example.com/", "interval": 60}, "target"),
        ({"kind": "http", "target": "https://example.com/", "interval": 0}, "interval"),
        ({"kind": "tcp", "target": "example.com:70000", "interval": 60}, "target"),
        ({"kind": "tcp", "target": "example.com", "interval": 60}, "target"),
        ({"kind": "tls", "target": "example.com:443", "expect": {"days_left": -1}}, "expect"),
        ({"kind": "dns", "target": "exa mple.com"}, "target"),
        ({"kind": "http", "target": "https://example.com/", "expect": {"days_left": 3}}, "expect"),
        ({"kind": "ping"}, "kind"),
        ({"kind": "heartbeat", "name": ""}, "name"),
        ({"kind": "heartbeat", "impact": "urgent"}, "impact"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(w: World, change: dict[str, Any], field: str) -> None:
    payload = {"organization": w.acme.pk, "name": "X", **change}
    r = post_json(api_client(w.admin), "/api/v1/checks", payload)
    assert r.status_code == 422, r.content
    assert r.json()["field"] == field
    assert not Check.objects.exists()


def test_tenancy(w: World) -> None:
    mine = actions.save_check(w.acme, actions.CheckInput(name="Acme backup", kind=Kind.HEARTBEAT))
    theirs = actions.save_check(
        w.globex, actions.CheckInput(name="Globex backup", kind=Kind.HEARTBEAT)
    )
    tech = api_client(w.tech)
    assert [c["id"] for c in tech.get("/api/v1/checks").json()["items"]] == [mine.pk]
    for path in ("", "/pings", "/flips"):
        assert tech.get(f"/api/v1/checks/{theirs.pk}{path}").status_code == 404
    assert patch_json(tech, f"/api/v1/checks/{theirs.pk}", {"name": "x"}).status_code == 404
    assert tech.delete(f"/api/v1/checks/{theirs.pk}").status_code == 404
    assert tech.post(f"/api/v1/checks/{theirs.pk}/pause").status_code == 404
    r = post_json(
        tech, "/api/v1/checks", {"organization": w.globex.pk, "name": "x", "kind": "heartbeat"}
    )
    assert r.status_code == 422 and r.json()["field"] == "organization"
    # A client reads its own checks, changes none.
    client = api_client(w.acme_user)
    assert [c["id"] for c in client.get("/api/v1/checks").json()["items"]] == [mine.pk]
    assert client.get(f"/api/v1/checks/{theirs.pk}").status_code == 404
    assert client.post(f"/api/v1/checks/{mine.pk}/pause").status_code == 403
    assert api_client(w.globex_user).get(f"/api/v1/checks/{mine.pk}").status_code == 404


def test_pings_flips_pause_and_the_ticket_it_opened(w: World) -> None:
    check = actions.save_check(
        w.acme, actions.CheckInput(name="Antivirus update", kind=Kind.HEARTBEAT, period=3600)
    )
    with time_machine.travel(T0, tick=False):
        Client().get(f"/ping/{check.code}/start")
    with time_machine.travel(T0 + timedelta(seconds=3), tick=False):
        Client().post(f"/ping/{check.code}/2", "signatures out of date", content_type="text/plain")
    api = api_client(w.tech)
    pings = api.get(f"/api/v1/checks/{check.pk}/pings").json()["items"]
    assert [(p["kind"], p["exit_status"], p["body"], p["duration_ms"]) for p in pings] == [
        ("fail", 2, "signatures out of date", 3000),
        ("start", None, "", None),
    ]
    assert datetime.fromisoformat(pings[0]["at"]) == T0 + timedelta(seconds=3)
    flips = api.get(f"/api/v1/checks/{check.pk}/flips").json()["items"]
    assert [(f["from"], f["to"]) for f in flips] == [("new", "down")]
    assert "exit status 2" in flips[0]["reason"]
    body = api.get(f"/api/v1/checks/{check.pk}").json()
    ticket = Ticket.objects.get()
    assert body["status"] == "down" and body["open_ticket"] == ticket.pk
    assert api.get(f"/api/v1/tickets/{ticket.pk}").json()["check"] == check.pk
    assert api.post(f"/api/v1/checks/{check.pk}/pause").json()["status"] == "paused"
    assert api.post(f"/api/v1/checks/{check.pk}/resume").json()["status"] == "new"
    assert api.delete(f"/api/v1/checks/{check.pk}").status_code == 204
    assert Ticket.objects.filter(pk=ticket.pk).exists()  # the desk keeps its history


def test_maintenance_windows(w: World) -> None:
    check = actions.save_check(w.acme, actions.CheckInput(name="NAS", kind=Kind.HEARTBEAT))
    api = api_client(w.manager)
    payload = {
        "organization": w.acme.pk,
        "checks": [check.pk],
        "starts": "2026-03-01T02:00:00+02:00",
        "ends": "2026-03-01T04:00:00+02:00",
        "rrule": "FREQ=WEEKLY;BYDAY=SU",
        "reason": "Windows updates",
    }
    r = post_json(api, "/api/v1/maintenance-windows", payload)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["checks"] == [check.pk]
    assert datetime.fromisoformat(body["starts"]) == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert [x["id"] for x in api.get("/api/v1/maintenance-windows").json()["items"]] == [body["id"]]
    for bad, field in (
        ({"rrule": "FREQ=SOMETIMES"}, "rrule"),
        ({"ends": "2026-03-01T01:00:00+02:00"}, "ends"),
        ({"checks": [999999]}, "checks"),
    ):
        r = post_json(api, "/api/v1/maintenance-windows", {**payload, **bad})
        assert r.status_code == 422 and r.json()["field"] == field, r.content
    assert api_client(w.globex_user).get("/api/v1/maintenance-windows").json()["items"] == []
    tech_globex = post_json(
        api_client(w.tech),
        "/api/v1/maintenance-windows",
        {**payload, "organization": w.globex.pk, "checks": []},
    )
    assert tech_globex.status_code == 422
    assert api.delete(f"/api/v1/maintenance-windows/{body['id']}").status_code == 204


def _ids(w: World) -> dict[str, int]:
    check = actions.save_check(w.acme, actions.CheckInput(name="NAS backup", kind=Kind.HEARTBEAT))
    window = actions.save_window(
        w.acme, actions.WindowInput(starts=T0, ends=T0 + timedelta(hours=1)), w.admin
    )
    return {"check_id": check.pk, "window_id": window.pk}


def _call(client: Client, route: str, ids: dict[str, int], body: object = None) -> Any:
    method, path = route.split(" ", 1)
    for name, value in ids.items():
        path = path.replace("{" + name + "}", str(value))
    payload = "" if body is None else json.dumps(body)
    return client.generic(method, path, payload, "application/json")


@covers(*READS, *WRITES, kinds=("login",))
def test_every_route_needs_a_signed_in_caller(w: World) -> None:
    ids = _ids(w)
    for route in (*READS, *WRITES):
        assert _call(Client(), route, ids).status_code == 401, route
    assert Check.objects.count() == 1


@covers(*WRITES, kinds=("role",))
def test_clients_change_nothing(w: World) -> None:
    ids = _ids(w)
    bodies = {
        "POST /api/v1/checks": {"organization": w.acme.pk, "name": "x", "kind": "heartbeat"},
        "PATCH /api/v1/checks/{check_id}": {"name": "Renamed"},
        "POST /api/v1/maintenance-windows": {
            "organization": w.acme.pk,
            "starts": "2026-03-01T02:00:00+02:00",
            "ends": "2026-03-01T04:00:00+02:00",
        },
    }
    for user in (w.acme_admin, w.acme_user):
        for route in WRITES:
            response = _call(api_client(user), route, ids, bodies.get(route))
            assert response.status_code == 403, (user.role, route)
    check = Check.objects.get()
    assert (check.name, check.status) == ("NAS backup", "new")


@covers(*READS, *WRITES, kinds=("tenancy",))
def test_another_organizations_rows_are_not_found(w: World) -> None:
    ids = _ids(w)
    outsider = api_client(w.globex_user)
    for route in READS:
        response = _call(outsider, route, ids)
        assert response.status_code == 404 or response.json()["items"] == [], route
    Membership.objects.filter(user=w.tech).delete()
    stranger = api_client(w.tech)  # now assigned to no organization
    for route in WRITES:
        body = {"organization": w.acme.pk, "name": "x", "kind": "heartbeat"}
        if "maintenance-windows" in route:
            body = {
                "organization": w.acme.pk,
                "starts": "2026-03-01T02:00:00+02:00",
                "ends": "2026-03-01T04:00:00+02:00",
            }
        response = _call(stranger, route, ids, body)
        assert response.status_code in (404, 422), (route, response.status_code)
    assert Check.objects.get().name == "NAS backup"


def test_the_list_filters_by_tag_kind_and_status(w: World) -> None:
    backup = actions.save_check(
        w.acme, actions.CheckInput(name="Backup", kind=Kind.HEARTBEAT, tags=["nas", "backup"])
    )
    actions.save_check(
        w.acme, actions.CheckInput(name="Shop", kind=Kind.HTTP, target="https://shop.example/")
    )
    api = api_client(w.tech)

    def names(query: str) -> list[str]:
        return [c["name"] for c in api.get(f"/api/v1/checks?{query}").json()["items"]]

    assert names("tag=nas") == ["Backup"]
    assert names("tag=elsewhere") == []
    assert names("kind=http") == ["Shop"]
    assert names("status=new") == ["Backup", "Shop"]
    assert backup.tags == ["backup", "nas"]
    r = api.get("/api/v1/checks?status=sideways")
    assert r.status_code == 422 and r.json()["field"] == "status"
