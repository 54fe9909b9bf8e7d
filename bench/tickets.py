"""Agent queue page and API ticket list at 100k and 1M tickets, on SQLite and PostgreSQL.

Run: .venv/bin/python bench/tickets.py --db sqlite --sizes 100000,1000000
     .venv/bin/python bench/tickets.py --db postgres --sizes 100000,1000000

Each run makes a throw-away database (a file under /tmp, or `steward_bench_<hex>` on the local
PostgreSQL, dropped at the end), bulk-loads tickets with their `created` events, and times
requests through Django's full stack in-process (middleware, auth, templates; no sockets), as
a signed-in provider admin for the page and with a bearer token for the API.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PG = "postgres://postgres@127.0.0.1:5432/"


def configure(db: str) -> tuple[str, Any]:
    """Point Django at a fresh database; returns its name and a clean-up function."""
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

        return str(path), drop
    import psycopg

    name = f"steward_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = PG + name

    def drop_pg() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(PG + "postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return name, drop_pg


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
            name=f"Client {i}", code=f"C{i:02d}", calendar=cal, timezone="Europe/Athens"
        )
        for i in range(20)
    ]
    for org in orgs:
        Agreement.objects.create(
            organization=org,
            name="Managed",
            sla_policy=policy,
            starts=datetime(2020, 1, 1, tzinfo=UTC).date(),
        )
    admin = User.objects.create_user("admin@bench.example", "x", role=Role.ADMIN)
    staff = [
        User.objects.create_user(f"tech{i}@bench.example", "x", role=Role.TECHNICIAN)
        for i in range(10)
    ]
    _, token = ApiToken.issue(admin)
    return {
        "orgs": orgs,
        "policy": policy,
        "admin": admin,
        "staff": staff,
        "token": token,
        "seq": {org.pk: 0 for org in orgs},
        "next_id": 1,
    }


def load(w: dict[str, Any], count: int) -> float:
    """Insert `count` more tickets, each with its `created` event, in big batches."""
    from django.db import transaction

    from steward.desk.models import Ticket, TicketEvent

    rng = random.Random(count)
    now = datetime.now(UTC)
    statuses = (
        ["closed"] * 55
        + ["resolved"] * 10
        + ["open"] * 15
        + ["new"] * 10
        + ["waiting_on_client"] * 6
        + ["waiting_on_third_party"] * 4
    )
    started = time.perf_counter()
    batch = 20_000
    for offset in range(0, count, batch):
        tickets, events = [], []
        for _ in range(min(batch, count - offset)):
            org = rng.choice(w["orgs"])
            w["seq"][org.pk] += 1
            seq = w["seq"][org.pk]
            created = now - timedelta(minutes=rng.randint(1, 3 * 365 * 24 * 60))
            status = rng.choice(statuses)
            active = status not in ("closed", "resolved")
            due = created + timedelta(minutes=rng.randint(30, 5000)) if active else None
            tickets.append(
                Ticket(
                    id=w["next_id"],
                    organization=org,
                    seq=seq,
                    number=f"{org.code}-{seq}",
                    title=f"Bench ticket {seq}",
                    status=status,
                    priority=rng.choice(["P1", "P2", "P3", "P3", "P4", "P4"]),
                    sla_policy=w["policy"],
                    assignee=rng.choice(w["staff"]) if rng.random() < 0.8 else None,
                    created_at=created,
                    updated_at=created,
                    first_response_due=due,
                    resolution_due=due,
                    sla_due=due,
                    sla_paused=status.startswith("waiting"),
                    resolved_at=None if active else created + timedelta(hours=5),
                )
            )
            events.append(
                TicketEvent(
                    ticket_id=w["next_id"], kind="created", at=created, data={"priority": "P3"}
                )
            )
            w["next_id"] += 1
        with transaction.atomic():
            Ticket.objects.bulk_create(tickets, batch_size=5000)
            TicketEvent.objects.bulk_create(events, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def measure(client: Any, url: str, n: int, **headers: str) -> tuple[float, float]:
    for _ in range(5):  # warm caches, compiled calendars, query plans
        assert client.get(url, **headers).status_code == 200, url
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(url, **headers)
        samples.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def run(db: str, sizes: list[int], n: int) -> list[tuple[str, ...]]:
    import django

    name, drop = configure(db)
    try:
        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        w = world()
        page = Client()
        page.force_login(w["admin"])
        api = Client(HTTP_AUTHORIZATION=f"Bearer {w['token']}")
        org = w["orgs"][3].pk
        rows: list[tuple[str, ...]] = []
        loaded = 0
        for size in sizes:
            seconds = load(w, size - loaded)
            loaded = size
            first = api.get("/api/v1/tickets?limit=50&ordering=urgency&status=open").json()
            cursor = first["next_cursor"]
            cases = [
                ("queue page /desk/queue/", page, "/desk/queue/", {}),
                (
                    "queue page, one org, P2",
                    page,
                    f"/desk/queue/?organization={org}&priority=P2",
                    {},
                ),
                ("API list ?limit=50", api, "/api/v1/tickets?limit=50", {}),
                (
                    "API list, org + open + urgency",
                    api,
                    f"/api/v1/tickets?limit=50&organization={org}&status=open&ordering=urgency",
                    {},
                ),
                (
                    "API list, 2nd keyset page",
                    api,
                    f"/api/v1/tickets?limit=50&ordering=urgency&status=open&cursor={cursor}",
                    {},
                ),
            ]
            for label, client, url, headers in cases:
                p50, p95 = measure(client, url, n, **headers)
                rows.append(
                    (db, f"{size:,}", label, f"{p50:.1f}", f"{p95:.1f}", f"{seconds:.0f} s")
                )
        version = (
            connection.cursor()
            .connection.execute(
                "select sqlite_version()" if db == "sqlite" else "show server_version"
            )
            .fetchone()[0]
        )
        rows.append((db, "", f"server {version}", "", "", ""))
        return rows
    finally:
        drop()
        del name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = run(args.db, sizes, args.requests)
    from importlib.metadata import version

    print(
        f"\nPython {platform.python_version()}, Django {version('django')}, "
        f"{os.cpu_count()} cores; {args.requests} requests each, in-process\n"
    )
    print("| database | tickets | request | p50 ms | p95 ms | bulk load |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
