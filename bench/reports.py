"""The reports' benchmarks, one function per part (`--part`):

- `scorecard`: `reports.scorecard.scorecard()` for one organization with 100,000 tickets
  (target p95 < 500 ms) and the same KPIs for all organizations at 1,000,000 tickets (target
  p95 < 3 s), the period being the last 90 days and, apart, the last 365; plus the API
  endpoint for one organization through Django's full stack (in-process test client).

Other parts come from the other reports modules when present: `bench/reports_<part>.py`
exposing `run(args) -> list[rows]` (rows: tuples of strings, the table's columns).

Run: .venv/bin/python bench/reports.py --db sqlite
     .venv/bin/python bench/reports.py --db postgres [--pg-name NAME]

Each run makes a throw-away database (a file under /tmp, or a database on the local
PostgreSQL: `steward_bench_<hex>`, or NAME, dropped and created again) and bulk-loads, with
executemany on SQLite and COPY on PostgreSQL, tickets spread over two years in 10
organizations (opened in the order of their ids, as in a real desk), each ticket with the
events and messages its life would leave: created, a staff reply, waiting on the client (one
in five), resolved, closed, reopened (one in twenty); satisfaction surveys for a third of the
resolutions; and the facts the desk keeps on each ticket (desk.sla.Facts).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import random
import secrets
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = "postgres://postgres@127.0.0.1:5432/"
Row = tuple[str, ...]


def configure(db: str, pg_name: str = "") -> Callable[[], None]:
    """Point Django at a fresh database; returns the function that removes it."""
    os.environ.update(
        DEBUG="false",
        SECRET_KEY="bench-" + secrets.token_hex(16),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="steward.settings",
        LOG_LEVEL="ERROR",
        STATIC_ROOT="/tmp/steward-bench-static",
    )
    if db == "sqlite":
        path = Path(f"/tmp/steward-bench-{secrets.token_hex(4)}.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"

        def drop() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return drop
    import psycopg

    name = pg_name or f"steward_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = PG + name

    def drop_pg() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(PG + "postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return drop_pg


# --- data -------------------------------------------------------------------------------------


def world(orgs: int) -> dict[str, Any]:
    from steward.accounts.models import Organization, Role, User
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
    made = [
        Organization.objects.create(
            name=f"Client {i}", code=f"C{i:02d}", calendar=cal, timezone="Europe/Athens"
        )
        for i in range(orgs)
    ]
    for org in made:
        Agreement.objects.create(
            organization=org,
            name="Managed",
            sla_policy=policy,
            starts=date(2020, 1, 1),
            kpi_targets={"sla_compliance": 95, "median_first_response_minutes": 60, "csat": 4.5},
        )
    admin = User.objects.create_user("admin@bench.example", "x", role=Role.ADMIN)
    return {"orgs": made, "policy": policy, "admin": admin, "calendar": cal}


class Writer:
    """Rows into a table in bulk: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.sqlite = connection.vendor == "sqlite"
        adapt = connection.ops.adapt_datetimefield_value
        self.when: Callable[[datetime | None], Any] = (
            (lambda d: None if d is None else adapt(d)) if self.sqlite else (lambda d: d)
        )

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        names = ", ".join(columns)
        with self.connection.cursor() as cursor:
            if self.sqlite:
                marks = ", ".join("?" * len(columns))
                sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
                cursor.connection.executemany(sql, rows)
            else:
                with cursor.connection.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)


TICKET_COLUMNS = (
    "id", "organization_id", "seq", "number", "title", "description", "requester_email", "kind",
    "impact", "urgency", "priority", "stops_business", "status", "source", "sla_policy_id",
    "created_at", "updated_at", "first_response_due", "first_responded_at", "resolution_due",
    "resolved_at", "closed_at", "sla_paused", "sla_breached", "resolutions", "first_resolved_at",
    "last_resolved_at", "reopened_at", "second_reply_at", "resolution_seconds",
)  # fmt: skip
EVENT_COLUMNS = ("ticket_id", "kind", "at", "data")
MESSAGE_COLUMNS = (
    "ticket_id", "author_email", "body", "public", "by_staff", "source", "created_at",
)  # fmt: skip
SURVEY_COLUMNS = (
    "organization_id", "ticket_id", "resolution", "resolved_at", "email", "sent_at",
    "answered_at", "rating", "comment",
)  # fmt: skip
PRIORITIES = ("P1", "P2", "P3", "P3", "P4", "P4")
SOURCES = ("portal", "email", "email", "phone", "monitoring", "api")


def life(rng: random.Random, created: datetime, now: datetime) -> dict[str, Any]:
    """One ticket's story: its replies and status changes, in order, before now. Old tickets
    are nearly all done (a backlog of 2 years of tickets is not a help desk's)."""
    minutes = timedelta(minutes=1)
    recent = now - created < timedelta(days=14)
    changes: list[tuple[datetime, str, dict[str, Any]]] = []
    replied = created + rng.randint(5, 900) * minutes
    status, when = "new", created
    responded = None

    def to(new: str, at: datetime) -> None:
        nonlocal status, when
        changes.append((at, "status", {"from": status, "to": new}))
        status, when = new, at

    if replied < now and rng.random() < (0.93 if recent else 0.998):
        responded = replied
        changes.append((replied, "message", {"public": True, "by_staff": True}))
        to("open", replied)
        if rng.random() < 0.3:
            changes.append((replied + 30 * minutes, "message", {"public": True, "by_staff": True}))
    if status == "open" and rng.random() < 0.2:
        to("waiting_on_client", when + rng.randint(60, 600) * minutes)
        to("open", when + rng.randint(60, 3000) * minutes)
    resolved = closed = None
    if status == "open" and rng.random() < (0.88 if recent else 0.995):
        to("resolved", when + rng.randint(30, 4000) * minutes)
        resolved = when
        if rng.random() < 0.05:
            to("open", when + rng.randint(60, 2000) * minutes)
            to("resolved", when + rng.randint(30, 600) * minutes)
            resolved = when
        if rng.random() < 0.7:
            to("closed", when + 3 * 24 * 60 * minutes)
            closed = when
    changes = [c for c in changes if c[0] < now]
    status = "new"
    for _at, kind, data in changes:
        if kind == "status":
            status = data["to"]
    if resolved is not None and resolved >= now:
        resolved = None
    if closed is not None and closed >= now:
        closed = None
    if status not in ("resolved", "closed"):
        resolved = closed = None
    return {
        "changes": changes,
        "status": status,
        "responded": responded if responded and responded < now else None,
        "resolved": resolved,
        "closed": closed,
    }


def load(w: dict[str, Any], count: int, now: datetime, seed: int = 13) -> float:
    """`count` tickets over the two years before now, round-robin over the organizations."""
    from django.db import connection, transaction

    from steward.desk.models import Status
    from steward.desk.sla import Change, facts_of

    writer = Writer()
    when = writer.when
    # The facts the desk keeps on each ticket (desk.sla.Facts), from its story, as
    # recompute_sla derives them from its events.
    cal = w["calendar"].compiled()
    pauses = [s for s in Status.values if w["policy"].pauses("resolution", s)]
    rng = random.Random(seed)
    orgs = w["orgs"]
    policy = w["policy"].pk
    seq = {org.pk: 0 for org in orgs}
    started = time.perf_counter()
    batch = 50_000
    span = 2 * 365 * 24 * 60
    # Opened in the order of their ids, as a help desk's tickets are: the rows of a quarter
    # lie together in the table, not scattered over two years of pages.
    ages = sorted((rng.randint(1, span) for _ in range(count)), reverse=True)
    for offset in range(0, count, batch):
        tickets, events, messages, surveys = [], [], [], []
        for n in range(offset, min(offset + batch, count)):
            org = orgs[n % len(orgs)]
            seq[org.pk] += 1
            pk = n + 1
            created = now - timedelta(minutes=ages[n])
            story = life(rng, created, now)
            priority = rng.choice(PRIORITIES)
            hours = {"P1": 1, "P2": 2, "P3": 4, "P4": 8}[priority]
            resolved = story["resolved"]
            facts = facts_of(
                [Change(created, "created")]
                + [
                    Change(at, "status", data["to"])
                    if kind == "status"
                    else Change(at, "staff_reply")
                    for at, kind, data in story["changes"]
                ],
                cal,
                pauses,
            )
            tickets.append(
                (
                    pk,
                    org.pk,
                    seq[org.pk],
                    f"{org.code}-{seq[org.pk]}",
                    f"Bench ticket {n}",
                    "",
                    "",
                    "incident",
                    "medium",
                    "medium",
                    priority,
                    False,
                    story["status"],
                    rng.choice(SOURCES),
                    policy,
                    when(created),
                    when(story["changes"][-1][0] if story["changes"] else created),
                    when(created + timedelta(hours=hours)),
                    when(story["responded"]),
                    when(created + timedelta(hours=8 * hours)),
                    when(resolved),
                    when(story["closed"]),
                    story["status"] == "waiting_on_client",
                    "[]",
                    facts.resolutions,
                    when(facts.first_resolved_at),
                    when(facts.last_resolved_at),
                    when(facts.reopened_at),
                    when(facts.second_reply_at),
                    facts.resolution_seconds,
                )
            )
            events.append((pk, "created", when(created), "{}"))
            for at, kind, data in story["changes"]:
                events.append((pk, kind, when(at), json.dumps(data)))
                if kind == "message":
                    messages.append((pk, "", "On it", True, True, "email", when(at)))
            if resolved is not None and rng.random() < 0.33:
                answered = rng.random() < 0.5
                surveys.append(
                    (
                        org.pk,
                        pk,
                        1,
                        when(resolved),
                        "client@bench.example",
                        when(resolved),
                        when(resolved + timedelta(hours=3)) if answered else None,
                        rng.choice((3, 4, 5, 5)) if answered else None,
                        "",
                    )
                )
        with transaction.atomic():
            writer.insert("desk_ticket", TICKET_COLUMNS, tickets)
            writer.insert("desk_ticketevent", EVENT_COLUMNS, events)
            writer.insert("desk_message", MESSAGE_COLUMNS, messages)
            writer.insert("reports_survey", SURVEY_COLUMNS, surveys)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval('desk_ticket_id_seq', %s)", [count])
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


# --- timing -----------------------------------------------------------------------------------


def timed(work: Callable[[], Any], runs: int) -> tuple[float, float]:
    """p50 and p95 in ms over `runs` runs, after one warm-up (compiled calendars, plans)."""
    work()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(int(len(samples) * 0.95) - 1, 0)]


def scorecard(args: argparse.Namespace) -> list[Row]:
    """The scorecard part; expects Django set up on an empty, migrated database."""
    from django.db import connection
    from django.test import Client

    from steward.accounts.models import Organization
    from steward.desk.models import Ticket, TicketEvent
    from steward.reports import scorecard as cards
    from steward.reports.period import Period

    now = datetime.now(UTC)
    w = world(args.orgs)
    seconds = load(w, args.tickets, now)
    total = Ticket.objects.count()
    events = TicketEvent.objects.count()
    org: Organization = w["orgs"][0]
    per_org = Ticket.objects.filter(organization=org).count()
    today = now.date()
    rows: list[Row] = []
    db = connection.vendor
    api = Client()
    api.force_login(w["admin"])
    for days in (90, 365):
        period = Period(today - timedelta(days=days - 1), today)
        card = cards.scorecard(org, period, now)
        p50, p95 = timed(lambda p=period: cards.scorecard(org, p, now), args.runs)
        rows.append(
            (db, f"{per_org:,} (one org)", f"{days} days", f"{card['tickets']['opened']:,}")
            + (f"{p50:.0f}", f"{p95:.0f}", "< 500")
        )
        url = f"/api/v1/organizations/{org.pk}/scorecard?{period.query()}"
        p50, p95 = timed(lambda u=url: api.get(u), args.runs)
        rows.append(
            (db, f"{per_org:,} (one org, API)", f"{days} days", "")
            + (f"{p50:.0f}", f"{p95:.0f}", "< 500")
        )

        def everyone(p: Period = period) -> int:
            current = cards.measure(None, p, now)
            cards.measure(None, p.previous(), now)
            return current.kpis["opened"].n

        opened = everyone()
        p50, p95 = timed(everyone, max(args.runs // 4, 3))
        rows.append(
            (db, f"{total:,} (all orgs)", f"{days} days", f"{opened:,}")
            + (f"{p50:.0f}", f"{p95:.0f}", "< 3000")
        )
    version = (
        connection.cursor()
        .connection.execute("select sqlite_version()" if db == "sqlite" else "show server_version")
        .fetchone()[0]
    )
    rows.append(
        (db, f"server {version}", f"load {seconds:.0f} s", f"{events:,} events", "", "", "")
    )
    return rows


PARTS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {"scorecard": scorecard}
# The other reports modules' parts, when their benchmark files are present.
for _part in ("value", "recurring", "pack"):
    with contextlib.suppress(ModuleNotFoundError):
        PARTS[_part] = importlib.import_module(f"bench.reports_{_part}").run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=[*PARTS, "all"], default="scorecard")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-name", default="", help="a PostgreSQL database to drop and reuse")
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--orgs", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    parts = list(PARTS) if args.part == "all" else [args.part]
    import django

    rows: list[Row] = []
    drop = configure(args.db, args.pg_name)
    try:
        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        for part in parts:  # one database: a part adds its own rows beside the others'
            rows += PARTS[part](args)
    finally:
        drop()
    from importlib.metadata import version

    print(
        f"\nPython {platform.python_version()}, Django {version('django')}, "
        f"{os.cpu_count()} cores; {args.runs} runs each (all orgs: a quarter of that), "
        f"in-process, {datetime.now(UTC):%Y-%m-%d}\n"
    )
    print("| database | tickets | period | opened in it | p50 ms | p95 ms | target ms |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
