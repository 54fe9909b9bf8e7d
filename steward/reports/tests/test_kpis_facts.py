"""The scorecard counts from the facts each ticket keeps (desk.sla.Facts) what its events
say: the same numbers as reading the events, for any history and any period."""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steward.accounts.models import Organization
from steward.desk import actions
from steward.desk.models import Ticket
from steward.reports import kpis
from steward.reports.period import Period
from steward.reports.scorecard import measure, window
from steward.test import World, make_agreement, make_org, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 12, 1, 12, tzinfo=ATHENS)
FACTS = ["resolutions", "first_resolved_at", "last_resolved_at", "reopened_at", "second_reply_at"]


@pytest.fixture
def w() -> World:
    return world()


def _live(w: World, plan: list[tuple[int, list[tuple[str, int]]]]) -> Organization:
    """Tickets of a fresh organization living the plan: each step a few hours after the
    last, so that histories cross the periods' edges."""
    org = make_org()
    make_agreement(org, w.policy)
    for day, steps in plan:
        when = datetime(2026, 11, 1 + day, 10, tzinfo=ATHENS)
        t = make_ticket(org, requester=w.acme_user, at=when)
        for step, hours in steps:
            when += timedelta(hours=hours)
            if step == "reply":
                actions.post_message(t, w.tech, "On it", at=when)
            elif step == "client":
                actions.post_message(t, w.acme_user, "Still broken", at=when)
            elif step != t.status:
                actions.change_status(t, step, w.tech, at=when)
    return org


def _statuses(w: World, *changes: tuple[int, str]) -> Ticket:
    """A ticket of a fresh organization opened on 2 November, its status changed at noon on
    the days given."""
    org = _live(w, [])
    t = make_ticket(org, requester=w.acme_user, at=datetime(2026, 11, 2, 10, tzinfo=ATHENS))
    for day, status in changes:
        actions.change_status(t, status, w.tech, at=datetime(2026, 11, day, 12, tzinfo=ATHENS))
    return t


def _from_events(org: Organization, period: Period) -> tuple[int, int, int, list[float]]:
    """resolved, reopened, first contact and the resolution seconds, from events alone."""
    first, last, end = window(org, period, NOW)
    ids = list(Ticket.objects.filter(organization=org).values_list("pk", flat=True))
    found = kpis.resolved_and_reopened(ids, first, end)
    chatty = kpis.replied_more_than_once(list(found), end)
    resolved = Ticket.objects.filter(
        organization=org, created_at__gte=first, created_at__lt=last, resolved_at__isnull=False
    )
    seconds = kpis.replayed_resolution_seconds(resolved, kpis.Calendars.load([org.pk]))
    return (
        len(found),
        sum(1 for again in found.values() if again),
        sum(1 for pk, again in found.items() if not again and pk not in chatty),
        sorted(round(s) for s in seconds),
    )


STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["reply", "client", "resolved", "open", "closed", "waiting_on_client", "resolved"]
        ),
        st.integers(1, 60),  # hours after the step before
    ),
    max_size=8,
)
PLAN = st.lists(st.tuples(st.integers(0, 25), STEPS), min_size=1, max_size=5)
DAYS = st.tuples(st.integers(1, 30), st.integers(0, 12))


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(PLAN, DAYS)
@time_machine.travel(NOW, tick=False)
def test_the_kept_facts_count_what_the_events_say(
    w: World, plan: list[tuple[int, list[tuple[str, int]]]], days: tuple[int, int]
) -> None:
    org = _live(w, plan)
    start = date(2026, 11, days[0])
    period = Period(start, min(start + timedelta(days=days[1]), date(2026, 11, 30)))
    m = measure(org, period, NOW)
    resolved, reopened, first_contact, seconds = _from_events(org, period)
    assert m.kpis["resolved"].n == resolved
    assert m.kpis["reopened_percent"] == kpis.percent(reopened, resolved)
    assert m.kpis["first_contact_resolution_percent"] == kpis.percent(first_contact, resolved)
    first, last, _end = window(org, period, NOW)
    kept = Ticket.objects.filter(
        organization=org, created_at__gte=first, created_at__lt=last, resolved_at__isnull=False
    )
    kept_seconds = list(kept.values_list("resolution_seconds", flat=True))
    assert None not in kept_seconds
    assert sorted(s for s in kept_seconds if s is not None) == seconds


@time_machine.travel(NOW, tick=False)
def test_a_ticket_resolved_again_in_the_period_counts_though_first_resolved_before_it(
    w: World,
) -> None:
    org = _statuses(w, (3, "resolved"), (4, "open"), (10, "resolved")).organization
    week = Period(date(2026, 11, 9), date(2026, 11, 15))
    m = measure(org, week, NOW)
    assert m.kpis["resolved"].n == 1
    # Reopened on the 4th, before the week's end: not a first-contact resolution.
    assert m.kpis["reopened_percent"].value == 100
    assert m.kpis["first_contact_resolution_percent"].value == 0
    assert measure(org, Period(date(2026, 11, 5), date(2026, 11, 8)), NOW).kpis["resolved"].n == 0


@time_machine.travel(NOW, tick=False)
def test_a_middle_resolution_in_the_period_counts_though_the_first_and_last_are_outside(
    w: World,
) -> None:
    t = _statuses(w, (3, "resolved"), (4, "open"), (10, "resolved"), (11, "open"), (20, "resolved"))
    t.refresh_from_db()
    assert t.resolutions == 3
    week = Period(date(2026, 11, 9), date(2026, 11, 15))  # only the second resolution is in it
    m = measure(t.organization, week, NOW)
    assert m.kpis["resolved"].n == 1
    assert m.kpis["reopened_percent"].value == 100  # first reopened on the 4th, before the end


@time_machine.travel(NOW, tick=False)
def test_tickets_without_kept_facts_are_measured_from_their_events(w: World) -> None:
    org = _live(w, [(2, [("reply", 1), ("waiting_on_client", 2), ("open", 20), ("resolved", 3)])])
    november = Period(date(2026, 11, 1), date(2026, 11, 30))
    kept = measure(org, november, NOW)
    Ticket.objects.filter(organization=org).update(resolution_seconds=None)
    replayed = measure(org, november, NOW)
    assert kept.kpis["median_resolution_hours"].n == 1
    assert replayed.kpis == kept.kpis


@time_machine.travel(NOW, tick=False)
def test_the_migration_finds_the_facts_of_tickets_opened_before_it(w: World) -> None:
    org = _live(
        w,
        [
            (2, [("reply", 1), ("reply", 1), ("resolved", 2), ("client", 30), ("resolved", 2)]),
            (5, [("reply", 1), ("closed", 2), ("open", 3), ("closed", 1)]),
            (6, [("client", 1)]),
        ],
    )
    tickets = Ticket.objects.filter(organization=org).order_by("pk")
    kept = list(tickets.values_list(*FACTS))
    assert kept[0][0] == 2 and kept[0][4] is not None  # resolved twice, replied to twice
    assert kept[1][3] is not None  # reopened
    tickets.update(
        resolutions=0,
        first_resolved_at=None,
        last_resolved_at=None,
        reopened_at=None,
        second_reply_at=None,
    )
    migration = importlib.import_module("steward.desk.migrations.0014_ticket_facts")
    state = MigrationExecutor(connection).loader.project_state(("desk", "0014_ticket_facts"))
    migration.backfill(state.apps, None)
    assert list(tickets.values_list(*FACTS)) == kept


@time_machine.travel(NOW, tick=False)
def test_a_ticket_without_an_sla_is_measured_round_the_clock_less_the_default_pauses(
    w: World,
) -> None:
    org = make_org()  # no agreement: no SLA policy, no calendar
    t = make_ticket(org, requester=w.acme_user, at=datetime(2026, 11, 7, 10, tzinfo=ATHENS))
    for hour, status in ((11, "waiting_on_client"), (13, "open"), (14, "resolved")):
        actions.change_status(t, status, w.tech, at=datetime(2026, 11, 7, hour, tzinfo=ATHENS))
    t.refresh_from_db()
    assert t.sla_policy_id is None and t.resolution_seconds is None  # measured from events
    m = measure(org, Period(date(2026, 11, 1), date(2026, 11, 30)), NOW)
    # Saturday 10:00-14:00, less the two hours waiting on the client.
    assert m.kpis["median_resolution_hours"] == kpis.Kpi(Decimal("2.00"), 1)
