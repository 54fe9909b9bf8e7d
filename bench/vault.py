"""The vault's benchmarks, one function per part (`--part`):

- `reveals`: reveals/s through the API (`POST /api/v1/credentials/{id}/reveal`) with the audit
  entry written first, against the same endpoint with the audit write taken out, side by side
  in one run. Target: >= 300/s on SQLite and >= 50% of the figure without the audit write.

- `verify`: `audit.verify` of a 1,000,000-entry chain (bench/vault_verify.py); target < 5 s.
- `exit`: the exit pack of an organization with 5,000 credentials, the KeePass key derivation
  timed apart (bench/vault_exit.py); target < 10 s.

Run: .venv/bin/python bench/vault.py [--part reveals|verify|exit] [--seconds 15] [--clients 4]

Both are served by gunicorn with 2 workers on loopback from throw-away SQLite files
(bench/serving.py); the caller is a technician assigned to the organization (the `assigned`
mode: the grant is checked on every reveal), the credential has a TOTP seed.
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
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env, gunicorn  # noqa: E402
from bench.ticket_create import PORT, wrk  # noqa: E402

SETUP = (
    "import django; django.setup();"
    "from django.core.management import call_command;"
    "call_command('migrate', verbosity=0);"
    "from steward.test import world, token_for;"
    "from steward.vault import actions_secrets as a;"
    "w = world();"
    "c = a.create_credential(w.acme, w.acme_admin, name='Router admin', username='admin',"
    " secret='Tr0ub4dor&3', totp='JBSWY3DPEHPK3PXP', notes='bench');"
    "print(c.pk, token_for(w.tech))"
)


def hammer(
    path: str, body: dict[str, object], headers: dict[str, str], total: int, clients: int
) -> float:
    """Requests/s of `clients` threads each sending total/clients reveals, each on a new
    connection (as bench/ticket_create.py does); every answer must be a 200 with a secret."""
    payload = json.dumps(body)
    errors: list[str] = []
    per_client = total // clients

    def client() -> None:
        for _ in range(per_client):
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            conn.request("POST", path, payload, {"Content-Type": "application/json", **headers})
            response = conn.getresponse()
            data = response.read()
            conn.close()
            if response.status != 200 or b'"secret"' not in data:
                errors.append(f"{response.status} {data[:200]!r}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    assert not errors, errors[:5]
    return per_client * clients / elapsed


def _setup(env: dict[str, str]) -> tuple[int, str]:
    out = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return int(out[-2]), out[-1]


def _served(settings: str, args: argparse.Namespace) -> tuple[float, str, int]:
    """Reveals/s of one configuration on a fresh database: (rate, load, audit entries)."""
    db = Path(f"/tmp/steward-vault-{secrets.token_hex(4)}.sqlite3")
    env = bench_env(settings, db, MASTER_KEY=secrets.token_hex(32))
    credential, token = _setup(env)
    path = f"/api/v1/credentials/{credential}/reveal"
    body: dict[str, object] = {"reason": "bench: ticket ACME-1"}
    auth = {"Authorization": f"Bearer {token}"}
    try:
        with gunicorn(env, PORT):
            hammer(path, body, auth, 100, args.clients)  # warm up
            if args.client == "wrk":
                rate = wrk(path, body, auth, args.seconds, args.clients)
                load = f"wrk, {args.clients} connections, {args.seconds} s each"
            else:
                rate = hammer(path, body, auth, args.requests, args.clients)
                load = f"{args.clients} Python client threads, {args.requests} requests"
        entries = _entries(env)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return rate, load, entries


def _entries(env: dict[str, str]) -> int:
    script = (
        "import django; django.setup();"
        "from steward.vault.models import AuditEntry; from steward.vault import audit;"
        "v = audit.verify(AuditEntry.objects.values_list('organization', flat=True).first() or 0);"
        "print(AuditEntry.objects.filter(action='reveal').count(), v.ok)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out[-1] == "True", "the audit chain written under load does not verify"
    return int(out[-2])


def reveals(args: argparse.Namespace) -> None:
    with_audit, load, entries = _served("bench.settings_bench", args)
    without, _load, _none = _served("bench.settings_vault_noaudit", args)
    print("## Vault: reveals\n")
    print(
        f"Python {platform.python_version()}, Django {version('django')}, gunicorn "
        f"{version('gunicorn')} (2 sync workers), SQLite, {os.cpu_count()} cores, "
        f"loopback, {load}; {entries:,} reveal entries written and verified\n"
    )
    print("| endpoint | reveals/s | share of no-audit | target |")
    print("| --- | --- | --- | --- |")
    print(
        f"| POST /api/v1/credentials/{{id}}/reveal (audit entry first) | {with_audit:.0f} | "
        f"{with_audit / without:.0%} | >= 300/s, >= 50% |"
    )
    print(f"| the same, audit write taken out | {without:.0f} | 100% | |")


def verify(args: argparse.Namespace) -> None:
    print("## Vault: audit verification\n")
    subprocess.run([sys.executable, str(ROOT / "bench" / "vault_verify.py")], check=True)


def exit_pack(args: argparse.Namespace) -> None:
    print("## Vault: exit pack\n")
    subprocess.run([sys.executable, str(ROOT / "bench" / "vault_exit.py")], check=True)


PARTS: dict[str, Callable[[argparse.Namespace], None]] = {
    "reveals": reveals,
    "verify": verify,
    "exit": exit_pack,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python"
    )
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    for name, part in PARTS.items():
        if args.part in (name, "all"):
            part(args)


if __name__ == "__main__":
    main()
