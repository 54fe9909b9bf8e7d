"""Ticket create through the API against a bare Django view inserting the same row.

Run: .venv/bin/python bench/ticket_create.py [--requests 2000] [--clients 4]

Both are served by gunicorn with 2 workers on loopback from one throw-away SQLite file; the
API path does everything a real create does (token auth, validation, the agreement in force,
priority, the ticket number, the `created` event, the SLA due times); the bare view only
takes the number and inserts the row.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env, gunicorn  # noqa: E402

PORT = 8791


def setup(env: dict[str, str]) -> tuple[int, str]:
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('migrate', verbosity=0);"
        "from steward.test import world, token_for;"
        "w = world(); print(w.acme.pk, token_for(w.admin))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[-2]), out[-1]


def hammer(
    path: str, body: dict[str, object], headers: dict[str, str], total: int, clients: int
) -> float:
    payload = json.dumps(body)
    errors: list[str] = []
    per_client = total // clients

    def client() -> None:
        for _ in range(per_client):
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            conn.request("POST", path, payload, {"Content-Type": "application/json", **headers})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status != 201:
                errors.append(f"{response.status}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    assert not errors, errors[:5]
    return per_client * clients / elapsed


def wrk(
    path: str, body: dict[str, object], headers: dict[str, str], seconds: int, connections: int
) -> float:
    """Requests/s from wrk (Debian's package), which costs the server's cores far less."""
    lines = [
        'wrk.method = "POST"',
        f"wrk.body = {json.dumps(json.dumps(body))}",
        'wrk.headers["Content-Type"] = "application/json"',
    ]
    lines += [f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items()]
    script = Path(f"/tmp/steward-wrk-{secrets.token_hex(4)}.lua")
    script.write_text("\n".join(lines) + "\n")
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "-s",
                str(script),
                f"http://127.0.0.1:{PORT}{path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        script.unlink()
    assert "Non-2xx" not in out, out
    return float(
        next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec"))
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python"
    )
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    db = Path(f"/tmp/steward-create-{secrets.token_hex(4)}.sqlite3")
    env = bench_env("bench.settings_bench", db)
    org, token = setup(env)
    try:
        with gunicorn(env, PORT):
            api, bare, load = _measure(org, token, args)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    print("## Ticket create\n")
    print(
        f"Python {platform.python_version()}, Django {version('django')}, gunicorn "
        f"{version('gunicorn')} (2 sync workers), SQLite, {os.cpu_count()} cores, "
        f"loopback, {load}\n"
    )
    print("| endpoint | requests/s | share of bare |")
    print("| --- | --- | --- |")
    print(f"| POST /api/v1/tickets (Steward) | {api:.0f} | {api / bare:.0%} |")
    print(f"| POST /bare/tickets (bare view, same row) | {bare:.0f} | 100% |")


def _measure(org: int, token: str, args: argparse.Namespace) -> tuple[float, float, str]:
    """Both endpoints warmed up, then measured: (Steward/s, bare/s, how the load was made)."""
    body = {"organization": org, "title": "Printer jam", "impact": "medium", "urgency": "high"}
    auth = {"Authorization": f"Bearer {token}"}
    hammer("/api/v1/tickets", body, auth, 100, args.clients)  # warm up both
    hammer("/bare/tickets", body, {}, 100, args.clients)
    if args.client == "wrk":
        api = wrk("/api/v1/tickets", body, auth, args.seconds, args.clients)
        bare = wrk("/bare/tickets", body, {}, args.seconds, args.clients)
        load = f"wrk, {args.clients} connections, {args.seconds} s each"
    else:
        api = hammer("/api/v1/tickets", body, auth, args.requests, args.clients)
        bare = hammer("/bare/tickets", body, {}, args.requests, args.clients)
        load = f"{args.clients} Python client threads, {args.requests} requests each"
    return api, bare, load


if __name__ == "__main__":
    main()
