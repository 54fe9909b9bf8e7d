"""Telling staff about SLA warnings and breaches, at most once per event."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from steward.desk.models import EventKind, TicketEvent
from steward.desk.sla import CLOCK_LABELS

log = logging.getLogger(__name__)


def recipients(event: TicketEvent) -> list[str]:
    ticket = event.ticket
    if ticket.assignee is not None and ticket.assignee.is_active:
        return [ticket.assignee.email]
    if ticket.queue is not None and ticket.queue.email:
        return [ticket.queue.email]
    if ticket.organization.it_manager is not None:
        return [ticket.organization.it_manager.email]
    return []


def notify_sla_event(event_id: int) -> bool:
    """Queue the warning or breach mail once; a NOTIFIED event with a unique key guards it."""
    event = TicketEvent.objects.select_related(
        "ticket", "ticket__assignee", "ticket__queue", "ticket__organization__it_manager"
    ).get(pk=event_id)
    to = recipients(event)
    if not to:
        return False
    from steward.mail import outbound

    clock = str(event.data.get("clock", ""))
    with translation.override("en"):
        label = str(_(CLOCK_LABELS.get(clock, clock)))
    try:
        with transaction.atomic():
            TicketEvent.objects.create(
                ticket=event.ticket,
                kind=EventKind.NOTIFIED,
                once_key=f"notified:{event.pk}",
                data={"event": event.pk, "to": to},
            )
            outbound.sla_event(event, to, label)
    except IntegrityError:
        return False
    log.info("sla %s for %s queued to %s", event.kind, event.ticket.number, to)
    return True
