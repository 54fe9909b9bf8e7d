"""Which queue a new ticket lands in: the routing rules, else the default queue."""

from __future__ import annotations

from django.db.models import Q

from steward.accounts.models import Organization
from steward.contracts.models import Service
from steward.desk.models import Queue, RoutingRule

# The queue an installation without one gets, so that no ticket is ever left without a queue.
DEFAULT_QUEUE_NAME = "Service desk"


def route(org: Organization, source: str, service: Service | None) -> Queue:
    """The queue of the first rule (by position) whose conditions all match, else the default."""
    rule = (
        RoutingRule.objects.filter(
            Q(organization__isnull=True) | Q(organization=org),
            Q(source="") | Q(source=source),
            Q(service__isnull=True) | Q(service=service),
        )
        .select_related("queue")
        .order_by("position", "pk")
        .first()
    )
    return rule.queue if rule is not None else default_queue()


def default_queue() -> Queue:
    """The default queue; made (or the one of that name marked) when there is none yet."""
    queue = Queue.objects.filter(is_default=True).first()
    if queue is not None:
        return queue
    queue, _ = Queue.objects.get_or_create(name=DEFAULT_QUEUE_NAME)
    make_default(queue)
    return queue


def make_default(queue: Queue) -> None:
    """This queue becomes the default; the one before it stops being it."""
    Queue.objects.filter(is_default=True).exclude(pk=queue.pk).update(is_default=False)
    if not queue.is_default:
        queue.is_default = True
        queue.save(update_fields=["is_default"])
