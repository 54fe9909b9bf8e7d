"""Preventive-maintenance plans: one service request per occurrence, in the organization's
wall-clock time, exactly once across workers, and the record the value report shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from steward.accounts.models import Membership, Role
from steward.desk import actions
from steward.desk.models import EventKind, Source, Status, Ticket
from steward.monitoring import plans
from steward.monitoring.models import MaintenancePlan, Occurrence
from steward.monitoring.tasks import open_plans_task
from steward.scheduler.jobs import _jobs
from steward.test import World, make_org, make_user, race, world

pytestmark = pytest.mark.django_db

STEPS = ["Restore 3 files from last night's backup", "Check the antivirus updated today"]


@pytest.fixture
def w() -> World:
    return world()


def make_plan(w: World, **kw: Any) -> MaintenancePlan:
    kw.setdefault("organization", w.acme)
    kw.setdefault("name", "Backup restore test")
    kw.setdefault("rrule", "FREQ=WEEKLY;BYDAY=SU")
    # Sunday 22 March 2026, 09:00 in Athens (EET, +02:00): a week before the clocks change.
    kw.setdefault("starts", datetime(2026, 3, 22, 7, 0, tzinfo=UTC))
    kw.setdefault("checklist", STEPS)
    kw.setdefault("assignee", w.tech)
    kw.setdefault("estimated_minutes", 45)
    now = kw.pop("now", datetime(2026, 3, 20, tzinfo=UTC))
    return plans.save_plan(MaintenancePlan(**kw), now=now)


def _tickets(plan: MaintenancePlan) -> list[Ticket]:
    ids = plan.occurrences.exclude(ticket=None).values_list("ticket", flat=True)
    return list(Ticket.objects.filter(pk__in=ids).order_by("created_at", "id"))


def test_it_opens_a_service_request_at_each_occurrence_across_the_dst_change(w: World) -> None:
    plan = make_plan(w)
    assert plan.next_at == datetime(2026, 3, 22, 7, 0, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 3, 22, 6, 59, tzinfo=UTC), tick=False):
        assert plans.open_due() == []
    with time_machine.travel(datetime(2026, 3, 22, 7, 0, 30, tzinfo=UTC), tick=False):
        [first] = plans.open_due()
        assert plans.open_due() == []  # the same occurrence never opens twice
    ticket = first.ticket
    assert ticket is not None
    assert ticket.title == "Backup restore test — 2026-03-22"
    assert (ticket.source, ticket.kind) == (Source.MAINTENANCE, "service_request")
    assert ticket.assignee == w.tech
    assert "Backup restore test" in ticket.description and "45" in ticket.description
    assert [i.title for i in ticket.checklist.all()] == STEPS
    assert not any(i.done for i in ticket.checklist.all())
    # Summer time from 29 March: still 09:00 on the client's clock, so 06:00 UTC.
    plan.refresh_from_db()
    assert plan.next_at == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 3, 29, 5, 59, tzinfo=UTC), tick=False):
        assert plans.open_due() == []
    with time_machine.travel(datetime(2026, 3, 29, 6, 0, tzinfo=UTC), tick=False):
        [second] = plans.open_due()
    assert second.due_at == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert second.ticket is not None and second.ticket.title.endswith("2026-03-29")
    plan.refresh_from_db()
    assert plan.next_at == datetime(2026, 4, 5, 6, 0, tzinfo=UTC)


def test_it_opens_only_the_latest_missed_occurrence_and_records_the_others_skipped(
    w: World,
) -> None:
    plan = make_plan(w, rrule="FREQ=DAILY")
    # The worker was down from Sunday morning until Wednesday noon.
    [opened] = plans.open_due(now=datetime(2026, 3, 25, 10, 0, tzinfo=UTC))
    assert opened.due_at == datetime(2026, 3, 25, 7, 0, tzinfo=UTC)
    due = list(plan.occurrences.order_by("due_at").values_list("due_at", "ticket"))
    assert [d.day for d, _t in due] == [22, 23, 24, 25]
    assert [t is None for _d, t in due] == [True, True, True, False]
    assert opened.ticket is not None and "3 earlier occurrences" in opened.ticket.description
    assert plans.record([plan], now=datetime(2026, 3, 25, 10, 0, tzinfo=UTC)) == plans.Record(
        planned=4, skipped=3, open=1
    )


def test_it_keeps_the_record_of_each_occurrence(w: World) -> None:
    plan = make_plan(w, rrule="FREQ=WEEKLY;BYDAY=SU")
    weeks = [datetime(2026, 3, 22, 7, 30, tzinfo=UTC) + timedelta(weeks=n) for n in range(5)]
    for n, at in enumerate(weeks):
        [occurrence] = plans.open_due(now=at)
        ticket = occurrence.ticket
        assert ticket is not None
        if n == 0:  # resolved two days later: on time
            actions.change_status(ticket, Status.RESOLVED, w.tech, at=at + timedelta(days=2))
        elif n == 1:  # resolved eight days later, after the next occurrence: late
            actions.change_status(ticket, Status.RESOLVED, w.tech, at=at + timedelta(days=8))
        elif n == 2:  # closed the same day: on time
            actions.change_status(ticket, Status.CLOSED, w.tech, at=at + timedelta(hours=3))
    # Week 4 was never worked on and its window has closed; week 5 is still open.
    now = weeks[-1] + timedelta(days=1)
    record = plans.record([plan], now=now)
    assert record == plans.Record(planned=5, on_time=2, late=2, open=1)
    assert str(record) == "2 of 5 planned checks done on time"
    results = [r for _o, r in plans.outcomes([plan], now=now)[plan.pk]]
    assert results == ["open", "late", "on_time", "late", "on_time"]  # newest first
    # The organization's figure for March only: the three Sundays of March.
    march = plans.organization_record(
        w.acme,
        datetime(2026, 3, 1, tzinfo=UTC),
        datetime(2026, 4, 1, tzinfo=UTC),
        now=now,
    )
    assert (march.planned, march.on_time, march.late) == (2, 1, 1)
    assert plans.organization_record(w.globex, weeks[0], now, now=now).planned == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rrule": "FREQ=FORTNIGHTLY"}, "rrule"),
        ({"rrule": ""}, "rrule"),
        ({"rrule": "FREQ=DAILY;COUNT=1", "starts": datetime(2020, 1, 1, tzinfo=UTC)}, None),
        ({"checklist": []}, "checklist"),
        ({"checklist": ["x" * 201]}, "checklist"),
        ({"checklist": ["  "]}, "checklist"),
        ({"estimated_minutes": 0}, "estimated_minutes"),
        ({"name": " "}, "name"),
        ({"starts": datetime(2026, 3, 22, 9, 0)}, "starts"),
    ],
)
def test_it_refuses_a_plan_that_could_not_run(
    w: World, changes: dict[str, Any], field: str | None
) -> None:
    if field is None:
        # A rule that has ended: the plan is kept, but waits for nothing.
        assert make_plan(w, **changes).next_at is None
        return
    with pytest.raises(plans.PlanError) as e:
        make_plan(w, **changes)
    assert e.value.field == field
    assert not MaintenancePlan.objects.exists()


def test_it_assigns_only_staff_who_look_after_the_organization(w: World) -> None:
    stranger = make_user(Role.TECHNICIAN)
    for person in (w.acme_admin, stranger):
        with pytest.raises(plans.PlanError) as e:
            make_plan(w, assignee=person)
        assert e.value.field == "assignee"
    Membership.objects.create(user=stranger, organization=w.acme)
    assert make_plan(w, assignee=stranger).assignee == stranger


def test_a_new_schedule_never_reopens_an_occurrence(w: World) -> None:
    plan = make_plan(w, rrule="FREQ=DAILY")
    now = datetime(2026, 3, 22, 7, 0, tzinfo=UTC)
    plans.open_due(now=now)
    plan.refresh_from_db()
    plan.rrule = "FREQ=DAILY;INTERVAL=1"
    plans.save_plan(plan, now=now)
    assert plan.next_at == datetime(2026, 3, 23, 7, 0, tzinfo=UTC)
    plan.name = "Renamed"  # not a schedule change: the awaited occurrence stays
    plans.save_plan(plan, now=now + timedelta(days=5))
    assert plan.next_at == datetime(2026, 3, 23, 7, 0, tzinfo=UTC)
    plan.active = False
    plans.save_plan(plan, now=now)
    assert plan.next_at is None
    assert plans.open_due(now=now + timedelta(days=30)) == []


def test_the_scheduler_runs_the_job_every_minute(w: World) -> None:
    job = next(j for j in _jobs() if j.name == "monitoring.open_plans")
    assert job.every == timedelta(seconds=60)
    make_plan(w)
    with time_machine.travel(datetime(2026, 3, 22, 7, 1, tzinfo=UTC), tick=False):
        assert open_plans_task.call() == 1
    assert Occurrence.objects.count() == 1


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_workers_open_each_occurrence_once() -> None:
    org = make_org("RACE")
    tech = make_user(Role.TECHNICIAN)
    Membership.objects.create(user=tech, organization=org)
    start = datetime(2026, 3, 22, 7, 0, tzinfo=UTC)
    for n in range(10):
        plans.save_plan(
            MaintenancePlan(
                organization=org,
                name=f"Plan {n}",
                rrule="FREQ=DAILY",
                starts=start,
                checklist=STEPS,
                assignee=tech,
            ),
            now=start - timedelta(days=1),
        )
    for day in range(3):
        now = start + timedelta(days=day, minutes=1)
        opened = race(lambda now=now: plans.open_due(now=now), workers=2)  # type: ignore[misc]
        assert sum(len(o) for o in opened) == 10
    assert Occurrence.objects.count() == 30
    assert Ticket.objects.filter(organization=org, source=Source.MAINTENANCE).count() == 30
    assert Ticket.objects.filter(organization=org).count() == 30
    seqs = sorted(Ticket.objects.values_list("seq", flat=True))
    assert seqs == list(range(1, 31))  # no number taken by a loser and left unused
    assert not Ticket.objects.filter(events__kind=EventKind.CHECKLIST).exists()
