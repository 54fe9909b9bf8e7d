"""Two workers (or a job's ping and a worker) racing on the same checks: one flip, one ticket,
one mail per change, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.desk.models import EventKind, Ticket, TicketEvent
from steward.mail.models import Outbound
from steward.monitoring import actions
from steward.monitoring.models import Check, Flip, Kind, MaintenanceWindow, Status
from steward.test import make_agreement, make_org, race, race_each

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CHECKS = 12


def _quiet_heartbeats(n: int = CHECKS) -> list[Check]:
    org = make_org("RACE")
    make_agreement(org)
    checks = []
    for i in range(n):
        check = actions.save_check(
            org, actions.CheckInput(name=f"Backup {i}", kind=Kind.HEARTBEAT, period=60, grace=60)
        )
        assert actions.ping(check.code, actions.PingIn(kind="success"), at=T0)
        checks.append(check)
    return checks


def _one_of_each(checks: list[Check]) -> None:
    for check in checks:
        check.refresh_from_db()
        assert check.status == Status.DOWN
        assert Flip.objects.filter(owner=check, new=Status.DOWN).count() == 1
    assert Ticket.objects.count() == len(checks)
    opened = TicketEvent.objects.filter(kind=EventKind.ALERT, data__opened=True)
    assert opened.count() == len(checks)


def test_two_workers_sweeping_at_once_open_one_ticket_per_check() -> None:
    checks = _quiet_heartbeats()
    later = T0 + timedelta(minutes=3)
    changed = race(lambda: actions.sweep(later), 2)
    assert sum(changed) == CHECKS
    _one_of_each(checks)


def test_a_window_ending_opens_one_ticket_whatever_the_workers() -> None:
    checks = _quiet_heartbeats()
    MaintenanceWindow.objects.create(
        organization=checks[0].organization, starts=T0, ends=T0 + timedelta(hours=1)
    )
    assert actions.sweep(T0 + timedelta(minutes=3)) == CHECKS  # down, silenced
    assert not Ticket.objects.exists()
    race(lambda: actions.sweep(T0 + timedelta(hours=1, seconds=1)), 2)
    _one_of_each(checks)


def test_failures_reported_at_once_open_one_ticket() -> None:
    checks = _quiet_heartbeats(1)
    code = checks[0].code
    fail = actions.PingIn(kind="fail", body="exit 1")
    race_each(
        [
            lambda: actions.ping(code, fail, at=T0 + timedelta(seconds=10)),
            lambda: actions.ping(code, fail, at=T0 + timedelta(seconds=10)),
            lambda: actions.sweep(T0 + timedelta(minutes=3)),
        ]
    )
    _one_of_each(checks)
    assert Outbound.objects.filter(kind="check_alert").count() <= 1


def test_a_ping_racing_the_sweep_leaves_a_consistent_story() -> None:
    # The ping arrives as the grace ends: either it wins (still up, nothing opened) or the
    # sweep does (down, then up again at once with the ticket resolved); never both half way.
    checks = _quiet_heartbeats()
    later = T0 + timedelta(minutes=2)
    works = [
        lambda c=c: actions.ping(c.code, actions.PingIn(kind="success"), at=later) for c in checks
    ]
    race_each([*works, lambda: actions.sweep(later)])
    for check in checks:
        check.refresh_from_db()
        assert check.status == Status.UP
        flips = list(
            Flip.objects.filter(owner=check).order_by("at", "id").values_list("new", flat=True)
        )
        assert flips in (["up"], ["up", "down", "up"])
        tickets = Ticket.objects.filter(title=f"{check.name} is down")
        assert tickets.count() == (1 if len(flips) == 3 else 0)
        assert all(t.status == "resolved" for t in tickets)
