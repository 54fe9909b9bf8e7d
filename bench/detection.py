"""Detection: from a heartbeat's grace ending to its ticket existing, 1,000 checks due at once.

Run: .venv/bin/python bench/detection.py [--checks 1000] [--postgres URL]

A throw-away database gets 1,000 heartbeats (one client, an agreement, an IT manager who is
mailed each outage), each pinged so that all their graces end at the same instant a few
seconds ahead. A real `steward worker` (its monitoring sweep; no scheduler, no IMAP) runs
beside this script, which polls the database every 20 ms and notes when each check's ticket
is first visible to another connection: the delay a technician would see. Prints p50 / p95 /
max of (ticket visible - grace end).
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env  # noqa: E402

LEAD = 8.0  # seconds from set-up to the graces' end: the worker is up by then


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--postgres", default="", help="a throw-away PostgreSQL database URL")
    args = parser.parse_args()
    db = Path(f"/tmp/steward-detect-{secrets.token_hex(4)}.sqlite3")
    env = bench_env("bench.settings_bench", db)
    if args.postgres:
        env["DATABASE_URL"] = args.postgres
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from steward.accounts.models import Role
    from steward.monitoring import actions
    from steward.monitoring.models import Alert, Check, Kind
    from steward.test import make_agreement, make_org, make_user

    call_command("migrate", verbosity=0)
    org = make_org("BENCH")
    make_agreement(org)
    org.it_manager = make_user(Role.CLIENT_ADMIN, org, email="it@bench.example")
    org.save()
    grace_end = datetime.now(UTC) + timedelta(seconds=LEAD)
    period, grace = 60, 5
    last_ping = grace_end - timedelta(seconds=period + grace)
    checks = [
        Check(organization=org, name=f"Backup {i}", kind=Kind.HEARTBEAT, period=period, grace=grace)
        for i in range(args.checks)
    ]
    Check.objects.bulk_create(checks)
    for check in Check.objects.filter(organization=org):
        actions.ping(check.code, actions.PingIn(kind="success"), at=last_ping)
    assert Check.objects.filter(alert_after=grace_end).count() == args.checks

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-scheduler", "--no-imap"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: dict[int, datetime] = {}
    try:
        deadline = time.monotonic() + LEAD + 120
        while len(seen) < args.checks and time.monotonic() < deadline:
            now = datetime.now(UTC)
            for owner in Alert.objects.exclude(owner_id__in=list(seen)).values_list(
                "owner_id", flat=True
            ):
                seen[owner] = now
            time.sleep(0.02)
    finally:
        worker.terminate()
        worker.wait(10)
    delays = sorted((at - grace_end).total_seconds() for at in seen.values())
    if len(delays) < args.checks:
        print(f"only {len(delays)} of {args.checks} tickets opened in time")
    quantiles = statistics.quantiles(delays, n=100) if len(delays) > 1 else delays * 99
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{'checks':>8} {'tickets':>8} {'p50 s':>8} {'p95 s':>8} {'max s':>8}")
    print(
        f"{args.checks:>8} {len(delays):>8} {quantiles[49]:>8.2f} {quantiles[94]:>8.2f} "
        f"{delays[-1]:>8.2f}"
    )
    print(
        f"Python {platform.python_version()}, Django {version('django')}, {engine}, "
        f"one `steward worker`, {os.cpu_count()} cores"
    )
    if not args.postgres:
        db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
