"""GET /api/v1/organizations/{id}/value: DESIGN.md's shape, tenancy, roles and bad input."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from steward.monitoring.models import Check, Flip, MaintenanceWindow
from steward.test import World, api_client, covers, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
ROUTE = "GET /api/v1/organizations/{org_id}/value"
FIELDS = {
    "downtime_minutes", "downtime", "maintenance_minutes", "cost_of_downtime",
    "billed_for_fixes", "currency", "caught_early", "maintenance",
}  # fmt: skip


@pytest.fixture
def w() -> World:
    return world()


def url(org_id: int, query: str = "from=2026-11-01&to=2026-11-30") -> str:
    return f"/api/v1/organizations/{org_id}/value?{query}"


def _outages(w: World) -> Check:
    w.acme.headcount = 10
    w.acme.save()
    check = Check.objects.create(organization=w.acme, name="Web site", kind="http", status="up")
    Check.objects.filter(pk=check.pk).update(created_at=datetime(2026, 1, 1, tzinfo=ATHENS))
    for day in (10, 11):
        Flip.objects.create(
            owner=check, at=datetime(2026, 11, day, 10, tzinfo=ATHENS), old="up", new="down"
        )
        Flip.objects.create(
            owner=check, at=datetime(2026, 11, day, 12, tzinfo=ATHENS), old="down", new="up"
        )
    MaintenanceWindow.objects.create(
        organization=w.acme,
        starts=datetime(2026, 11, 11, 9, tzinfo=ATHENS),
        ends=datetime(2026, 11, 11, 11, tzinfo=ATHENS),
    )
    return check


@covers(ROUTE, kinds=("login", "tenancy", "role"))
def test_it_answers_the_designs_shape_to_staff_and_the_clients_admin(w: World) -> None:
    check = _outages(w)
    body = api_client(w.tech).get(url(w.acme.pk)).json()
    assert set(body) == FIELDS
    assert (body["downtime_minutes"], body["maintenance_minutes"]) == (120 + 60, 60)
    first = body["downtime"][0]
    assert first["source"] == "check" and first["check"] == check.pk and "ticket" not in first
    assert first["start"] == "2026-11-10T08:00:00.000000+00:00"
    assert first["end"] == "2026-11-10T10:00:00.000000+00:00"
    # Mon 10 and Wed 11 Nov inside the Athens office hours: 3 h x 10 people x 30.00.
    assert body["cost_of_downtime"] == "900.00"
    assert Decimal(body["billed_for_fixes"]) == 0 and body["currency"] == "EUR"
    assert body["maintenance"] == {"planned": 0, "done_on_time": 0, "late": 0, "skipped": 0}
    assert api_client(w.acme_admin).get(url(w.acme.pk)).json() == body
    assert api_client(w.admin).get(url(w.acme.pk)).json() == body
    # A client user does not read what the organization's hours cost.
    assert api_client(w.acme_user).get(url(w.acme.pk)).status_code == 403
    # Another organization is not there at all.
    for user in (w.tech, w.acme_admin, w.globex_user):
        assert (
            api_client(user)
            .get(url(w.globex.pk if user != w.globex_user else w.acme.pk))
            .status_code
            == 404
        )
    assert api_client(w.tech).get(url(w.acme.pk), HTTP_AUTHORIZATION="").status_code == 401


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-13-01&to=2026-11-30", "from"),
        ("from=yesterday", "from"),
        ("from=2026-11-01&to=2026-02-30", "to"),
        ("from=2026-11-30&to=2026-11-01", "to"),
        ("from=2010-01-01&to=2026-11-30", "to"),
        ("from=0001-01-01&to=2026-11-30", "from"),
    ],
)
def test_a_bad_period_is_a_422_naming_the_parameter(w: World, query: str, field: str) -> None:
    response = api_client(w.admin).get(url(w.acme.pk, query))
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field


def test_without_a_period_it_reads_the_last_90_days(w: World) -> None:
    response = api_client(w.admin).get(f"/api/v1/organizations/{w.acme.pk}/value")
    assert response.status_code == 200
    assert response.json()["downtime"] == []
