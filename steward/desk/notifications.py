"""Telling staff about SLA warnings and breaches, at most once per event."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
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
    """Send the warning or breach mail once; a NOTIFIED event with a unique key guards it."""
    event = TicketEvent.objects.select_related(
        "ticket", "ticket__assignee", "ticket__queue", "ticket__organization__it_manager"
    ).get(pk=event_id)
    to = recipients(event)
    if not to:
        return False
    try:
        with transaction.atomic():
            TicketEvent.objects.create(
                ticket=event.ticket,
                kind=EventKind.NOTIFIED,
                once_key=f"notified:{event.pk}",
                data={"event": event.pk, "to": to},
            )
    except IntegrityError:
        return False
    ticket = event.ticket
    clock = str(event.data.get("clock", ""))
    with translation.override("en"):
        what = _("breached") if event.kind == EventKind.SLA_BREACHED else _("warning")
        subject = f"[{ticket.number}] SLA {what}: {_(CLOCK_LABELS.get(clock, clock))}"
        body = _("%(number)s %(title)s\n%(clock)s due %(due)s.\n%(url)s") % {
            "number": ticket.number,
            "title": ticket.title,
            "clock": _(CLOCK_LABELS.get(clock, clock)),
            "due": event.data.get("due", ""),
            "url": settings.SITE_URL + ticket.get_absolute_url(),
        }
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to).send()
    log.info("sla %s for %s sent to %s", event.kind, ticket.number, to)
    return True
