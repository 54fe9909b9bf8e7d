"""Periodic jobs, enqueued by the scheduler loop inside `steward worker`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from steward.desk.tasks import publish_backlog_task, sweep_sla_task
from steward.mail.tasks import drain_outbox_task
from steward.monitoring.tasks import open_plans_task, prune_pings_task
from steward.scheduler.models import JobSlot
from steward.vault.tasks import warn_renewals_task
from steward.vault.tasks_keys import checkpoint_task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    enqueue: Callable[[], object]


def _jobs() -> list[Job]:
    return [
        Job("desk.sweep_sla", timedelta(seconds=60), sweep_sla_task.enqueue),
        Job("desk.publish_backlog", timedelta(seconds=60), publish_backlog_task.enqueue),
        Job("mail.drain_outbox", timedelta(seconds=15), drain_outbox_task.enqueue),
        Job("monitoring.open_plans", timedelta(seconds=60), open_plans_task.enqueue),
        Job("monitoring.prune_pings", timedelta(hours=1), prune_pings_task.enqueue),
        Job("vault.warn_renewals", timedelta(hours=1), warn_renewals_task.enqueue),
        Job("vault.checkpoints", timedelta(hours=1), checkpoint_task.enqueue),
    ]


def slot_of(now: datetime, every: timedelta) -> datetime:
    step = int(every.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % step, tz=now.tzinfo)


def claim(job: str, slot: datetime) -> bool:
    """True for exactly one caller per (job, slot), across processes and machines."""
    try:
        with transaction.atomic():
            JobSlot.objects.create(job=job, slot=slot)
    except IntegrityError:
        return False
    return True


def tick(now: datetime | None = None, jobs: list[Job] | None = None) -> list[str]:
    """Enqueue every job whose slot has come and that no other scheduler has taken."""
    now = now or timezone.now()
    started = []
    for job in jobs if jobs is not None else _jobs():
        if claim(job.name, slot_of(now, job.every)):
            job.enqueue()
            started.append(job.name)
    return started


def prune(now: datetime | None = None, keep: timedelta = timedelta(days=2)) -> int:
    deleted, _ = JobSlot.objects.filter(enqueued_at__lt=(now or timezone.now()) - keep).delete()
    return deleted


def run_forever(stop: threading.Event, interval: float = 5.0) -> None:
    log.info("scheduler started")
    last_prune = timezone.now()
    while not stop.is_set():
        try:
            tick()
            if timezone.now() - last_prune > timedelta(hours=1):
                prune()
                last_prune = timezone.now()
        except Exception:  # A broken tick must not kill the worker; the next one retries.
            log.exception("scheduler tick failed")
        stop.wait(interval)
