"""The guard that lets any number of schedulers run: one row per (job, slot)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class JobSlot(models.Model):
    """One periodic job's run for one time slot; the unique key is what stops a double run."""

    job = models.CharField(max_length=100)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="jobslot_unique")]
        indexes = [models.Index(fields=["enqueued_at"])]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M:%S}"
