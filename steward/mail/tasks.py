"""Background work of the mail channel."""

from __future__ import annotations

from django.tasks import task

from steward.mail import outbound


@task()
def drain_outbox_task() -> dict[str, int]:
    """Send what the outbox holds that is due."""
    return outbound.drain()
