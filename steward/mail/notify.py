"""What the desk's events mean for mail: each kind that concerns someone becomes outbox rows,
written in the transaction that recorded the event (steward.desk.events hands each event
over once). A new kind of mail is a function here and a line in HANDLERS."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from steward.contracts.models import Agreement
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


def check_event(event: TicketEvent) -> None:
    """A check's outage began (its ticket opened or reopened) or ended: monitoring records
    the event on the desk's ticket, with the client admins who asked to hear (`notify`).
    A further failure while down adds to the ticket's story without a mail."""
    if event.kind == EventKind.ALERT and not (
        event.data.get("opened") or event.data.get("reopened")
    ):
        return
    clients = [str(a) for a in event.data.get("notify") or []]
    outbound.check_event(event, recipients(event), clients)


def _decimal(value: object) -> Decimal | None:
    # Back to the number billing recorded as a string, so the mail shows it as before (in
    # the reader's locale) and a zero stays false in the template.
    return None if value is None else Decimal(str(value))


def quote_requested(event: TicketEvent) -> None:
    """Ask the client's administrators to approve the quote billing recorded."""
    data = event.data
    quote = {
        "description": data.get("description", ""),
        "hours": _decimal(data.get("hours")),
        "fixed_price": _decimal(data.get("fixed_price")),
        "rate": _decimal(data.get("rate")),
        "price": _decimal(data.get("price")),
        # Quotes asked before the price was recorded: the agreement's currency, as they said.
        "currency": data.get("currency")
        or (event.ticket.agreement.currency if event.ticket.agreement else "EUR"),
    }
    outbound.quote_requested(event.ticket, quote)


def block_hours(event: TicketEvent) -> None:
    """Tell the client's administrators their block of hours is 80% or fully used."""
    data = event.data
    agreement = Agreement.objects.select_related("organization").get(pk=data["agreement"])
    outbound.block_hours(
        agreement,
        Decimal(str(data["used"])),
        Decimal(str(data["available"])),
        int(str(data["threshold"])),
    )


HANDLERS = {
    EventKind.CREATED: ticket_opened,
    EventKind.MESSAGE: message_posted,
    EventKind.STATUS: status_changed,
    EventKind.SLA_WARNING: sla_event,
    EventKind.SLA_BREACHED: sla_event,
    # Billing's events (billing and mail are siblings: neither calls the other).
    EventKind.QUOTE_REQUESTED: quote_requested,
    EventKind.BLOCK_HOURS: block_hours,
    # Monitoring's (above mail): a check's outage and its recovery.
    EventKind.ALERT: check_event,
    EventKind.RECOVERED: check_event,
}


def connect() -> None:
    """Subscribe to the desk's events (MailConfig.ready)."""
    for kind, handler in HANDLERS.items():
        events.subscribe(kind, handler)
