"""Active checks: 10,000 HTTP checks through the runner, every result stored, in one process.

Run: .venv/bin/python bench/checks.py [--checks 10000] [--db sqlite|postgres]

A loopback aiohttp server in its own process answers every check (200, a small page with the
keyword the checks look for). A throw-away database gets one organization and the checks,
all due. The worker process then calls `steward.monitoring.runner.run_due` in batches of
1,000 (as the worker loop does) until nothing is due; each batch claims its checks, probes
them concurrently and stores every result. Two rounds: first every check is `new` (each
result is a flip to `up`, through `actions.record_result`), then every check is `up` and
due again (the steady state: results that change nothing, stored in bulk). Side by side:
the probes alone on the same targets, no database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tickets import configure

PAGE = "<html><body><h1>Welcome to the bench</h1>" + "x" * 2000 + "</body></html>"


def serve(port: int) -> None:
    from aiohttp import web

    async def index(request: web.Request) -> web.Response:
        return web.Response(text=PAGE, content_type="text/html")

    app = web.Application()
    app.router.add_get("/{path:.*}", index)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None, backlog=4096)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def p95(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[int(len(ordered) * 0.95)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    name, drop = configure(args.db)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        call_command("migrate", verbosity=0)
        from datetime import timedelta

        from django.utils import timezone

        from steward.accounts.models import Organization
        from steward.monitoring import runner
        from steward.monitoring.models import Check, Kind, Ping, Status
        from steward.monitoring.probes import Network, Outcome, Target, probe_all

        org = Organization.objects.create(code="BENCH", name="Bench", timezone="Europe/Athens")
        url = f"http://127.0.0.1:{port}/"
        Check.objects.bulk_create(
            [
                Check(
                    organization=org,
                    kind=Kind.HTTP,
                    name=f"Site {n}",
                    target=f"{url}{n}",
                    interval=60,
                    timeout=10,
                    expect={"contains": "Welcome"},
                )
                for n in range(args.checks)
            ],
            batch_size=1000,
        )
        # One loopback host stands for thousands of clients' sites: the per-host limit is
        # lifted to the total, as it would be spread over many hosts in production.
        net = Network(limit_per_host=Network().limit)

        def round_(now: object) -> tuple[float, float, int]:
            started, cpu = time.perf_counter(), time.process_time()
            ran = 0
            while True:
                n = runner.run_due(now, limit=args.batch, net=net)  # type: ignore[arg-type]
                ran += n
                if not n:
                    break
            return time.perf_counter() - started, time.process_time() - cpu, ran

        now = timezone.now()
        first_s, first_cpu, first_n = round_(now)
        first_ms = list(Ping.objects.values_list("duration_ms", flat=True))
        assert Check.objects.filter(status=Status.UP).count() == args.checks
        steady_s, steady_cpu, steady_n = round_(now + timedelta(seconds=60))
        steady_ms = list(
            Ping.objects.order_by("-id").values_list("duration_ms", flat=True)[: args.checks]
        )
        pings = Ping.objects.count()
        assert pings == 2 * args.checks, pings
        assert not Ping.objects.filter(kind="fail").exists()

        targets = [
            Target(Kind.HTTP, f"{url}{n}", 10, {"contains": "Welcome"}) for n in range(args.checks)
        ]
        started, cpu = time.perf_counter(), time.process_time()
        outcomes: list[Outcome] = []
        for at in range(0, len(targets), args.batch):
            outcomes += asyncio.run(
                probe_all(targets[at : at + args.batch], net, concurrency=runner.CONCURRENCY)
            )
        probes_s, probes_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert all(o.ok for o in outcomes)
        probe_ms = [o.duration_ms for o in outcomes if o.duration_ms is not None]

        if connection.vendor == "sqlite":
            engine = f"SQLite {connection.Database.sqlite_version}"  # type: ignore[attr-defined]
        else:
            engine = f"PostgreSQL {connection.pg_version}"  # type: ignore[attr-defined]
        print("## Active checks\n")
        print(
            f"Python {platform.python_version()}, Django {django.get_version()}, aiohttp "
            f"{version('aiohttp')}, {engine}, {os.cpu_count()} cores, {platform.machine()}; "
            f"{args.checks:,} HTTP checks against one loopback aiohttp server (its own "
            f"process), batches of {args.batch:,}, {runner.CONCURRENCY} probes in flight, "
            f"one worker process ({name})\n"
        )
        print(
            "| run | checks | wall s | checks/s (wall) | worker CPU s | checks per CPU-second "
            "| p95 probe latency |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        rows = [
            (
                "first run: every check `new`, each result a flip to `up` (record_result)",
                first_n,
                first_s,
                first_cpu,
                first_ms,
            ),
            (
                "steady state: every check `up` and due, every result stored",
                steady_n,
                steady_s,
                steady_cpu,
                steady_ms,
            ),
            ("probes only (no database)", len(outcomes), probes_s, probes_cpu, probe_ms),
        ]
        for label, n, wall, cpu_s, ms in rows:
            print(
                f"| {label} | {n:,} | {wall:.2f} | {n / wall:,.0f} | {cpu_s:.2f} | "
                f"{n / cpu_s:,.0f} | {p95(ms)} ms |"
            )
        print(f"\nload average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait()
        drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
