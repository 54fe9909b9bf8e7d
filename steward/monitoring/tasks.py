"""Background work of monitoring."""

from __future__ import annotations

from django.tasks import task

from steward.monitoring import actions, plans


@task()
def open_plans_task() -> int:
    """Open the service request of every maintenance plan whose occurrence has come."""
    return len(plans.open_due())


@task()
def prune_pings_task() -> int:
    """Keep each check's newest pings and results, as many as it says."""
    return actions.prune_all()
