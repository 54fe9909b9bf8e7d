"""Downtime and its cost, computed by hand: merged outages, maintenance windows cut out
(repeating ones too), the period's edges in the organization's time zone, the cost, what the
fixes were billed, what monitoring caught before anyone called, maintenance done on time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from steward.accounts.models import Organization
from steward.billing.models import TimeEntry
from steward.desk import actions
from steward.desk.models import Ticket
from steward.monitoring import plans
from steward.monitoring.models import (
    Alert,
    Check,
    Flip,
    MaintenancePlan,
    MaintenanceWindow,
    Occurrence,
)
from steward.reports.downtime import report, value
from steward.reports.period import Period
from steward.test import World, make_agreement, make_org, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")  # +02:00 all November
NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
NOW = datetime(2026, 12, 3, 12, tzinfo=ATHENS)


@pytest.fixture
def w() -> World:
    return world()


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ATHENS)


def make_check(org: Organization, name: str = "Web site") -> Check:
    return Check.objects.create(
        organization=org, name=name, kind="http", status="up", created_at=at(1, 0, month=1)
    )


def outage(check: Check, down: datetime, up: datetime | None = None) -> None:
    Flip.objects.create(owner=check, at=down, old="up", new="down")
    if up is not None:
        Flip.objects.create(owner=check, at=up, old="down", new="up")


def business_stop(
    org: Organization, opened: datetime, resolved: datetime | None, **kw: Any
) -> Ticket:
    t = make_ticket(org, impact="high", stops_business=True, kind="incident", at=opened, **kw)
    if resolved is not None:
        actions.change_status(t, "resolved", None, at=resolved)
    return t


def test_two_overlapping_check_outages_count_once(w: World) -> None:
    org = make_org()
    web, mail = make_check(org), make_check(org, "Mail")
    outage(web, at(10, 10), at(10, 11))
    outage(mail, at(10, 10, 30), at(10, 12))
    v = value(org, NOV, NOW)
    assert v["downtime_minutes"] == 120  # 10:00-12:00, not 60 + 90
    [span] = v["downtime"]
    assert (span["start"], span["end"]) == (at(10, 10), at(10, 12))
    assert (span["source"], span["check"]) == ("check", web.pk)
    assert [m["check"] for m in span["merged"]] == [web.pk, mail.pk]
    assert v["maintenance_minutes"] == 0


def test_an_incident_that_stopped_the_business_merges_with_a_check_outage(w: World) -> None:
    org = make_org()
    web = make_check(org)
    outage(web, at(10, 10), at(10, 11))
    stop = business_stop(org, at(10, 10, 30), at(10, 13))
    # High impact but not marked as stopping the business: not downtime.
    slow = make_ticket(org, impact="high", kind="incident", at=at(12, 9))
    actions.change_status(slow, "resolved", None, at=at(12, 10))
    # A separate business stop later the same month.
    later = business_stop(org, at(20, 9), at(20, 9, 45))
    v = value(org, NOV, NOW)
    assert v["downtime_minutes"] == 180 + 45
    first, second = v["downtime"]
    assert (first["start"], first["end"]) == (at(10, 10), at(10, 13))
    assert [(m["source"], m.get("check") or m.get("ticket")) for m in first["merged"]] == [
        ("check", web.pk),
        ("ticket", stop.pk),
    ]
    assert (second["source"], second["ticket"]) == ("ticket", later.pk)


def test_a_maintenance_window_cuts_an_outage_and_its_minutes_are_shown_apart(w: World) -> None:
    org = make_org()
    web, mail = make_check(org), make_check(org, "Mail")
    window = MaintenanceWindow.objects.create(
        organization=org, starts=at(10, 10), ends=at(10, 10, 45)
    )
    window.checks.add(web)
    outage(web, at(10, 10, 15), at(10, 11, 15))
    outage(mail, at(10, 10, 15), at(10, 10, 30))  # the window does not name it: counted
    v = value(org, NOV, NOW)
    assert v["maintenance_minutes"] == 15  # 10:30-10:45: web in its window, mail already up
    assert v["downtime_minutes"] == 15 + 30  # mail 10:15-10:30, web 10:45-11:15
    assert [(d["start"], d["end"]) for d in v["downtime"]] == [
        (at(10, 10, 15), at(10, 10, 30)),
        (at(10, 10, 45), at(10, 11, 15)),
    ]


def test_a_repeating_window_cuts_every_occurrence_in_local_time(w: World) -> None:
    org = make_org()
    web = make_check(org)
    # Sundays 02:00-04:00 Athens, for all of the organization's checks, since 1 November.
    MaintenanceWindow.objects.create(
        organization=org, starts=at(1, 2), ends=at(1, 4), rrule="FREQ=WEEKLY;BYDAY=SU"
    )
    outage(web, at(22, 3), at(22, 5))  # Sunday 22: one hour inside, one after
    outage(web, at(24, 3), at(24, 4))  # a Tuesday: no window
    v = value(org, NOV, NOW)
    assert (v["downtime_minutes"], v["maintenance_minutes"]) == (60 + 60, 60)
    assert v["downtime"][0]["start"] == at(22, 4)


def test_an_outage_still_open_runs_to_the_end_of_the_period_or_now(w: World) -> None:
    org = make_org()
    web = make_check(org)
    outage(web, at(30, 23))
    v = value(org, NOV, NOW)
    [span] = v["downtime"]
    assert (span["end"], span["ongoing"], v["downtime_minutes"]) == (at(1, 0, month=12), True, 60)
    # A period still running ends now.
    this_week = Period(date(2026, 11, 30), date(2026, 12, 6))
    v = value(org, this_week, NOW)
    assert v["downtime"][0]["end"] == NOW
    assert v["downtime_minutes"] == 60 + 2 * 24 * 60 + 12 * 60  # 23:00 on 30 Nov to now


def test_an_outage_that_began_before_the_period_counts_from_its_start(w: World) -> None:
    org = make_org()
    web = make_check(org)
    outage(web, at(31, 22, month=10), at(1, 1))
    stop = business_stop(org, at(31, 20, month=10), at(1, 0, 30))
    v = value(org, NOV, NOW)
    [span] = v["downtime"]
    assert (span["start"], span["end"], v["downtime_minutes"]) == (at(1, 0), at(1, 1), 60)
    assert {m["source"] for m in span["merged"]} == {"check", "ticket"}
    assert stop.pk in [m.get("ticket") for m in span["merged"]]
    # An outage that ended before the period is not in it.
    assert value(org, Period(date(2026, 11, 2), date(2026, 11, 30)), NOW)["downtime"] == []


def test_the_period_starts_and_ends_at_midnight_in_the_organizations_zone(w: World) -> None:
    org = make_org(timezone="Asia/Shanghai")  # +08:00
    web = make_check(org)
    # 23:00 on 1 November to 01:00 on 2 November, Shanghai time.
    outage(web, datetime(2026, 11, 1, 15, tzinfo=UTC), datetime(2026, 11, 1, 17, tzinfo=UTC))
    v = value(org, Period(date(2026, 11, 2), date(2026, 11, 2)), NOW)
    assert v["downtime_minutes"] == 60
    assert v["downtime"][0]["start"] == datetime(2026, 11, 1, 16, tzinfo=UTC)
    v = value(org, Period(date(2026, 11, 1), date(2026, 11, 1)), NOW)
    assert (v["downtime_minutes"], v["downtime"][0]["end"]) == (
        60,
        datetime(2026, 11, 1, 16, tzinfo=UTC),
    )


def test_the_cost_is_business_hours_times_people_times_their_hour(w: World) -> None:
    org = make_org(headcount=20, hourly_cost_per_user=Decimal("30.00"))
    make_agreement(org, w.policy, hourly_rate=Decimal("100.00"), currency="USD")
    web = make_check(org)
    outage(web, at(10, 10), at(10, 12))  # 2 h
    stop = business_stop(org, at(11, 9), at(11, 9, 30))  # 0.5 h
    alert_ticket = make_ticket(org, kind="incident", source="monitoring", at=at(10, 10))
    Alert.objects.create(owner=web, ticket=alert_ticket, opened_at=at(10, 10))
    unrelated = make_ticket(org, at=at(15, 10))
    tech = w.tech
    for ticket, minutes, late, billable in [
        (alert_ticket, 50, False, True),  # 60 min billed: 100.00
        (stop, 20, True, True),  # 30 min out of hours x 1.5: 75.00
        (stop, 40, False, False),  # not billable
        (unrelated, 120, False, True),  # not behind the downtime
    ]:
        TimeEntry.objects.create(
            ticket=ticket,
            user=tech,
            started_at=at(12, 9),
            minutes=minutes,
            out_of_hours=late,
            billable=billable,
            description="Fixed",
        )
    v = value(org, NOV, NOW)
    assert v["downtime_minutes"] == 150
    assert v["cost_of_downtime"] == Decimal("1500.00")  # 2.5 h x 20 x 30.00
    assert v["billed_for_fixes"] == Decimal("175.00")
    assert v["currency"] == "USD"


def test_the_cost_counts_only_business_hours_of_the_calendar(w: World) -> None:
    org = make_org(headcount=10, calendar=w.calendar)  # Mon-Fri 09:00-17:00 Athens
    web = make_check(org)
    outage(web, at(13, 16), at(16, 10))  # Friday 16:00 to Monday 10:00
    d = report(org, NOV, NOW)
    assert d.business_hours == Decimal("2.00")
    assert d.cost == Decimal("600.00")  # 2 h x 10 x 30.00, not 66 h
    assert value(org, NOV, NOW)["downtime_minutes"] == 66 * 60


def test_without_a_headcount_the_people_are_the_accounts(w: World) -> None:
    d = report(w.acme, NOV, NOW)
    assert (d.people, d.people_source) == (2, "accounts")


def test_caught_early_counts_monitoring_tickets_nobody_had_reported(w: World) -> None:
    org = make_org()
    make_ticket(org, kind="incident", source="monitoring", at=at(10, 10))  # first: early
    make_ticket(org, kind="incident", source="portal", at=at(10, 10, 20))  # a person, after
    make_ticket(org, kind="incident", source="phone", at=at(12, 13, 40))  # a person called
    make_ticket(org, kind="incident", source="monitoring", at=at(12, 14))  # 20 min later: not
    make_ticket(org, kind="incident", source="monitoring", at=at(3, 0, month=12))  # after
    assert value(org, NOV, NOW)["caught_early"] == 1


def test_maintenance_counts_the_plans_occurrences_due_in_the_period(w: World) -> None:
    org = w.acme
    plan = MaintenancePlan.objects.create(
        organization=org,
        name="Restore test",
        rrule="FREQ=WEEKLY;BYDAY=MO",
        starts=at(2, 9),
        checklist=["Restore a file"],
    )

    def occurrence(due: datetime, resolved: datetime | None, ticket: bool = True) -> None:
        t = (
            make_ticket(org, kind="service_request", source="maintenance", at=due)
            if ticket
            else None
        )
        if t is not None and resolved is not None:
            actions.change_status(t, "resolved", None, at=resolved)
        Occurrence.objects.create(plan=plan, due_at=due, ticket=t)

    occurrence(at(2, 9), at(3, 9))  # on time
    occurrence(at(9, 9), at(20, 9))  # after the next one was due: late
    occurrence(at(16, 9), None, ticket=False)  # skipped
    occurrence(at(23, 9), at(24, 9))  # on time
    occurrence(at(30, 9), None)  # open until 7 December
    occurrence(at(26, 9, month=10), at(26, 10, month=10))  # before the period
    v = value(org, NOV, NOW)
    assert v["maintenance"] == {"planned": 5, "done_on_time": 2, "late": 1, "skipped": 1}
    # The same as the plans' own record says (the monitoring pages show that one).
    first, end = NOV.bounds(org.timezone)
    assert report(org, NOV, NOW).record == plans.organization_record(org, first, end, NOW)


def test_a_few_queries_whatever_the_number_of_checks(
    w: World, django_assert_max_num_queries: Any
) -> None:
    org = make_org()
    for n in range(20):
        check = make_check(org, f"Check {n}")
        outage(check, at(1 + n, 10), at(1 + n, 11))
    with django_assert_max_num_queries(12):
        assert value(org, NOV, NOW)["downtime_minutes"] == 20 * 60
