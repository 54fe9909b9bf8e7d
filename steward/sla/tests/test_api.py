"""The calendars and SLA policies API, with the due-time calculator."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from steward.sla.models import BusinessCalendar, SlaPolicy
from steward.test import (
    World,
    api_client,
    covers,
    make_calendar,
    make_policy,
    post_json,
    world,
)

pytestmark = pytest.mark.django_db
WEEKLY = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
TARGETS = {
    "P1": {"first_response": 30, "next_update": 60, "resolution": 240},
    "P2": {"first_response": 60, "resolution": 480},
}


@pytest.fixture
def w() -> World:
    return world()


def _calendar(client: Client, **kw: Any) -> Any:
    data = {
        "name": "Athens office 2",
        "timezone": "Europe/Athens",
        "weekly": WEEKLY,
        "holiday_country": "GR",
    }
    data.update(kw)
    return post_json(client, "/api/v1/calendars", data)


def test_it_creates_a_calendar(w: World) -> None:
    response = _calendar(
        api_client(w.manager),
        holiday_subdivision="",
        closed_dates=["2026-12-24"],
        extra_working_dates=["2026-10-10"],
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["weekly"]["mon"] == [["09:00", "17:00"]]
    assert body["closed_dates"] == ["2026-12-24"]
    assert body["extra_working_dates"] == ["2026-10-10"]
    assert body["holiday_country"] == "GR"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"weekly": {"funday": [["09:00", "17:00"]]}}, "weekly"),
        ({"weekly": {"mon": [["17:00", "09:00"]]}}, "weekly"),
        ({"weekly": {"mon": [["9am", "5pm"]]}}, "weekly"),
        ({"holiday_country": "XX"}, "holiday_country"),
        ({"holiday_country": "GB", "holiday_subdivision": "ZZZ"}, "holiday_subdivision"),
        ({"closed_dates": ["not-a-date"]}, "closed_dates"),
    ],
)
def test_it_names_the_bad_calendar_field(w: World, data: dict[str, Any], field: str) -> None:
    response = _calendar(api_client(w.admin), **data)
    assert 400 <= response.status_code < 500
    assert response.json()["field"].split(".")[0] == field
    assert not BusinessCalendar.objects.filter(name="Athens office 2").exists()


@covers(
    "POST /api/v1/calendars",
    "PATCH /api/v1/calendars/{calendar_id}",
    "POST /api/v1/sla-policies",
    kinds=("role",),
)
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin):
        client = api_client(user)
        assert _calendar(client).status_code == 403
        response = client.patch(
            f"/api/v1/calendars/{w.calendar.pk}",
            json.dumps({"name": "Renamed"}),
            content_type="application/json",
        )
        assert response.status_code in (403, 404)
        assert (
            post_json(client, "/api/v1/sla-policies", {"name": "x", "targets": TARGETS}).status_code
            == 403
        )
    assert not BusinessCalendar.objects.filter(name="Renamed").exists()


@covers(
    "GET /api/v1/calendars",
    "GET /api/v1/calendars/{calendar_id}",
    "POST /api/v1/calendars/{calendar_id}/due",
    "PATCH /api/v1/calendars/{calendar_id}",
    "GET /api/v1/sla-policies",
    "GET /api/v1/sla-policies/{policy_id}",
    "POST /api/v1/calendars",
    "POST /api/v1/sla-policies",
    kinds=("tenancy",),
)
def test_it_hides_other_organizations(w: World) -> None:
    """A client sees the calendar and policy its own agreement uses, no one else's."""
    secret = make_calendar(name="Globex HQ globex-marker-9c07", timezone="Asia/Shanghai")
    w.globex.calendar = secret
    w.globex.save()
    private = make_policy(name="Globex gold globex-marker-9c07")
    client = api_client(w.acme_user)
    names = [c["name"] for c in client.get("/api/v1/calendars").json()["items"]]
    assert names == ["Athens office"]
    assert client.get(f"/api/v1/calendars/{secret.pk}").status_code == 404
    due = post_json(
        client,
        f"/api/v1/calendars/{secret.pk}/due",
        {"start": "2026-11-23T10:00:00+02:00", "business_minutes": 5},
    )
    assert due.status_code == 404
    assert client.get(f"/api/v1/sla-policies/{private.pk}").status_code == 404
    policies = [p["name"] for p in client.get("/api/v1/sla-policies").json()["items"]]
    assert policies == ["Standard"]
    # Provider staff see them all.
    assert api_client(w.manager).get(f"/api/v1/calendars/{secret.pk}").status_code == 200


@covers("POST /api/v1/calendars/{calendar_id}/due", kinds=("role",))
def test_it_lets_any_role_compute_due_times_on_visible_calendars(w: World) -> None:
    """Computing a due time writes nothing, so no write role is needed; a client may too."""
    response = post_json(
        api_client(w.acme_user),
        f"/api/v1/calendars/{w.calendar.pk}/due",
        {"start": "2026-11-23T10:00:00+02:00", "business_minutes": 30},
    )
    assert response.json()["due"] == "2026-11-23T08:30:00.000000+00:00"  # 10:30 in Athens, in UTC
    assert BusinessCalendar.objects.count() == 1


def test_it_computes_a_due_time_with_its_explanation(w: World) -> None:
    client = api_client(w.tech)
    url = f"/api/v1/calendars/{w.calendar.pk}/due"
    # Friday 27 Nov 16:30 Athens + 60 business minutes = Monday 30 Nov 09:30.
    body = post_json(
        client, url, {"start": "2026-11-27T16:30:00+02:00", "business_minutes": 60}
    ).json()
    assert datetime.fromisoformat(body["due"]) == datetime.fromisoformat(
        "2026-11-30T09:30:00+02:00"
    )
    assert body["due"] == "2026-11-30T07:30:00.000000+00:00"  # every API moment is in UTC
    assert any("16:30-17:00" in line for line in body["explanation"])


def test_it_skips_public_holidays_in_due_times(w: World) -> None:
    client = api_client(w.tech)
    # Thursday 24 Dec 2026 16:30 + 60 minutes: Christmas and Boxing Day are Greek holidays.
    body = post_json(
        client,
        f"/api/v1/calendars/{w.calendar.pk}/due",
        {"start": "2026-12-24T16:30:00+02:00", "business_minutes": 60},
    ).json()
    assert body["due"] == "2026-12-28T07:30:00.000000+00:00"  # 09:30 in Athens
    assert any("25 Dec 2026" in line for line in body["explanation"])


def test_it_keeps_the_offset_across_dst(w: World) -> None:
    body = post_json(
        api_client(w.tech),
        f"/api/v1/calendars/{w.calendar.pk}/due",
        {"start": "2026-03-27T16:00:00+02:00", "business_minutes": 120},
    ).json()
    # 10:00 in Athens, now on summer time (+03:00): 07:00 UTC, not 08:00.
    assert body["due"] == "2026-03-30T07:00:00.000000+00:00"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"start": "2026-11-23T10:00:00", "business_minutes": 5}, "start"),
        ({"start": "yesterday", "business_minutes": 5}, "start"),
        ({"start": "2026-11-23T10:00:00+02:00", "business_minutes": -5}, "business_minutes"),
        ({"start": "2026-11-23T10:00:00+02:00", "business_minutes": "ten"}, "business_minutes"),
        ({"start": "2026-11-23T10:00:00+02:00"}, "business_minutes"),
    ],
)
def test_it_names_the_bad_due_field(w: World, data: dict[str, Any], field: str) -> None:
    response = post_json(api_client(w.tech), f"/api/v1/calendars/{w.calendar.pk}/due", data)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_it_creates_a_policy(w: World) -> None:
    response = post_json(
        api_client(w.admin),
        "/api/v1/sla-policies",
        {
            "name": "Gold",
            "calendar": w.calendar.pk,
            "targets": TARGETS,
            "pause_statuses": ["waiting_on_client"],
            "warning_percent": 75,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["targets"]["P1"]["first_response"] == 30
    assert body["pause_statuses"] == ["waiting_on_client"]
    assert body["warning_percent"] == 75
    policy = SlaPolicy.objects.get(name="Gold")
    assert policy.priority_for("high", "high") == "P1"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"targets": {"P9": {"first_response": 30, "resolution": 60}}}, "targets"),
        ({"targets": {"P1": {"first_response": -1, "resolution": 60}}}, "targets"),
        ({"targets": {"P1": {"resolution": 60}}}, "targets"),
        ({"targets": TARGETS, "warning_percent": 150}, "warning_percent"),
        ({"targets": TARGETS, "calendar": 99999}, "calendar"),
    ],
)
def test_it_names_the_bad_policy_field(w: World, data: dict[str, Any], field: str) -> None:
    response = post_json(api_client(w.admin), "/api/v1/sla-policies", {"name": "Bad", **data})
    assert 400 <= response.status_code < 500
    assert response.json()["field"] == field
    assert not SlaPolicy.objects.filter(name="Bad").exists()


def test_it_updates_a_calendar(w: World) -> None:
    client = api_client(w.manager)
    response = client.patch(
        f"/api/v1/calendars/{w.calendar.pk}",
        json.dumps({"weekly": {"mon": [["08:00", "12:00"]]}}),
        content_type="application/json",
    )
    assert response.status_code == 200
    body = post_json(
        client,
        f"/api/v1/calendars/{w.calendar.pk}/due",
        {"start": "2026-11-23T07:00:00+02:00", "business_minutes": 30},
    ).json()
    assert body["due"] == "2026-11-23T06:30:00.000000+00:00"  # 08:30 in Athens
