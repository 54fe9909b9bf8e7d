"""What the desk's events mean for mail: each kind that concerns someone becomes outbox rows,
written in the transaction that recorded the event (steward.desk.events hands each event
over once). A new kind of mail is a function here and a line in HANDLERS."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from steward.desk import events
from steward.desk.models import EventKind, Message, TicketEvent
from steward.desk.sla import CLOCK_LABELS
from steward.mail import outbound

log = logging.getLogger(__name__)


def ticket_opened(event: TicketEvent) -> None:
    outbound.ticket_opened(event.ticket, event.actor)


def message_posted(event: TicketEvent) -> None:
    if not (event.data.get("public") and event.data.get("by_staff")):
        return  # Only a public staff reply is mailed: no need to read the message.
    message = Message.objects.get(pk=event.data["message"])
    message.ticket = event.ticket  # The instance the change left behind, already loaded.
    outbound.message_posted(message)


def status_changed(event: TicketEvent) -> None:
    old, new = str(event.data.get("from", "")), str(event.data.get("to", ""))
    outbound.status_changed(event.ticket, old, new, event.actor)


def recipients(event: TicketEvent) -> list[str]:
    """Who hears about an SLA warning or breach: the assignee, else the queue's address,
    else the client's IT manager."""
    ticket = event.ticket
    if ticket.assignee is not None and ticket.assignee.is_active:
        return [ticket.assignee.email]
    if ticket.queue is not None and ticket.queue.email:
        return [ticket.queue.email]
    if ticket.organization.it_manager is not None:
        return [ticket.organization.it_manager.email]
    return []


def sla_event(event: TicketEvent) -> None:
    """The warning or breach mail, with a NOTIFIED event in the ticket's staff history."""
    to = recipients(event)
    if not to:
        return
    clock = str(event.data.get("clock", ""))
    with translation.override("en"):
        label = str(_(CLOCK_LABELS.get(clock, clock)))
    try:
        with transaction.atomic():
            # The unique key keeps the older guarantee: one mail per SLA event, ever.
            events.record(
                event.ticket,
                EventKind.NOTIFIED,
                once_key=f"notified:{event.pk}",
                event=event.pk,
                to=to,
            )
            outbound.sla_event(event, to, label)
    except IntegrityError:
        return
    log.info("sla %s for %s queued to %s", event.kind, event.ticket.number, to)


HANDLERS = {
    EventKind.CREATED: ticket_opened,
    EventKind.MESSAGE: message_posted,
    EventKind.STATUS: status_changed,
    EventKind.SLA_WARNING: sla_event,
    EventKind.SLA_BREACHED: sla_event,
}


def connect() -> None:
    """Subscribe to the desk's events (MailConfig.ready)."""
    for kind, handler in HANDLERS.items():
        events.subscribe(kind, handler)
