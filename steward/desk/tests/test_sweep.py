"""The worker's SLA sweep: warnings and breaches recorded and notified at most once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from time_machine import TimeMachineFixture

from steward.accounts.models import Role
from steward.desk import actions
from steward.desk.models import EventKind, Ticket, TicketEvent
from steward.desk.tasks import sweep_sla_task
from steward.mail import outbound
from steward.test import (
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_ticket,
    make_user,
    race,
)

ATHENS = ZoneInfo("Europe/Athens")


def athens(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=ATHENS)  # a Monday


def _p1_ticket() -> Ticket:
    org = make_org("ACME", calendar=make_calendar())
    make_agreement(org, make_policy())
    tech = make_user(Role.TECHNICIAN, email="tess@provider.example")
    # P1: first response within 30 business minutes, warning at 80% (24 minutes).
    return make_ticket(org, impact="high", urgency="high", assignee=tech, at=athens(10))


def _kinds(ticket: Ticket) -> list[str]:
    return list(
        ticket.events.filter(kind__in=[EventKind.SLA_WARNING, EventKind.SLA_BREACHED]).values_list(
            "kind", flat=True
        )
    )


@pytest.mark.django_db
def test_it_warns_then_records_the_breach_once() -> None:
    ticket = _p1_ticket()
    assert ticket.sla_next_check == athens(10, 24)
    assert actions.sweep_sla(now=athens(10, 20)) == []
    assert [e.kind for e in actions.sweep_sla(now=athens(10, 25))] == [EventKind.SLA_WARNING]
    assert actions.sweep_sla(now=athens(10, 26)) == []
    assert [e.kind for e in actions.sweep_sla(now=athens(10, 31))] == [EventKind.SLA_BREACHED]
    assert actions.sweep_sla(now=athens(10, 40)) == []
    assert _kinds(ticket) == [EventKind.SLA_WARNING, EventKind.SLA_BREACHED]
    ticket.refresh_from_db()
    # The first response is dealt with; the next moment is the resolution clock's warning.
    assert ticket.sla_next_check == athens(13, 12)


@pytest.mark.django_db
def test_it_does_not_come_back_for_a_skipped_late_warning() -> None:
    ticket = _p1_ticket()
    # The worker was down: at 10:31 the first response is past due, warning time long gone.
    assert [e.kind for e in actions.sweep_sla(now=athens(10, 31))] == [EventKind.SLA_BREACHED]
    ticket.refresh_from_db()
    assert ticket.sla_next_check is not None
    assert ticket.sla_next_check > athens(10, 31)
    assert actions.sweep_sla(now=athens(10, 32)) == []


@pytest.mark.django_db
def test_it_notifies_the_assignee_once_per_event(time_machine: TimeMachineFixture) -> None:
    ticket = _p1_ticket()
    time_machine.move_to(athens(10, 31))
    assert sweep_sla_task.call() == 1  # past due: the breach, not a late warning
    assert sweep_sla_task.call() == 0
    outbound.drain()
    staff = [m for m in mail.outbox if m.to == ["tess@provider.example"]]
    assert len(staff) == 1
    assert ticket.number in staff[0].subject
    assert "breached" in staff[0].subject


@pytest.mark.django_db
def test_it_does_not_warn_once_the_clock_stopped() -> None:
    ticket = _p1_ticket()
    actions.post_message(ticket, ticket.assignee, "On it.", at=athens(10, 5))
    actions.change_status(ticket, "resolved", ticket.assignee, at=athens(10, 10))
    assert actions.sweep_sla(now=athens(12)) == []


@pytest.mark.django_db(transaction=True)
def test_it_records_a_breach_once_with_two_workers_racing() -> None:
    ticket = _p1_ticket()
    results = race(
        lambda: len(actions.sweep_ticket(Ticket.objects.get(pk=ticket.pk), athens(10, 31))), 2
    )
    assert sorted(results) == [0, 1]
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.SLA_BREACHED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_numbers_tickets_uniquely_under_concurrency() -> None:
    org = make_org("RACE")
    race(lambda: [make_ticket(org) for _ in range(5)], 4)
    numbers = sorted(Ticket.objects.filter(organization=org).values_list("seq", flat=True))
    assert numbers == list(range(1, 21))
