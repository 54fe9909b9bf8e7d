"""The value report (downtime, its cost, fixes billed, caught early, maintenance) through the
API, for one organization and for every organization in turn, at 100k and 1M tickets.

Run: .venv/bin/python bench/reports_value.py --db sqlite
     .venv/bin/python bench/reports_value.py --db postgres

A throw-away database (bench/tickets.py's `configure`) gets 20 organizations, each with 30
checks flipping down and up every ~10 days for 3 years (an alert and a monitoring ticket per
outage), two maintenance windows (a weekly repeating one and a one-off), two weekly plans with
their occurrences, and tickets: the first stage puts 100,000 in one organization, the second
brings the total to 1,000,000 across all 20. About 1 incident in 60 stopped the business; the
fix tickets carry time entries. "All organizations" is the report for each organization in a
loop (the report is per organization), timed as one pass.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tickets import configure

ORGS = 20
CHECKS = 30
YEARS = 3
PERIODS = {"quarter": 90, "year": 365}


def world() -> dict[str, Any]:
    from steward.accounts.models import ApiToken, Organization, Role, User
    from steward.contracts.models import Agreement
    from steward.sla.models import BusinessCalendar, SlaPolicy

    cal = BusinessCalendar.objects.create(
        name="Office",
        timezone="Europe/Athens",
        holiday_country="GR",
        weekly={d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
    )
    policy = SlaPolicy.objects.create(
        name="Standard",
        targets={
            p: {"first_response": 60 * (i + 1), "resolution": 480 * (i + 1)}
            for i, p in enumerate(("P1", "P2", "P3", "P4"))
        },
    )
    orgs = [
        Organization.objects.create(
            name=f"Client {i}",
            code=f"C{i:02d}",
            calendar=cal,
            timezone="Europe/Athens",
            headcount=20 + i,
        )
        for i in range(ORGS)
    ]
    for org in orgs:
        Agreement.objects.create(
            organization=org,
            name="Managed",
            sla_policy=policy,
            starts=datetime(2020, 1, 1, tzinfo=UTC).date(),
        )
    admin = User.objects.create_user("admin@bench.example", "x", role=Role.ADMIN)
    tech = User.objects.create_user("tech@bench.example", "x", role=Role.TECHNICIAN)
    _, token = ApiToken.issue(admin)
    return {
        "orgs": orgs,
        "policy": policy,
        "tech": tech,
        "token": token,
        "seq": {org.pk: 0 for org in orgs},
        "next_id": 1,
        "tickets": 0,
    }


def _ticket(w: dict[str, Any], org: Any, created: datetime, **kw: Any) -> Any:
    from steward.desk.models import Ticket

    w["seq"][org.pk] += 1
    seq = w["seq"][org.pk]
    kw.setdefault("resolved_at", created + timedelta(hours=5))
    kw.setdefault("status", "closed" if kw["resolved_at"] else "open")
    t = Ticket(
        id=w["next_id"],
        organization=org,
        seq=seq,
        number=f"{org.code}-{seq}",
        title=f"Bench ticket {seq}",
        priority="P3",
        sla_policy=w["policy"],
        created_at=created,
        updated_at=created,
        **kw,
    )
    w["next_id"] += 1
    w["tickets"] += 1
    return t


def monitoring(w: dict[str, Any], now: datetime, checks_per_org: int = CHECKS) -> None:
    """Checks, their flips (an outage every ~10 days each), alerts and the tickets they
    opened, windows, and plans with their occurrences and service requests."""
    from django.db import transaction

    from steward.billing.models import TimeEntry
    from steward.desk.models import Ticket
    from steward.monitoring.models import (
        Alert,
        Check,
        Flip,
        MaintenancePlan,
        MaintenanceWindow,
        Occurrence,
    )

    rng = random.Random(7)
    start = now - timedelta(days=365 * YEARS)
    for org in w["orgs"]:
        checks = Check.objects.bulk_create(
            Check(organization=org, name=f"Check {n}", kind="http", status="up", created_at=start)
            for n in range(checks_per_org)
        )
        flips, alerts, tickets, entries = [], [], [], []
        for check in checks:
            at = start + timedelta(hours=rng.randint(1, 240))
            while at < now:
                up = at + timedelta(minutes=rng.randint(5, 180))
                flips.append(Flip(owner=check, at=at, old="up", new="down"))
                if up < now:
                    flips.append(Flip(owner=check, at=up, old="down", new="up"))
                t = _ticket(
                    w,
                    org,
                    at,
                    kind="incident",
                    source="monitoring",
                    resolved_at=up if up < now else None,
                )
                tickets.append(t)
                alerts.append(Alert(owner=check, ticket_id=t.id, opened_at=at))
                if rng.random() < 0.3:
                    entries.append(
                        TimeEntry(
                            ticket_id=t.id,
                            user=w["tech"],
                            started_at=at,
                            minutes=rng.randint(5, 90),
                            description="Fixed",
                        )
                    )
                at = up + timedelta(hours=rng.randint(24, 2 * 240))
        for n, rule in enumerate(("FREQ=WEEKLY;BYDAY=SU", "")):
            starts = start + timedelta(days=n * 400, hours=2)
            MaintenanceWindow.objects.create(
                organization=org, starts=starts, ends=starts + timedelta(hours=2), rrule=rule
            )
        occurrences = []
        for n in range(2):
            plan = MaintenancePlan.objects.create(
                organization=org,
                name=f"Plan {n}",
                rrule="FREQ=WEEKLY;BYDAY=MO",
                starts=start,
                checklist=["Step"],
                active=False,
            )
            due = start
            while due < now:
                done = rng.random()
                t = None
                if done < 0.95:
                    t = _ticket(
                        w,
                        org,
                        due,
                        kind="service_request",
                        source="maintenance",
                        resolved_at=due + timedelta(days=1 if done < 0.8 else 9),
                    )
                    tickets.append(t)
                occurrences.append(Occurrence(plan=plan, due_at=due, ticket_id=t.id if t else None))
                due += timedelta(days=7)
        with transaction.atomic():
            Ticket.objects.bulk_create(tickets, batch_size=5000)
            Flip.objects.bulk_create(flips, batch_size=5000)
            Alert.objects.bulk_create(alerts, batch_size=5000)
            TimeEntry.objects.bulk_create(entries, batch_size=5000)
            Occurrence.objects.bulk_create(occurrences, batch_size=5000)


def tickets(w: dict[str, Any], count: int, orgs: list[Any], now: datetime) -> None:
    """`count` more tickets of `orgs`: incidents and requests from people, some stopping the
    business (with time logged on them)."""
    from django.db import transaction

    from steward.billing.models import TimeEntry
    from steward.desk.models import Ticket

    rng = random.Random(count)
    sources = ["portal", "email", "phone", "api"]
    batch = 20_000
    for offset in range(0, count, batch):
        rows, entries = [], []
        for _ in range(min(batch, count - offset)):
            org = rng.choice(orgs)
            created = now - timedelta(minutes=rng.randint(1, YEARS * 365 * 24 * 60))
            incident = rng.random() < 0.6
            stops = incident and rng.random() < 1 / 60
            active = rng.random() < 0.1
            t = _ticket(
                w,
                org,
                created,
                kind="incident" if incident else "service_request",
                source=rng.choice(sources),
                impact="high" if stops else "medium",
                stops_business=stops,
                resolved_at=None
                if active
                else created + timedelta(minutes=rng.randint(10, 3 * 24 * 60)),
            )
            rows.append(t)
            if stops:
                entries.append(
                    TimeEntry(
                        ticket_id=t.id,
                        user=w["tech"],
                        started_at=created,
                        minutes=rng.randint(15, 240),
                        out_of_hours=rng.random() < 0.2,
                        description="Restored service",
                    )
                )
        with transaction.atomic():
            Ticket.objects.bulk_create(rows, batch_size=5000)
            TimeEntry.objects.bulk_create(entries, batch_size=5000)


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(work: Any, n: int) -> tuple[float, float]:
    for _ in range(3):  # warm caches, compiled calendars, query plans
        work()
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        work()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(int(len(samples) * 0.95) - 1, 0)]


def _show(row: tuple[str, ...]) -> tuple[str, ...]:
    """Print a row as soon as it is measured (the 1M stage takes a long while to load)."""
    print("| " + " | ".join(row) + " |", file=sys.stderr, flush=True)
    return row


def run(args: argparse.Namespace) -> list[tuple[str, ...]]:
    import django

    name, drop = configure(args.db)
    try:
        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", verbosity=0)
        w = world()
        api = Client(HTTP_AUTHORIZATION=f"Bearer {w['token']}")
        now = datetime.now(UTC)
        today = now.date()
        rows: list[tuple[str, ...]] = []
        t0 = time.perf_counter()
        monitoring(w, now, args.checks)
        one = w["orgs"][0]
        small, large = (int(s) for s in args.sizes.split(","))
        for size in (small, large):
            if size == small:  # all of them in the one organization
                tickets(w, max(small - w["seq"][one.pk], 0), [one], now)
            else:
                tickets(w, max(large - w["tickets"], 0), w["orgs"], now)
            _analyze()
            loaded = time.perf_counter() - t0
            label = f"{size:,}" + (" in one org" if size == small else "")
            for period, days in PERIODS.items():
                query = f"from={(today - timedelta(days=days - 1)).isoformat()}&to={today}"

                def report(org_id: int, query: str = query) -> None:
                    response = api.get(f"/api/v1/organizations/{org_id}/value?{query}")
                    assert response.status_code == 200, response.content

                p50, p95 = timed(lambda: report(one.pk), args.requests)
                what = f"one organization, {period}"
                rows.append(
                    _show((args.db, label, what, f"{p50:.0f}", f"{p95:.0f}", f"{loaded:.0f} s"))
                )
                if size == large:
                    p50, p95 = timed(
                        lambda: [report(o.pk) for o in w["orgs"]], max(args.requests // 10, 5)
                    )
                    what = f"all {ORGS} organizations in turn, {period}"
                    rows.append(_show((args.db, label, what, f"{p50:.0f}", f"{p95:.0f}", "")))
        from steward.monitoring.models import Flip

        version = (
            connection.cursor()
            .connection.execute(
                "select sqlite_version()" if args.db == "sqlite" else "show server_version"
            )
            .fetchone()[0]
        )
        what = f"server {version}; {Flip.objects.count():,} flips, {w['tickets']:,} tickets"
        rows.append((args.db, "", what, "", "", ""))
        return rows
    finally:
        drop()
        del name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--sizes", default="100000,1000000", help="one organization's, all")
    parser.add_argument("--checks", type=int, default=CHECKS, help="per organization")
    args = parser.parse_args()
    rows = run(args)
    from importlib.metadata import version

    print(
        f"\nPython {platform.python_version()}, Django {version('django')}, "
        f"{os.cpu_count()} cores; {args.requests} requests each (10x fewer passes over all "
        "organizations), in-process through the API\n"
    )
    print("| database | tickets | report | p50 ms | p95 ms | data loaded after |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
