"""Background work of the service desk."""

from __future__ import annotations

from django.tasks import task

from steward.desk import actions, events


@task()
def sweep_sla_task() -> int:
    """Record due SLA warnings and breaches; the apps that react (mail) are handed each one
    in the transaction that records it."""
    return len(actions.sweep_sla())


@task()
def publish_backlog_task() -> int:
    """Hand over the events recorded while no app was listening."""
    return events.publish_backlog()
