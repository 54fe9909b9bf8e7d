"""The scheduler enqueues each periodic job once per slot, however many schedulers run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.desk import events
from steward.desk.models import Unpublished
from steward.mail.models import Outbound
from steward.scheduler.jobs import Job, prune, slot_of, tick
from steward.scheduler.models import JobSlot
from steward.test import make_org, make_ticket

pytestmark = pytest.mark.django_db


def _job(calls: list[str], name: str = "test.job", every: int = 60) -> Job:
    return Job(name, timedelta(seconds=every), lambda: calls.append(name))


def test_it_enqueues_a_job_once_per_slot() -> None:
    calls: list[str] = []
    job = _job(calls)
    t = datetime(2026, 11, 23, 10, 0, 5, tzinfo=UTC)
    assert tick(t, [job]) == ["test.job"]
    # A second scheduler (or the same one five seconds later) in the same minute does nothing.
    assert tick(t + timedelta(seconds=5), [job]) == []
    assert tick(t + timedelta(seconds=60), [job]) == ["test.job"]
    assert calls == ["test.job", "test.job"]


def test_it_aligns_slots_to_the_interval() -> None:
    t = datetime(2026, 11, 23, 10, 7, 42, tzinfo=UTC)
    assert slot_of(t, timedelta(minutes=5)) == datetime(2026, 11, 23, 10, 5, tzinfo=UTC)


def test_it_prunes_old_slots() -> None:
    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    JobSlot.objects.create(
        job="a", slot=now - timedelta(days=3), enqueued_at=now - timedelta(days=3)
    )
    JobSlot.objects.create(job="a", slot=now, enqueued_at=now)
    assert prune(now) == 1
    assert JobSlot.objects.count() == 1


def test_the_scheduler_hands_over_the_events_recorded_while_nobody_listened() -> None:
    with events.detached():
        make_ticket(make_org("ACME"), requester_email="ann@acme.example")
    assert Unpublished.objects.exists() and not Outbound.objects.exists()
    assert "desk.publish_backlog" in tick()  # The test settings run each task at once.
    assert not Unpublished.objects.exists()
    assert Outbound.objects.get(kind="acknowledgement").to == ["ann@acme.example"]
