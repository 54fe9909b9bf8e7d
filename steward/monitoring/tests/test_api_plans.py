"""The maintenance-plans API: DESIGN.md's fields, tenancy, roles and bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client

from steward.desk.models import Queue
from steward.monitoring import plans
from steward.monitoring.models import Check, MaintenancePlan
from steward.test import World, api_client, covers, patch_json, post_json, world

pytestmark = pytest.mark.django_db

V = "/api/v1/maintenance-plans"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
LIST, ONE, RECORD = (
    "GET /api/v1/maintenance-plans",
    "GET /api/v1/maintenance-plans/{plan_id}",
    "GET /api/v1/maintenance-plans/{plan_id}/occurrences",
)
CREATE, CHANGE = "POST /api/v1/maintenance-plans", "PATCH /api/v1/maintenance-plans/{plan_id}"


@pytest.fixture
def w() -> World:
    return world()


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body = {
        "organization": w.acme.pk,
        "name": "Monthly backup restore test",
        "rrule": "FREQ=MONTHLY;BYDAY=1MO",
        "starts": "2026-04-06T09:00:00+03:00",
        "checklist": ["Restore 3 files", "Compare checksums"],
        "assignee": w.tech.pk,
        "estimated_minutes": 30,
    }
    body.update(kw)
    return body


def _plan(w: World, org: Any = None) -> MaintenancePlan:
    return plans.save_plan(
        MaintenancePlan(
            organization=org or w.acme,
            name=f"Patch servers {(org or w.acme).name}",
            rrule="FREQ=WEEKLY",
            starts=NOW,
            checklist=["Patch"],
        ),
        now=NOW,
    )


def test_it_creates_a_plan(w: World) -> None:
    queue = Queue.objects.create(name="Field work")
    response = post_json(api_client(w.tech), V, _body(w, queue=queue.pk))
    assert response.status_code == 201, response.content
    body = response.json()
    assert {k: body[k] for k in ("organization", "name", "rrule", "checklist")} == {
        "organization": w.acme.pk,
        "name": "Monthly backup restore test",
        "rrule": "FREQ=MONTHLY;BYDAY=1MO",
        "checklist": ["Restore 3 files", "Compare checksums"],
    }
    assert (body["assignee"], body["queue"], body["check"]) == (w.tech.pk, queue.pk, None)
    assert body["starts"] == "2026-04-06T06:00:00.000000+00:00"
    assert body["next_at"] == "2026-04-06T06:00:00.000000+00:00"
    assert body["active"] is True and body["estimated_minutes"] == 30
    assert api_client(w.acme_user).get(f"{V}/{body['id']}").json() == body


def test_it_reads_a_time_without_offset_in_the_organizations_zone(w: World) -> None:
    response = post_json(
        api_client(w.admin), V, _body(w, rrule="FREQ=DAILY", starts="2026-11-01T09:00:00")
    )
    # Athens is back on winter time (+02:00) in November.
    assert response.json()["next_at"] == "2026-11-01T07:00:00.000000+00:00"


def test_it_changes_a_plan(w: World) -> None:
    plan = _plan(w)
    client = api_client(w.tech)
    response = patch_json(
        client,
        f"{V}/{plan.pk}",
        {"rrule": "FREQ=MONTHLY;BYMONTHDAY=1", "checklist": ["Patch", "Reboot"], "active": True},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["checklist"] == ["Patch", "Reboot"]
    # 14:00 in Athens, as the plan started; summer time by then (+03:00).
    assert body["next_at"] == "2026-04-01T11:00:00.000000+00:00"
    response = patch_json(client, f"{V}/{plan.pk}", {"active": False})
    assert response.json()["active"] is False and response.json()["next_at"] is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rrule": "FREQ=SOMETIMES"}, "rrule"),
        ({"rrule": "DTSTART:20260101T000000\nRRULE:FREQ=DAILY"}, "rrule"),
        ({"starts": "next week"}, "starts"),
        ({"checklist": []}, "checklist"),
        ({"checklist": ["x" * 201]}, "checklist"),
        ({"checklist": "Restore"}, "checklist"),
        ({"estimated_minutes": 0}, "estimated_minutes"),
        ({"assignee": 999999}, "assignee"),
        ({"queue": 999999}, "queue"),
        ({"check": 999999}, "check"),
        ({"organization": 999999}, "organization"),
        ({"organization": "1"}, "organization"),
        ({"name": ""}, "name"),
    ],
)
def test_it_names_the_bad_field(w: World, changes: dict[str, Any], field: str) -> None:
    response = post_json(api_client(w.admin), V, _body(w, **changes))
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert not MaintenancePlan.objects.exists()


def test_it_names_the_bad_field_of_a_change_and_changes_nothing(w: World) -> None:
    plan = _plan(w)
    client = api_client(w.admin)
    for changes, field in (
        ({"name": "New", "rrule": "FREQ=NEVER"}, "rrule"),
        ({"name": "New", "checklist": None}, "checklist"),
        ({"name": "New", "assignee": w.acme_user.pk}, "assignee"),
    ):
        response = patch_json(client, f"{V}/{plan.pk}", changes)
        assert (response.status_code, response.json()["field"]) == (422, field)
    plan.refresh_from_db()
    assert plan.name.startswith("Patch servers") and plan.rrule == "FREQ=WEEKLY"


def test_it_refuses_another_organizations_check(w: World) -> None:
    theirs = Check.objects.create(organization=w.globex, name="Globex backup", kind="heartbeat")
    response = post_json(api_client(w.admin), V, _body(w, check=theirs.pk))
    assert (response.status_code, response.json()["field"]) == (422, "check")
    ours = Check.objects.create(organization=w.acme, name="Acme backup", kind="heartbeat")
    assert post_json(api_client(w.admin), V, _body(w, check=ours.pk)).json()["check"] == ours.pk


@covers(LIST, ONE, RECORD, CREATE, CHANGE, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    ours, theirs = _plan(w), _plan(w, w.globex)
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = api_client(user)
        assert [p["id"] for p in client.get(V).json()["items"]] == [ours.pk]
        assert client.get(f"{V}?organization={w.globex.pk}").json()["items"] == []
        assert client.get(f"{V}/{theirs.pk}").status_code == 404
        assert client.get(f"{V}/{theirs.pk}/occurrences").status_code == 404
        assert patch_json(client, f"{V}/{theirs.pk}", {"name": "Mine"}).status_code == 404
    response = post_json(api_client(w.tech), V, _body(w, organization=w.globex.pk))
    assert (response.status_code, response.json()["field"]) == (422, "organization")
    assert {p["id"] for p in api_client(w.admin).get(V).json()["items"]} == {ours.pk, theirs.pk}
    theirs.refresh_from_db()
    assert theirs.name.startswith("Patch servers")


@covers(CREATE, CHANGE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    plan = _plan(w)
    for user in (w.acme_admin, w.acme_user):
        client = api_client(user)
        assert client.get(f"{V}/{plan.pk}").status_code == 200  # clients read their plans
        assert post_json(client, V, _body(w)).status_code == 403
        assert patch_json(client, f"{V}/{plan.pk}", {"name": "Mine"}).status_code == 403
    assert MaintenancePlan.objects.count() == 1


def test_it_requires_login(w: World) -> None:
    plan = _plan(w)
    assert Client().get(V).status_code == 401
    assert Client().get(f"{V}/{plan.pk}").status_code == 401
    assert post_json(Client(), V, _body(w)).status_code == 401


def test_it_shows_what_became_of_each_occurrence(w: World) -> None:
    plan = _plan(w)
    with time_machine.travel(datetime(2026, 4, 3, 12, 5, tzinfo=UTC), tick=False):
        plans.open_due()  # the worker was down for a fortnight: two were missed
        body = api_client(w.acme_admin).get(f"{V}/{plan.pk}/occurrences").json()
    assert body["record"] == {"planned": 3, "done_on_time": 0, "late": 0, "skipped": 2, "open": 1}
    assert [o["outcome"] for o in body["occurrences"]] == ["open", "skipped", "skipped"]
    # 14:00 in Athens each week, across the change to summer time.
    assert [o["due_at"][:16] for o in body["occurrences"]] == [
        "2026-04-03T11:00",
        "2026-03-27T12:00",
        "2026-03-20T12:00",
    ]
    assert body["occurrences"][0]["ticket_number"].startswith("ACME-")
