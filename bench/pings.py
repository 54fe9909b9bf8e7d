"""Heartbeat ping ingest (`GET /ping/<uuid>`) against a bare Django view inserting the same row.

Run: .venv/bin/python bench/pings.py [--seconds 10] [--connections 8] [--rounds 3]

Both are served by gunicorn with 2 sync workers on loopback from one throw-away SQLite file
(and data directory), as bench/ticket_create.py serves. Steward's path is the product's: the
URL parsed, the check found by its code, the ping stored, the check's due times moved (one
SELECT, one INSERT and one UPDATE in a transaction); the bare view looks the check up and
inserts the same row. The two alternate, `--rounds` times each; every ping is stored (the
script counts the rows afterwards). The load comes from one asyncio process holding
`--connections` connections busy, a new connection per request (gunicorn's sync workers close
each one); every request's latency is kept for the percentiles. (`wrk` is not used: against
these GET requests it left one request per connection hanging until its timeout.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env, gunicorn  # noqa: E402

PORT = 8792


@dataclass
class Run:
    rate: float  # requests/s
    p50_ms: float
    p95_ms: float
    requests: int


def setup(env: dict[str, str]) -> str:
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('migrate', verbosity=0);"
        "from steward.test import make_org;"
        "from steward.monitoring import actions;"
        "org = make_org('ACME');"
        "c = actions.save_check(org, actions.CheckInput(name='Nightly backup', kind='heartbeat',"
        " period=60, grace=60));"
        "actions.ping(c.code, actions.PingIn('success'));"
        "print(c.code)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return out[-1]


def python_client(path: str, seconds: int, connections: int) -> Run:
    """One asyncio process, `connections` loops each opening a connection per request."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    latencies: list[float] = []
    errors: list[str] = []

    async def loop(deadline: float) -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
            writer.write(request)
            answer = await reader.read()
            writer.close()
            if not answer.startswith(b"HTTP/1.1 200"):
                errors.append(answer[:40].decode(errors="replace"))
            latencies.append(time.perf_counter() - started)

    async def main() -> float:
        started = time.perf_counter()
        await asyncio.gather(*(loop(started + seconds) for _ in range(connections)))
        return time.perf_counter() - started

    elapsed = asyncio.run(main())
    assert not errors, errors[:5]
    cuts = statistics.quantiles(latencies, n=100)
    return Run(len(latencies) / elapsed, cuts[49] * 1000, cuts[94] * 1000, len(latencies))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="steward-pings-"))
    db = data / "steward.sqlite3"
    env = bench_env("bench.settings_pings", db, DATA_DIR=str(data))
    code = setup(env)
    measure = python_client
    paths = {"steward": f"/ping/{code}", "bare": f"/bare/ping/{code}"}
    runs: dict[str, list[Run]] = {"steward": [], "bare": []}
    try:
        with gunicorn(env, PORT):
            for path in paths.values():  # warm up both workers and both paths
                measure(path, 2, args.connections)
            before = _count(db)
            for _ in range(args.rounds):
                for name, path in paths.items():
                    runs[name].append(measure(path, args.seconds, args.connections))
            stored = _count(db) - before
    finally:
        shutil.rmtree(data, ignore_errors=True)
    sent = sum(r.requests for rs in runs.values() for r in rs)
    assert stored == sent, f"{sent} pings answered 200, {stored} rows stored"
    load = (
        f"asyncio client, {args.connections} connections, "
        f"{args.seconds} s x {args.rounds} rounds each, alternating"
    )
    print("## Ping ingest\n")
    print(
        f"Python {platform.python_version()}, Django {version('django')}, gunicorn "
        f"{version('gunicorn')} (2 sync workers), SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} cores, loopback, {load}\n"
    )
    best = {name: statistics.median(r.rate for r in rs) for name, rs in runs.items()}
    print("| endpoint | pings/s (median) | each round | p50 ms | p95 ms | share of bare |")
    print("| --- | --- | --- | --- | --- | --- |")
    labels = {
        "steward": "GET /ping/<uuid> (Steward)",
        "bare": "GET /bare/ping/<uuid> (bare view, same row)",
    }
    for name, rs in runs.items():
        rounds = ", ".join(f"{r.rate:.0f}" for r in rs)
        p50 = statistics.median(r.p50_ms for r in rs)
        p95 = statistics.median(r.p95_ms for r in rs)
        share = best[name] / best["bare"]
        print(
            f"| {labels[name]} | {best[name]:.0f} | {rounds} | {p50:.1f} | {p95:.1f} | "
            f"{share:.0%} |"
        )
    print(f"\nPings answered: {sent:,}; rows stored: {stored:,}.")


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM monitoring_ping").fetchone()[0])


if __name__ == "__main__":
    main()
