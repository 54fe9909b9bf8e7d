"""Audit verification: a 1,000,000-entry chain of one organization, verified as stored.

Run: .venv/bin/python bench/vault_verify.py [--entries 1000000] [--db FILE | --postgres URL]
(a database given with --db or --postgres is kept, and reused when it already holds the chain:
building it takes a minute or two, verifying it seconds)

A throw-away database gets one organization whose audit chain has `--entries` entries (hashes
computed here as `audit.append` would, written with bulk_create in chunks) and a signed
checkpoint every 100,000 entries. Then times, best of `--runs`:
- `audit.verify` (what `GET .../audit/verify` and `steward vault verify` run): read the
  chain and its checkpoints from the database and check them;
- the standalone path: `audit.check_rows` over the rows already read back into memory (what
  a verifier does with a downloaded log), and the read itself.
Target (issue 12): verify < 5 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env  # noqa: E402

CHUNK = 20_000
CHECKPOINT_EVERY = 100_000


def build(org_id: int, entries: int) -> None:
    from steward.vault import audit
    from steward.vault.models import AuditCheckpoint, AuditEntry

    key = audit.signing_key()
    public = audit.public_key_hex(key)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    actors = ["Tess Technician <tess@provider.example>", "Max Manager <max@provider.example>"]
    prev = audit.GENESIS
    marks = []
    for base in range(0, entries, CHUNK):
        rows = []
        for seq in range(base + 1, min(base + CHUNK, entries) + 1):
            at = start + timedelta(seconds=seq * 7, microseconds=seq % 1_000_000)
            actor, obj = actors[seq % 2], f"credential:{seq % 500} Router admin"
            reason = f"ticket ACME-{seq // 10} printer queue"
            digest = audit.chain_hash(
                org_id, seq, audit.stamp(at), actor, "reveal", obj, reason, prev
            )
            rows.append(
                AuditEntry(
                    organization_id=org_id,
                    seq=seq,
                    at=at,
                    actor_label=actor,
                    action="reveal",
                    object=obj,
                    reason=reason,
                    prev_hash=prev,
                    hash=digest,
                )
            )
            prev = digest
            if seq % CHECKPOINT_EVERY == 0:
                signature = key.sign(audit.checkpoint_message(org_id, seq, digest)).hex()
                marks.append(
                    AuditCheckpoint(
                        organization_id=org_id,
                        seq=seq,
                        head=digest,
                        public_key=public,
                        signature=signature,
                    )
                )
        AuditEntry.objects.bulk_create(rows, batch_size=CHUNK)
    AuditCheckpoint.objects.bulk_create(marks)


def best[T](runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest of `runs` timings, and what the work returned."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--postgres", default="", help="a throw-away PostgreSQL database URL (kept, reused)"
    )
    parser.add_argument(
        "--db", default="", help="an SQLite file to keep (reused, chain and all, if it exists)"
    )
    args = parser.parse_args()
    db = Path(args.db or f"/tmp/steward-vault-verify-{secrets.token_hex(4)}.sqlite3")
    env = bench_env("steward.settings", db)
    # The checkpoints' key derives from it: a reused database keeps verifying.
    env["SECRET_KEY"] = env["MASTER_KEY"] = "bench-vault-verify-" + "0" * 40
    if args.postgres:
        env["DATABASE_URL"] = args.postgres
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from steward.test import make_org
    from steward.vault import audit
    from steward.vault.models import AuditCheckpoint, AuditEntry

    try:
        from steward.accounts.models import Organization

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        found = Organization.objects.filter(code="BENCH").first()
        if found is not None:  # a kept database (--db, or --postgres run before): reused
            org = found
            args.entries = AuditEntry.objects.filter(organization=org).count()
        else:
            org = make_org("BENCH")
            build(org.pk, args.entries)
        built = time.perf_counter() - started

        verify_s, verdict = best(args.runs, lambda: audit.verify(org))
        assert verdict.ok and verdict.entries == args.entries, verdict

        def read() -> tuple[list[audit.Row], list[audit.Mark]]:
            rows = list(
                AuditEntry.objects.filter(organization=org)
                .order_by("seq")
                .values_list(
                    "seq", "at", "actor_label", "action", "object", "reason", "prev_hash", "hash"
                )
                .iterator(chunk_size=10_000)
            )
            marks = list(
                AuditCheckpoint.objects.filter(organization=org)
                .order_by("seq")
                .values_list("seq", "head", "public_key", "signature")
            )
            return rows, marks

        read_s, read_back = best(1, read)
        rows, marks = read_back
        check_s, standalone = best(args.runs, lambda: audit.check_rows(org.pk, rows, marks))
        assert standalone.ok, standalone
    finally:
        if not args.postgres and not args.db:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{'entries':>10} {'checkpoints':>12} {'build s':>8} {'verify s':>9} {'read s':>7} "
        f"{'check_rows s':>13}"
    )
    print(
        f"{args.entries:>10} {verdict.checkpoints:>12} {built:>8.1f} {verify_s:>9.2f} "
        f"{read_s:>7.2f} {check_s:>13.2f}"
    )
    print(f"verify target < 5 s: {'met' if verify_s < 5 else 'NOT met'} (best of {args.runs})")
    print(
        f"Python {platform.python_version()}, Django {version('django')}, {engine}, "
        f"{os.cpu_count()} cores"
    )
    print("command: .venv/bin/python bench/vault_verify.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
