"""Background work of the service desk."""

from __future__ import annotations

from django.tasks import task

from steward.desk import actions, notifications


@task()
def sweep_sla_task() -> int:
    """Record due SLA warnings and breaches and notify the people concerned."""
    events = actions.sweep_sla()
    for event in events:
        notify_sla_task.enqueue(event.pk)
    return len(events)


@task()
def notify_sla_task(event_id: int) -> bool:
    return notifications.notify_sla_event(event_id)
