"""The value page must not overstate: managed months under an agreement only, the headcount
(said so when unknown), and only business stops, in business hours, open ones apart."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from steward.desk import actions
from steward.reports.value import compare_costs
from steward.test import (
    ScanningClient,
    World,
    api_client,
    make_agreement,
    make_org,
    make_ticket,
    patch_json,
    world,
)

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 11, 27, 12, tzinfo=ATHENS)  # a Friday


@pytest.fixture
def w() -> World:
    return world()


def test_the_managed_price_counts_only_the_months_under_an_agreement(w: World) -> None:
    org = make_org(headcount=10)
    make_agreement(org, w.policy, starts=date(2026, 6, 15), unit_price=Decimal("50.00"))
    c = compare_costs(org, date(2026, 1, 1), date(2026, 12, 1))
    assert (c.months, c.months_in_period) == (7, 12)  # June to December
    assert c.managed_cost == Decimal("3500.00")  # 10 x 50 x 7, not x 12
    ended = make_org(headcount=10)
    make_agreement(ended, w.policy, starts=date(2025, 1, 1), ends=date(2026, 2, 10))
    assert compare_costs(ended, date(2026, 1, 1), date(2026, 12, 1)).months == 2


def test_users_are_the_headcount_not_the_portal_accounts(w: World) -> None:
    w.acme.headcount = 40
    w.acme.save()
    c = compare_costs(w.acme, date(2026, 1, 1), date(2026, 1, 1))
    assert (c.users, c.users_source) == (40, "headcount")
    assert compare_costs(w.acme, date(2026, 1, 1), date(2026, 1, 1), users=12).users == 12


def test_without_a_headcount_the_page_says_what_it_counted(w: World) -> None:
    assert w.acme.headcount is None
    c = compare_costs(w.acme, date(2026, 1, 1), date(2026, 1, 1))
    assert (c.users, c.users_source) == (2, "accounts")  # Alice and Andy, said so
    page = ScanningClient(w.manager).get(reverse("billing:value", args=[w.acme.pk]))
    assert "headcount is not set" in page.content.decode()
    w.acme.headcount = 40
    w.acme.save()
    page = ScanningClient(w.manager).get(reverse("billing:value", args=[w.acme.pk]))
    assert "headcount is not set" not in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_work_lost_counts_business_stops_in_business_hours(w: World) -> None:
    # Mon 23 Nov 09:00 to Tue 24 Nov 17:00 Athens: 32 h on the clock, 16 business hours.
    stop = make_ticket(
        w.acme, impact="high", stops_business=True, at=datetime(2026, 11, 23, 9, tzinfo=ATHENS)
    )
    actions.change_status(stop, "resolved", w.tech, at=datetime(2026, 11, 24, 17, tzinfo=ATHENS))
    # High impact, but nobody said it stopped the business: not counted.
    slow = make_ticket(w.acme, impact="high", at=datetime(2026, 11, 23, 9, tzinfo=ATHENS))
    actions.change_status(slow, "resolved", w.tech, at=datetime(2026, 11, 25, 9, tzinfo=ATHENS))
    c = compare_costs(
        w.acme,
        date(2026, 11, 1),
        date(2026, 11, 1),
        hourly_cost_per_user=Decimal("30"),
        affected_users=10,
    )
    assert [o.ticket for o in c.outages] == [stop]
    assert c.outage_hours == Decimal("16.0")
    assert c.productivity_lost == Decimal("4800.00")  # 16 h x 10 people x 30


@time_machine.travel(NOW, tick=False)
def test_an_open_outage_is_shown_apart_and_not_added(w: World) -> None:
    # Since Thu 26 Nov 15:00 Athens, still open at Fri 12:00: 2 + 3 = 5 business hours.
    still = make_ticket(
        w.acme,
        impact="high",
        stops_business=True,
        title="Server room flooded",
        at=datetime(2026, 11, 26, 15, tzinfo=ATHENS),
    )
    c = compare_costs(w.acme, date(2026, 11, 1), date(2026, 11, 1))
    assert c.outages == [] and c.outage_hours == 0 and c.productivity_lost == 0
    assert [(o.ticket, o.hours) for o in c.open_outages] == [(still, Decimal("5.0"))]
    page = ScanningClient(w.acme_admin).get(reverse("billing_portal:value"), {"start": "2026-11"})
    body = page.content.decode()
    assert "Still open, so far" in body and still.number in body


def test_staff_mark_a_business_stop_with_an_event_clients_cannot(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user, impact="high")
    url = f"/api/v1/tickets/{t.pk}"
    assert patch_json(api_client(w.acme_user), url, {"stops_business": True}).status_code == 403
    body = patch_json(api_client(w.tech), url, {"stops_business": True}).json()
    assert body["stops_business"] is True
    assert t.events.filter(kind="stops_business").get().data == {"to": True}
    bad = patch_json(api_client(w.tech), url, {"stops_business": None})
    assert bad.status_code == 422 and bad.json()["field"] == "stops_business"
    form = {"status": "open", "impact": "high", "urgency": "medium"}  # box left unticked
    desk = ScanningClient(w.tech)
    assert desk.post(reverse("desk:update", args=[t.number]), form).status_code == 302
    t.refresh_from_db()
    assert t.stops_business is False
    assert t.events.filter(kind="stops_business").count() == 2
