"""Heartbeats as a job's script sees them (the ping URLs) and as the provider sees them (status,
flips, one ticket per outage, resolved on recovery)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from steward.desk.models import EventKind, Source, Ticket
from steward.desk.models import Status as TicketStatus
from steward.monitoring import actions
from steward.monitoring.models import Alert, Check, Flip, Kind, MaintenanceWindow, Ping, Status
from steward.test import make_agreement, make_org

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def heartbeat(**kw: Any) -> Check:
    org = kw.pop("organization", None) or make_org("ACME")
    kw.setdefault("name", "Nightly backup")
    kw.setdefault("period", 3600)
    kw.setdefault("grace", 600)
    return Check.objects.create(organization=org, kind=Kind.HEARTBEAT, **kw)


def ping(check: Check, suffix: str = "", method: str = "get", **kw: Any) -> Any:
    return getattr(Client(), method)(f"/ping/{check.code}{suffix}", **kw)


def test_ping_urls_answer_as_healthchecks_does() -> None:
    check = heartbeat()
    for suffix, method in [
        ("", "get"),
        ("", "post"),
        ("", "head"),
        ("/start", "get"),
        ("/0", "get"),
    ]:
        response = ping(check, suffix, method)
        assert response.status_code == 200, (suffix, method)
        if method != "head":
            assert response.content == b"OK"
    assert Client().get("/ping/00000000-0000-4000-8000-000000000000").status_code == 404
    assert ping(check, "/256").status_code == 400
    assert ping(check, "", "put").status_code == 405
    kinds = list(Ping.objects.filter(owner=check).order_by("id").values_list("kind", flat=True))
    assert kinds == ["success", "success", "success", "start", "success"]


def test_a_post_body_is_kept_up_to_100_kb() -> None:
    check = heartbeat()
    log = "backup of 12 files done\n" + "x" * 200_000
    # curl --data-binary sends a form content type: the body is read, not parsed as a form.
    response = ping(
        check, "/fail", "post", data=log, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    stored = Ping.objects.get(owner=check)
    assert stored.kind == "fail"
    assert stored.body.startswith("backup of 12 files done")
    assert len(stored.body) == 100_000


def test_period_and_grace_make_late_then_down_with_one_ticket() -> None:
    check = heartbeat()
    make_agreement(check.organization)
    with time_machine.travel(T0, tick=False):
        assert ping(check).status_code == 200
    check.refresh_from_db()
    assert check.status == Status.UP
    assert check.next_due == T0 + timedelta(hours=1)
    assert check.alert_after == T0 + timedelta(hours=1, minutes=10)
    assert check.is_late(T0 + timedelta(minutes=65))
    assert actions.sweep(T0 + timedelta(minutes=69, seconds=59)) == 0
    assert actions.sweep(T0 + timedelta(minutes=70)) == 1
    assert actions.sweep(T0 + timedelta(minutes=71)) == 0
    check.refresh_from_db()
    assert check.status == Status.DOWN
    flip = Flip.objects.get(owner=check, new="down")
    assert (flip.old, flip.new, flip.at) == ("up", "down", T0 + timedelta(minutes=70))
    assert "No ping since" in flip.reason
    ticket = Ticket.objects.get()
    assert ticket.source == Source.MONITORING
    assert ticket.title == "Nightly backup is down"
    assert ticket.priority == "P3"  # medium x medium
    assert ticket.sla_policy is not None
    assert check.open_ticket == ticket
    assert Alert.objects.get(owner=check).ticket == ticket
    # A failure reported while down adds to the ticket, it opens no other.
    with time_machine.travel(T0 + timedelta(minutes=80), tick=False):
        ping(check, "/fail", "post", data="disk full", content_type="text/plain")
    assert Ticket.objects.count() == 1
    assert ticket.events.filter(kind=EventKind.ALERT).count() == 2
    # It recovers: the ticket says so and is resolved.
    with time_machine.travel(T0 + timedelta(minutes=90), tick=False):
        ping(check)
    check.refresh_from_db()
    ticket.refresh_from_db()
    assert check.status == Status.UP
    assert ticket.status == TicketStatus.RESOLVED
    assert ticket.events.filter(kind=EventKind.RECOVERED).count() == 1
    assert check.open_ticket is None


def test_failing_again_soon_reopens_the_same_ticket() -> None:
    check = heartbeat(reopen_within=3600)
    with time_machine.travel(T0, tick=False):
        ping(check)
        ping(check, "/1")
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        ping(check)
    ticket = Ticket.objects.get()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.RESOLVED
    with time_machine.travel(T0 + timedelta(minutes=30), tick=False):
        ping(check, "/fail")
    ticket.refresh_from_db()
    assert Ticket.objects.count() == 1
    assert ticket.status == TicketStatus.OPEN
    # Much later, an outage is a new ticket.
    with time_machine.travel(T0 + timedelta(minutes=35), tick=False):
        ping(check)
    with time_machine.travel(T0 + timedelta(hours=5), tick=False):
        ping(check, "/fail")
    assert Ticket.objects.count() == 2


def test_going_quiet_again_soon_reopens_the_same_ticket_from_the_sweep() -> None:
    org = make_org("ACME")
    make_agreement(org)
    again = heartbeat(organization=org, name="Backup", reopen_within=7200)
    other = heartbeat(organization=org, name="Antivirus", reopen_within=7200)
    for check in (again, other):
        actions.ping(check.code, actions.PingIn(kind="success"), at=T0)
    assert actions.sweep(T0 + timedelta(minutes=70)) == 2
    actions.ping(again.code, actions.PingIn(kind="success"), at=T0 + timedelta(minutes=75))
    first = Alert.objects.get(owner=again).ticket
    first.refresh_from_db()
    assert first.status == TicketStatus.RESOLVED
    # Quiet again 70 minutes later, within two hours of its recovery: the same ticket.
    assert actions.sweep(T0 + timedelta(minutes=145)) == 1
    first.refresh_from_db()
    assert first.status == TicketStatus.OPEN
    assert Ticket.objects.count() == 2  # the antivirus's, still down, and this one
    assert first.events.filter(kind=EventKind.ALERT).count() == 2


def test_the_workers_sweep_opens_the_tickets_then_mails_each_outage_once() -> None:
    from steward.accounts.models import Role
    from steward.desk.models import Unpublished
    from steward.mail.models import Outbound
    from steward.monitoring import loop
    from steward.test import make_user

    org = make_org("ACME")
    make_agreement(org)
    org.it_manager = make_user(Role.CLIENT_ADMIN, org, email="it@acme.example")
    org.save()
    for i in range(3):
        check = heartbeat(organization=org, name=f"Backup {i}")
        actions.ping(check.code, actions.PingIn(kind="success"), at=T0)
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        assert loop.sweep_round() == 3
        assert loop.sweep_round() == 0
    alerts = Outbound.objects.filter(kind="check_alert", to=["it@acme.example"])
    assert sorted(m.subject.split("] ", 1)[1] for m in alerts) == [
        f"Down: Backup {i} is down" for i in range(3)
    ]
    assert not Unpublished.objects.exists()


def test_without_auto_resolve_the_ticket_waits_for_a_person() -> None:
    check = heartbeat(auto_resolve=False)
    with time_machine.travel(T0, tick=False):
        ping(check, "/fail")
    with time_machine.travel(T0 + timedelta(minutes=1), tick=False):
        ping(check)
    ticket = Ticket.objects.get()
    assert ticket.status in (TicketStatus.NEW, TicketStatus.OPEN)
    assert ticket.events.filter(kind=EventKind.RECOVERED).exists()


def test_start_without_finish_goes_down_a_grace_after_the_start() -> None:
    check = heartbeat(period=86400, grace=1800)
    with time_machine.travel(T0, tick=False):
        ping(check)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        ping(check, "/start")
    assert actions.sweep(T0 + timedelta(hours=1, minutes=29)) == 0
    assert actions.sweep(T0 + timedelta(hours=1, minutes=30)) == 1
    assert "has not finished" in Flip.objects.get(owner=check, new="down").reason


def test_the_run_time_is_measured_from_the_start_ping() -> None:
    check = heartbeat()
    with time_machine.travel(T0, tick=False):
        ping(check, "/start")
    with time_machine.travel(T0 + timedelta(seconds=42), tick=False):
        ping(check)
    assert Ping.objects.filter(owner=check, kind="success").get().duration_ms == 42_000


def test_cron_schedule_follows_the_zone_across_dst() -> None:
    # Every day at 02:30 Athens; on 29 March 2026 the clocks skip 03:00 -> 04:00.
    check = heartbeat(schedule="30 2 * * *", tz="Europe/Athens", grace=900)
    with time_machine.travel(datetime(2026, 3, 28, 0, 31, tzinfo=UTC), tick=False):  # 02:31 EET
        ping(check)
    check.refresh_from_db()
    assert check.next_due == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 02:30 EET, before the gap
    with time_machine.travel(datetime(2026, 3, 29, 0, 31, tzinfo=UTC), tick=False):
        ping(check)
    check.refresh_from_db()
    assert check.next_due == datetime(2026, 3, 29, 23, 30, tzinfo=UTC)  # 02:30 EEST


def test_a_window_silences_the_alert_until_it_ends() -> None:
    check = heartbeat()
    MaintenanceWindow.objects.create(
        organization=check.organization,
        starts=T0 + timedelta(minutes=30),
        ends=T0 + timedelta(hours=3),
        reason="Server move",
    )
    with time_machine.travel(T0, tick=False):
        ping(check)
    assert actions.sweep(T0 + timedelta(minutes=70)) == 1
    assert Flip.objects.get(owner=check, new="down").silenced
    assert not Ticket.objects.exists()
    assert actions.sweep(T0 + timedelta(hours=2)) == 0
    assert actions.sweep(T0 + timedelta(hours=3)) == 1
    ticket = Ticket.objects.get()
    assert "maintenance window ended" in ticket.description


def test_recovered_inside_the_window_opens_nothing() -> None:
    check = heartbeat()
    MaintenanceWindow.objects.create(
        organization=check.organization, starts=T0, ends=T0 + timedelta(hours=3)
    )
    with time_machine.travel(T0, tick=False):
        ping(check, "/fail")
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        ping(check)
    assert actions.sweep(T0 + timedelta(hours=2)) == 0
    assert not Ticket.objects.exists()
    flips = Flip.objects.filter(owner=check).order_by("at", "id").values_list("old", "new")
    assert list(flips) == [("new", "down"), ("down", "up")]


def test_pause_and_resume() -> None:
    check = heartbeat()
    with time_machine.travel(T0, tick=False):
        ping(check)
    actions.pause(check, None, at=T0 + timedelta(minutes=1))
    assert check.status == Status.PAUSED
    assert actions.sweep(T0 + timedelta(hours=5)) == 0
    actions.resume(check, None, at=T0 + timedelta(hours=6))
    assert check.status == Status.NEW
    assert not Ticket.objects.exists()


def test_outage_and_recovery_are_mailed_to_staff_and_to_client_admins_who_asked() -> None:
    from steward.accounts.models import Role
    from steward.mail.models import Outbound
    from steward.monitoring.models import AlertRecipient
    from steward.test import make_user

    check = heartbeat()
    org = check.organization
    org.it_manager = make_user(Role.CLIENT_ADMIN, org, email="it@acme.example")
    org.save()
    greek = make_user(Role.CLIENT_ADMIN, org, email="eleni@acme.example", language="el")
    AlertRecipient.objects.create(organization=org, user=greek)
    with time_machine.travel(T0, tick=False):
        ping(check, "/fail", "post", data="disk full", content_type="text/plain")
    with time_machine.travel(T0 + timedelta(minutes=2), tick=False):
        ping(check, "/fail", "post", data="still full", content_type="text/plain")
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        ping(check)
    mails = list(Outbound.objects.filter(kind__startswith="check_").order_by("id"))
    sent = [(m.kind, m.to) for m in mails]
    assert sent == [
        ("check_alert", ["it@acme.example"]),
        ("check_alert", ["eleni@acme.example"]),
        ("check_recovered", ["it@acme.example"]),
        ("check_recovered", ["eleni@acme.example"]),
    ]
    assert "disk full" in mails[0].text and "/desk/" in mails[0].text
    assert "/portal/" in mails[1].text
    assert mails[3].subject.startswith(f"[{Ticket.objects.get().number}] ")
    assert "Down" not in mails[1].subject  # in Greek


def test_many_checks_going_quiet_at_once_look_up_their_organization_once() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    org = make_org("ACME")
    make_agreement(org)
    for i in range(6):
        check = heartbeat(organization=org, name=f"Backup {i}")
        actions.ping(check.code, actions.PingIn(kind="success"), at=T0)
    with CaptureQueriesContext(connection) as queries:
        assert actions.sweep(T0 + timedelta(hours=2)) == 6
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum('FROM "contracts_agreement"' in q for q in sql) == 1
    assert sum('FROM "monitoring_maintenancewindow"' in q for q in sql) == 1
    assert sum('FROM "monitoring_alert"' in q for q in sql) == 1  # none may reopen a ticket
    assert Ticket.objects.count() == 6


def test_old_pings_go_beyond_the_checks_limit_and_flips_stay() -> None:
    check = heartbeat(keep_pings=10)
    for minute in range(25):
        actions.ping(check.code, actions.PingIn(kind="success"), at=T0 + timedelta(minutes=minute))
    actions.ping(check.code, actions.PingIn(kind="fail"), at=T0 + timedelta(minutes=30))
    other = heartbeat(name="Antivirus", keep_pings=10, organization=check.organization)
    actions.ping(other.code, actions.PingIn(kind="success"), at=T0)
    assert actions.prune_all() == 16
    kept = list(Ping.objects.filter(owner=check).order_by("at").values_list("at", flat=True))
    assert kept == [T0 + timedelta(minutes=m) for m in (16, 17, 18, 19, 20, 21, 22, 23, 24, 30)]
    assert Ping.objects.filter(owner=other).count() == 1
    assert Flip.objects.filter(owner=check).count() == 2  # new -> up, up -> down
    assert actions.prune_all() == 0


def test_the_scheduler_prunes_pings_every_hour() -> None:
    from steward.scheduler.jobs import _jobs

    jobs = {job.name: job.every for job in _jobs()}
    assert jobs["monitoring.prune_pings"] == timedelta(hours=1)
