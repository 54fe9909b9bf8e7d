"""The worker's loop body for active checks: claim what is due, probe it, record what it found.

Safe to run from any number of workers on any number of machines: each slot of a check is
claimed with a conditional UPDATE on the `next_due` the worker read, whose row count must be
1, so one slot is probed once however many workers read it at the same moment.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from steward.monitoring import actions
from steward.monitoring.models import Check, Ping, PingKind, Status
from steward.monitoring.probes import Network, Outcome, Target, probe_all

log = logging.getLogger(__name__)

# Probes in flight at once in one worker process (each is a socket, not a thread).
CONCURRENCY = 500


def due(now: datetime, limit: int) -> list[Check]:
    """Active checks whose probe is due (a new one with no time yet is due at once)."""
    return list(
        Check.objects.active()
        .exclude(status=Status.PAUSED)
        .filter(Q(next_due__lte=now) | Q(next_due__isnull=True))
        .order_by("next_due")[:limit]
    )


def claim(checks: Sequence[Check], now: datetime) -> list[Check]:
    """The checks of `checks` this worker won: their `next_due` moved one interval on,
    only where it still holds the value this worker read."""
    won = []
    # One transaction for the batch: one commit instead of one per check. On PostgreSQL a
    # racing worker's UPDATE waits for this commit, then finds `next_due` changed: 0 rows.
    with transaction.atomic():
        for check in checks:
            following = now + timedelta(seconds=max(check.interval, 1))
            if (
                Check.objects.filter(pk=check.pk, next_due=check.next_due)
                .exclude(status=Status.PAUSED)
                .update(next_due=following)
                == 1
            ):
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
    """This result moves nothing: a passing check stays up, or a failure stays within the
    check's retries. Anything else (a flip, a failure on a check already down that adds to
    its ticket) goes through `actions.record_result`."""
    if outcome.ok:
        return check.status == Status.UP
    return check.status in (Status.NEW, Status.UP) and check.failures + 1 <= check.retries


def record(checks: Sequence[Check], outcomes: Sequence[Outcome]) -> None:
    """Store every result. Those that change nothing are written in bulk (one insert for the
    pings, one update per batch for the checks); the others each through `record_result`."""
    quiet = [(c, o) for c, o in zip(checks, outcomes, strict=True) if _unchanged(c, o)]
    loud = [(c, o) for c, o in zip(checks, outcomes, strict=True) if not _unchanged(c, o)]
    if quiet:
        with transaction.atomic():
            Ping.objects.bulk_create(
                [
                    Ping(
                        owner=c,
                        at=o.at,
                        kind=PingKind.SUCCESS if o.ok else PingKind.FAIL,
                        body=o.detail,
                        duration_ms=o.duration_ms,
                    )
                    for c, o in quiet
                ],
                batch_size=500,
            )
            for c, o in quiet:
                c.last_ping_at = o.at
                c.last_duration_ms = o.duration_ms
                c.failures = 0 if o.ok else c.failures + 1
                c.updated_at = o.at
            # The status stays out of the update: a pause or a flip made meanwhile stands.
            Check.objects.bulk_update(
                [c for c, _o in quiet],
                ["last_ping_at", "last_duration_ms", "failures", "updated_at"],
                batch_size=500,
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
