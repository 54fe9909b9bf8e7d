"""The worker running active checks: what is due runs once, every result is kept, retries
hold off a flapping site's ticket, and two workers never probe one slot twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from django.test import override_settings

from steward.desk.models import EventKind, Source, Ticket
from steward.desk.models import Status as TicketStatus
from steward.monitoring import runner
from steward.monitoring.models import Check, Flip, Kind, Ping, Status
from steward.monitoring.tests.servers import Reply, http_server
from steward.test import make_agreement, make_org, race_each

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
WELCOME = Reply(200, "<h1>Welcome to Acme</h1>")
BROKEN = Reply(500, "Internal Server Error")


@pytest.fixture
def site() -> Iterator[tuple[str, dict[str, Reply]]]:
    """A web site whose answer the test changes as it goes."""
    routes = {"/": WELCOME}
    with http_server(routes) as base:
        yield f"{base}/", routes


def http_check(url: str, **kw: Any) -> Check:
    org = kw.pop("organization", None) or make_org("ACME")
    kw.setdefault("name", "Shop")
    kw.setdefault("interval", 60)
    kw.setdefault("timeout", 5)
    return Check.objects.create(organization=org, kind=Kind.HTTP, target=url, **kw)


@pytest.mark.django_db
def test_a_new_check_runs_at_once_and_then_every_interval(
    site: tuple[str, dict[str, Reply]],
) -> None:
    url, _routes = site
    check = http_check(url)
    assert check.next_due is None
    assert runner.run_due(T0) == 1
    check.refresh_from_db()
    assert check.status == Status.UP
    assert check.next_due == T0 + timedelta(seconds=60)
    assert runner.run_due(T0 + timedelta(seconds=59)) == 0
    assert runner.run_due(T0 + timedelta(seconds=60)) == 1
    pings = list(Ping.objects.filter(owner=check).order_by("at"))
    assert [p.kind for p in pings] == ["success", "success"]
    assert pings[0].body.startswith("HTTP 200 in ")
    assert pings[0].duration_ms is not None
    check.refresh_from_db()
    assert check.last_ping_at == pings[-1].at
    assert check.last_duration_ms == pings[-1].duration_ms


@pytest.mark.django_db
def test_paused_and_heartbeat_checks_are_not_probed(site: tuple[str, dict[str, Reply]]) -> None:
    url, _routes = site
    org = make_org("ACME")
    http_check(url, organization=org, status=Status.PAUSED, next_due=T0)
    Check.objects.create(organization=org, kind=Kind.HEARTBEAT, name="Backup", next_due=T0)
    assert runner.run_due(T0 + timedelta(hours=1)) == 0
    assert not Ping.objects.exists()


@pytest.mark.django_db
def test_a_flapping_site_opens_a_ticket_only_after_its_retries(
    site: tuple[str, dict[str, Reply]],
) -> None:
    url, routes = site
    check = http_check(url, retries=2, expect={"contains": "Welcome"})
    make_agreement(check.organization)
    minute = timedelta(seconds=60)

    def run(n: int) -> Check:
        assert runner.run_due(T0 + n * minute) == 1
        check.refresh_from_db()
        return check

    assert run(0).status == Status.UP
    routes["/"] = BROKEN
    assert (run(1).status, check.failures) == (Status.UP, 1)
    assert (run(2).status, check.failures) == (Status.UP, 2)
    # A blip: it answers again before its retries are spent, so nobody is woken.
    routes["/"] = WELCOME
    assert (run(3).status, check.failures) == (Status.UP, 0)
    assert not Ticket.objects.exists()
    routes["/"] = BROKEN
    run(4), run(5)
    assert run(6).status == Status.DOWN
    ticket = Ticket.objects.get()
    assert ticket.source == Source.MONITORING
    assert "HTTP 500 in " in ticket.description
    assert check.open_ticket == ticket
    # Still down the same way (another status code, another time): nothing new to say.
    routes["/"] = Reply(503, "Service Unavailable")
    assert run(7).status == Status.DOWN
    assert ticket.events.filter(kind=EventKind.ALERT).count() == 1
    # Failing another way: that adds to the ticket, it opens no other.
    routes["/"] = Reply(200, "Under maintenance")
    assert run(8).status == Status.DOWN
    assert Ticket.objects.count() == 1
    assert ticket.events.filter(kind=EventKind.ALERT).count() == 2
    routes["/"] = WELCOME
    assert run(9).status == Status.UP
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.RESOLVED
    assert [(f.old, f.new) for f in Flip.objects.filter(owner=check).order_by("at")] == [
        ("new", "up"),
        ("up", "down"),
        ("down", "up"),
    ]
    kinds = list(Ping.objects.filter(owner=check).order_by("at").values_list("kind", flat=True))
    assert kinds == ["success"] + ["fail"] * 2 + ["success"] + ["fail"] * 5 + ["success"]


@pytest.mark.django_db
@override_settings(LANGUAGE_CODE="el")
def test_results_are_written_in_the_providers_language(
    site: tuple[str, dict[str, Reply]],
) -> None:
    url, _routes = site
    check = http_check(url, expect={"contains": "Kalimera"})
    runner.run_due(T0)
    assert Ping.objects.get(owner=check).body == "η λέξη-κλειδί «Kalimera» δεν βρέθηκε"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_probe_each_due_check_once(
    site: tuple[str, dict[str, Reply]],
) -> None:
    url, _routes = site
    org = make_org("ACME")
    checks = [http_check(url, organization=org, name=f"Site {n}") for n in range(40)]
    for n in range(3):
        now = T0 + n * timedelta(seconds=60)
        ran = race_each([partial(runner.run_due, now)] * 2)
        assert sum(ran) == len(checks)
    for check in checks:
        assert Ping.objects.filter(owner=check).count() == 3
