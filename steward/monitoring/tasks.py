"""Background work of monitoring."""

from __future__ import annotations

from django.tasks import task

from steward.monitoring import plans


@task()
def open_plans_task() -> int:
    """Open the service request of every maintenance plan whose occurrence has come."""
    return len(plans.open_due())
