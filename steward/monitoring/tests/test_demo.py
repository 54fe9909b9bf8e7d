"""`steward demo`'s monitoring: every client watched, 90 days of history, outages that opened
and resolved one ticket each, a patch night that silenced one, and the loopback web site the
HTTP and TLS checks watch."""

from __future__ import annotations

import ssl
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.test import override_settings

from steward.accounts.models import Organization
from steward.desk.demo import seed as seed_desk
from steward.desk.models import EventKind, Source
from steward.desk.models import Status as TicketStatus
from steward.monitoring import actions, recurrence, runner
from steward.monitoring.demo import point
from steward.monitoring.demo import seed as seed_monitoring
from steward.monitoring.demo_target import KEYWORD, DemoTarget, network, trust
from steward.monitoring.models import Alert, Check, Flip, Kind, MaintenanceWindow, Ping, Status

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

NOW = datetime(2026, 11, 24, 10, 30, tzinfo=UTC)


def seeded() -> list[Organization]:
    seed_desk(now=NOW, tickets=30)
    seed_monitoring(now=NOW)
    return list(Organization.objects.order_by("pk"))


def test_every_client_gets_its_backups_antivirus_site_and_certificate() -> None:
    orgs = seeded()
    assert len(orgs) == 3
    for org in orgs:
        checks = {c.name: c for c in Check.objects.filter(organization=org)}
        assert set(checks) == {
            "Nightly backup",
            "Antivirus update",
            "Web site",
            "Web site certificate",
        }
        backup = checks["Nightly backup"]
        assert (backup.kind, backup.schedule, backup.tz) == (
            Kind.HEARTBEAT,
            "0 2 * * *",
            org.timezone,
        )
        assert checks["Antivirus update"].period == 6 * 3600
        assert checks["Web site"].target.startswith("http://127.0.0.1:8001/")
        assert checks["Web site certificate"].target == "127.0.0.1:8002"
        # Everything is up as the demo starts, with 90 days behind it.
        assert {c.status for c in checks.values()} == {Status.UP}
        for check in checks.values():
            oldest = check.pings.order_by("at").first()
            assert oldest is not None
            assert NOW - oldest.at > timedelta(days=89), check.name
        # The backups ran at 02:00 in the client's own zone, with their logs.
        started = backup.pings.filter(kind="start").values_list("at", flat=True)
        local = {at.astimezone(recurrence.zone(org.timezone)).hour for at in started}
        assert local == {2}
        assert "scanned" in backup.pings.filter(kind="success").first().body  # type: ignore[union-attr]
    # An hour's sample of the site, not a row every five minutes: the demo starts fast.
    assert Ping.objects.count() < 15_000


def test_each_outage_opened_one_ticket_that_its_recovery_resolved() -> None:
    orgs = seeded()
    loud = Flip.objects.filter(new=Status.DOWN, silenced=False)
    alerts = Alert.objects.select_related("ticket", "owner")
    # Per client: the backup that failed, the backup that never finished, the site down.
    assert alerts.count() == loud.count() == 3 * len(orgs)
    for flip in loud:
        # Opened when Steward noticed: a ping at once, the sweep within a few seconds.
        alert = alerts.get(
            owner=flip.owner, opened_at__gte=flip.at, opened_at__lt=flip.at + timedelta(seconds=5)
        )
        ticket = alert.ticket
        assert ticket.source == Source.MONITORING
        assert ticket.status == TicketStatus.RESOLVED
        assert ticket.organization_id == flip.owner.organization_id
        recovered = ticket.events.get(kind=EventKind.RECOVERED)
        up = Flip.objects.get(owner=flip.owner, old=Status.DOWN, new=Status.UP, at=recovered.at)
        assert alert.recovered_at == up.at
        # A person took it on while it was down.
        assert ticket.assignee is not None
        assert ticket.first_responded_at is not None
        assert ticket.first_responded_at < up.at
    site = Flip.objects.filter(owner__name="Web site", silenced=False)
    for down in site.filter(new=Status.DOWN):
        back = site.filter(new=Status.UP, at__gt=down.at).order_by("at").first()
        assert back is not None
        assert back.at - down.at == timedelta(minutes=40)
    failed = Flip.objects.filter(owner__name="Nightly backup", new=Status.DOWN)
    assert {f.reason.splitlines()[0] for f in failed} >= {
        "The job reported a failure (exit status 1)."
    }
    assert not Check.objects.exclude(open_ticket=None).exists()


def test_the_patch_night_silenced_one_flip_and_opened_no_ticket() -> None:
    orgs = seeded()
    for org in orgs:
        window = MaintenanceWindow.objects.get(organization=org)
        assert window.rrule == "FREQ=MONTHLY;BYDAY=1SA"
        silenced = Flip.objects.get(owner__organization=org, silenced=True)
        held = recurrence.covering(
            window.starts, window.ends, window.rrule, org.timezone, silenced.at
        )
        assert held is not None
        assert not Alert.objects.filter(
            owner=silenced.owner, opened_at__gte=held[0], opened_at__lt=held[1]
        ).exists()
        back = Flip.objects.get(
            owner=silenced.owner, new=Status.UP, at__gt=silenced.at, at__lt=held[1]
        )
        assert back.old == Status.DOWN


def test_no_heartbeat_is_overdue_as_the_demo_starts() -> None:
    seeded()
    assert actions.sweep(now=NOW + timedelta(seconds=5)) == 0
    assert not Flip.objects.filter(at__gt=NOW - timedelta(seconds=1)).exists()


def test_it_does_not_seed_twice() -> None:
    seeded()
    counts = (Check.objects.count(), Ping.objects.count(), Alert.objects.count())
    seed_monitoring(now=NOW)
    assert (Check.objects.count(), Ping.objects.count(), Alert.objects.count()) == counts


def test_it_seeds_nothing_without_the_demo_clients() -> None:
    seed_monitoring(now=NOW)
    assert not Check.objects.exists()


# --- The loopback web site ---------------------------------------------------------------------


@pytest.fixture
def target(tmp_path: Path) -> Iterator[DemoTarget]:
    with override_settings(DEMO=True, DATA_DIR=tmp_path):
        served = DemoTarget(0, 0).start()
        try:
            yield served
        finally:
            served.stop()


def test_the_demo_site_answers_its_health_page_with_the_keyword(target: DemoTarget) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{target.http_port}/acro/health") as r:
        assert r.status == 200
        assert KEYWORD in r.read().decode()


def test_its_certificate_is_trusted_by_the_demo_trust_only(target: DemoTarget) -> None:
    url = f"https://127.0.0.1:{target.tls_port}/health"
    context = trust()
    assert context is not None
    with urllib.request.urlopen(url, context=context) as r:
        assert r.status == 200
    with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):
        urllib.request.urlopen(url, context=ssl.create_default_context())


def test_trust_is_none_outside_demo_mode(target: DemoTarget) -> None:
    with override_settings(DEMO=False):
        assert trust() is None


def test_the_checks_follow_the_ports_of_this_run(target: DemoTarget) -> None:
    seeded()
    assert point(target.http_port, target.tls_port) == 6
    site = Check.objects.filter(kind=Kind.HTTP).first()
    assert site is not None
    assert site.target.startswith(f"http://127.0.0.1:{target.http_port}/")
    assert site.target.endswith("/health")
    assert point(target.http_port, target.tls_port) == 0


def test_the_worker_finds_the_demo_site_up(target: DemoTarget) -> None:
    seeded()
    point(target.http_port, target.tls_port)
    net = network()
    assert net is not None
    assert runner.run_due(now=NOW + timedelta(minutes=1), net=net) == 6
    for check in Check.objects.active():
        latest = check.pings.order_by("-at", "-id").first()
        assert latest is not None
        assert latest.kind == "success", latest.body
        assert check.status == Status.UP
    found = Ping.objects.filter(owner__kind=Kind.TLS).order_by("-at", "-id").first()
    assert found is not None
    assert "certificate expires in 90 days" in found.body


def test_without_the_demo_trust_its_certificate_fails_the_check(target: DemoTarget) -> None:
    seeded()
    point(target.http_port, target.tls_port)
    runner.run_due(now=NOW + timedelta(minutes=1), net=None)
    tls = Ping.objects.filter(owner__kind=Kind.TLS).order_by("-at", "-id").first()
    assert tls is not None
    assert tls.kind == "fail"
    assert "not trusted" in tls.body


def test_every_client_has_a_monthly_restore_test_done_with_evidence() -> None:
    from steward.monitoring import plans
    from steward.monitoring.models import MaintenancePlan

    for org in seeded():
        plan = MaintenancePlan.objects.get(organization=org)
        assert plan.linked_check == Check.objects.get(organization=org, name="Nightly backup")
        record = plans.Record.of(result for _o, result in plans.outcomes([plan], NOW)[plan.pk])
        assert record.on_time >= 2 and record.skipped == 0, record
        done = [o.ticket for o in plan.occurrences.all() if o.ticket and not o.ticket.is_open]
        assert done and all(t.source == Source.MAINTENANCE for t in done)
        for ticket in done:
            items = list(ticket.checklist.all())
            assert len(items) == 3 and all(i.done and i.evidence for i in items)
        assert plan.next_at is not None and plan.next_at > NOW
