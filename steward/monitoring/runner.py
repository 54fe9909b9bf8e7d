"""The worker's loop body for active checks: claim what is due, probe it, record what it found.

Safe to run from any number of workers on any number of machines: each slot of a check is
claimed with a conditional UPDATE on the `next_due` the worker read, whose row count must be
1, so one slot is probed once however many workers read it at the same moment.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from steward.monitoring import actions
from steward.monitoring.models import BODY_LIMIT, Check, Ping, PingKind, Status
from steward.monitoring.probes import Network, Outcome, Target, probe_all

log = logging.getLogger(__name__)

# Probes in flight at once in one worker process (each is a socket, not a thread): as many
# as the connector opens at once (Network.limit); more would wait in aiohttp's queue, which
# costs CPU (bench/checks.py: 2,050 -> 2,200 checks per CPU-second from 500 to 256).
CONCURRENCY = 256
# Ids named in one claiming UPDATE.
CLAIM_BATCH = 500


def due(now: datetime, limit: int) -> list[Check]:
    """Active checks whose probe is due (a new one with no time yet is due at once)."""
    return list(
        Check.objects.active()
        .exclude(status=Status.PAUSED)
        .filter(Q(next_due__lte=now) | Q(next_due__isnull=True))
        # New checks (no time yet) first, on PostgreSQL too, where NULLs sort last.
        .order_by(F("next_due").asc(nulls_first=True))[:limit]
    )


def claim(checks: Sequence[Check], now: datetime) -> list[Check]:
    """The checks of `checks` this worker won: those still due at `now` when its UPDATE
    reaches them, their `next_due` moved one interval on.

    One conditional UPDATE per interval (not per check) with RETURNING: the rows it names
    are the claimed ones. A racing worker's UPDATE finds them no longer due (on PostgreSQL
    it waits for this one's commit, then re-reads them): each slot is probed once, as long
    as the interval is longer than the gap between the two workers' clocks (>= 10 s)."""
    by_interval: dict[int, list[Check]] = defaultdict(list)
    for check in sorted(checks, key=lambda c: c.pk):
        by_interval[max(check.interval, 1)].append(check)
    table = connection.ops.quote_name(Check._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    won: list[Check] = []
    # Each UPDATE commits on its own: a worker never holds one batch's rows while it waits
    # for another's, so two workers cannot deadlock on PostgreSQL.
    with connection.cursor() as cursor:
        for interval, group in by_interval.items():
            following = now + timedelta(seconds=interval)
            for at in range(0, len(group), CLAIM_BATCH):
                part = group[at : at + CLAIM_BATCH]
                cursor.execute(
                    f"UPDATE {table} SET next_due = %s "
                    f"WHERE id IN ({', '.join(['%s'] * len(part))}) AND status <> %s "
                    "AND (next_due IS NULL OR next_due <= %s) RETURNING id",
                    [adapt(following), *(c.pk for c in part), Status.PAUSED.value, adapt(now)],
                )
                claimed = {row[0] for row in cursor.fetchall()}
                for check in part:
                    if check.pk in claimed:
                        check.next_due = following
                        won.append(check)
    return won


def run_due(now: datetime | None = None, limit: int = 1000, net: Network | None = None) -> int:
    """Probe every active check due at `now` (up to `limit`) and record each result;
    returns how many this worker ran."""
    now = now or timezone.now()
    checks = claim(due(now, limit), now)
    if not checks:
        return 0
    # What the probes find is stored and shown to staff and in tickets: the provider's
    # language, whatever the worker's thread had active.
    with translation.override(settings.LANGUAGE_CODE):
        outcomes = asyncio.run(
            probe_all([Target.of(c) for c in checks], net, concurrency=CONCURRENCY)
        )
    record(checks, outcomes)
    return len(checks)


def _unchanged(check: Check, outcome: Outcome) -> bool:
    """This result moves nothing (actions.result_moves): a passing check stays up, or a
    failure stays within the check's retries. Anything else (a flip, a failure on a check
    already down that adds to its ticket) goes through `actions.record_result`."""
    if actions.result_moves(check, outcome.ok) is not None:
        return False
    return outcome.ok or check.status != Status.DOWN


def record(checks: Sequence[Check], outcomes: Sequence[Outcome]) -> None:
    """Store every result. Those that change nothing are written in bulk (one insert for the
    pings, one update per batch for the checks); the others each through `record_result`."""
    quiet = [(c, o) for c, o in zip(checks, outcomes, strict=True) if _unchanged(c, o)]
    loud = [(c, o) for c, o in zip(checks, outcomes, strict=True) if not _unchanged(c, o)]
    if quiet:
        checks_table = connection.ops.quote_name(Check._meta.db_table)
        pings_table = connection.ops.quote_name(Ping._meta.db_table)
        adapt = connection.ops.adapt_datetimefield_value
        pings, rows = [], []
        for c, o in quiet:
            c.last_ping_at = o.at
            c.last_duration_ms = o.duration_ms
            c.failures = 0 if o.ok else c.failures + 1
            c.updated_at = o.at
            kind = PingKind.SUCCESS if o.ok else PingKind.FAIL
            pings.append((c.pk, adapt(o.at), kind.value, o.detail[:BODY_LIMIT], o.duration_ms))
            rows.append((adapt(o.at), o.duration_ms, c.failures, adapt(o.at), c.pk))
        # Plain statements run for many rows: building 1,000 model instances and bulk_update's
        # CASE over 1,000 rows cost more than the probes. The status stays out of the update:
        # a pause or a flip made meanwhile stands.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {pings_table} (owner_id, at, kind, body, duration_ms, method, "
                "remote_addr) VALUES (%s, %s, %s, %s, %s, '', '')",
                pings,
            )
            cursor.executemany(
                f"UPDATE {checks_table} SET last_ping_at = %s, last_duration_ms = %s, "
                "failures = %s, updated_at = %s WHERE id = %s",
                rows,
            )
    for check, outcome in loud:
        try:
            actions.record_result(
                check,
                ok=outcome.ok,
                at=outcome.at,
                duration_ms=outcome.duration_ms,
                detail=outcome.detail,
            )
        except Exception:
            # One check's ticket failing to open must not lose the others' results.
            log.exception("recording the result of check %s failed", check.pk)
