"""GET /api/v1/organizations/{id}/scorecard: the shape of DESIGN.md, numbers as JSON numbers,
who may read it, and a bad period named by its field."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from steward.desk import actions
from steward.test import World, api_client, covers, make_ticket, world

pytestmark = pytest.mark.django_db
ROUTE = "GET /api/v1/organizations/{org_id}/scorecard"
ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 12, 1, 12, tzinfo=ATHENS)
KEYS = {
    "opened",
    "resolved",
    "backlog",
    "sla_compliance",
    "median_first_response_minutes",
    "median_resolution_hours",
    "reopened_percent",
    "first_contact_resolution_percent",
    "csat",
}


@pytest.fixture
def w() -> World:
    return world()


def _url(org_id: int, query: str = "from=2026-11-01&to=2026-11-30") -> str:
    return f"/api/v1/organizations/{org_id}/scorecard?{query}"


@time_machine.travel(NOW, tick=False)
def test_it_answers_the_shape_of_the_design_with_numbers(w: World) -> None:
    w.acme.agreements.update(kpi_targets={"sla_compliance": 95, "csat": 4.5})
    t = make_ticket(w.acme, requester=w.acme_user, at=datetime(2026, 11, 23, 10, tzinfo=ATHENS))
    actions.post_message(t, w.tech, "On it", at=datetime(2026, 11, 23, 10, 30, tzinfo=ATHENS))
    actions.change_status(t, "resolved", w.tech, at=datetime(2026, 11, 23, 12, tzinfo=ATHENS))
    make_ticket(w.acme, requester=w.acme_user, at=datetime(2026, 10, 20, 10, tzinfo=ATHENS))

    body = api_client(w.acme_admin).get(_url(w.acme.pk)).json()
    assert set(body) == {"organization", "from", "to", "tickets", "kpis", "previous"}
    assert (body["organization"], body["from"], body["to"]) == (
        w.acme.pk,
        "2026-11-01",
        "2026-11-30",
    )
    # backlog: October's ticket, never answered, is still open at the end.
    assert body["tickets"] == {"opened": 1, "resolved": 1, "backlog": 1}
    assert set(body["kpis"]) == KEYS == set(body["previous"])
    assert body["kpis"]["sla_compliance"] == {"value": 100.0, "target": 95.0, "met": True, "n": 2}
    assert body["kpis"]["median_first_response_minutes"]["value"] == 30.0
    assert body["kpis"]["median_resolution_hours"]["value"] == 2.0
    # The resolution mailed a survey that nobody has answered yet: no mean, a 0 % response.
    assert body["kpis"]["csat"] == {
        "value": None,
        "target": 4.5,
        "met": None,
        "n": 0,
        "response_rate": 0.0,
    }
    assert body["previous"]["opened"] == {"value": 1, "n": 1}
    assert body["previous"]["sla_compliance"]["n"] == 2  # October's: both targets missed
    assert body["previous"]["sla_compliance"]["value"] == 0.0


@covers(ROUTE, kinds=("tenancy", "login"))
def test_it_hides_other_organizations(w: World) -> None:
    assert api_client(w.tech).get(_url(w.globex.pk)).status_code == 404  # not his client
    assert api_client(w.acme_admin).get(_url(w.globex.pk)).status_code == 404
    assert api_client(w.acme_admin).get(_url(999_999)).status_code == 404
    assert api_client(w.tech).get(_url(w.acme.pk), HTTP_AUTHORIZATION="").status_code == 401
    assert api_client(w.admin).get(_url(w.globex.pk)).status_code == 200


@covers(ROUTE, kinds=("role",))
def test_a_client_user_may_not_read_it_but_staff_and_the_client_admin_may(w: World) -> None:
    response = api_client(w.acme_user).get(_url(w.acme.pk))
    assert response.status_code == 403
    for user in (w.admin, w.manager, w.tech, w.acme_admin):
        assert api_client(user).get(_url(w.acme.pk)).status_code == 200, user.role


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-13-01&to=2026-11-30", "from"),
        ("from=yesterday", "from"),
        ("from=2026-11-01&to=30.11.2026", "to"),
        ("from=2026-11-30&to=2026-11-01", "to"),
        ("from=2000-01-01&to=2026-11-30", "to"),
        ("from=1066-10-14", "from"),
    ],
)
def test_a_bad_period_names_its_field(w: World, query: str, field: str) -> None:
    response = api_client(w.tech).get(_url(w.acme.pk, query))
    assert response.status_code == 422
    assert response.json()["field"] == field


@time_machine.travel(NOW, tick=False)
def test_without_a_period_it_is_the_last_90_days(w: World) -> None:
    body = api_client(w.tech).get(_url(w.acme.pk, "")).json()
    assert (body["from"], body["to"]) == ("2026-09-03", "2026-12-01")
