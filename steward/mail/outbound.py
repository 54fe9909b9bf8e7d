"""Sending mail: notifications are written to the outbox in the same transaction as the
change they announce, and the worker drains the outbox with retries and back-off."""

from __future__ import annotations

import logging
import time
import uuid
import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal
from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Provider, Role, User
from steward.contracts.models import Agreement
from steward.desk.models import Message, Status, Ticket, TicketEvent
from steward.lib.formats import format_datetime
from steward.mail.models import (
    MAX_ATTEMPTS,
    Inbound,
    Outbound,
    OutboundState,
    backoff,
    directory,
)

log = logging.getLogger(__name__)

# Status changes the requester hears about (NEW -> OPEN is announced by the first reply).
_ANNOUNCED = {Status.WAITING_ON_CLIENT, Status.RESOLVED, Status.CLOSED}


def sender_for(org: Organization | None) -> tuple[str, str]:
    """(From, Reply-To): the organization's own mailbox, else the provider's, else the
    configured default address."""
    boxes = [box for box in directory() if box.enabled]
    own = [b for b in boxes if org is not None and b.organization_id == org.pk]
    shared = [b for b in boxes if b.organization_id is None]
    candidates = own or shared
    if not candidates:
        return settings.DEFAULT_FROM_EMAIL, ""
    box = candidates[0]
    return formataddr((f"{settings.SITE_NAME} – {box.name}", box.address)), box.address


def new_msgid(ticket: Ticket | None) -> str:
    tag = ticket.number if ticket is not None else "steward"
    return f"{tag}.{uuid.uuid4().hex}@{settings.MAIL_DOMAIN}"


def queue(
    kind: str,
    to: list[str],
    template: str,
    context: dict[str, Any],
    subject: str,
    language: str,
    tz: str,
    ticket: Ticket | None = None,
    organization: Organization | None = None,
    automatic: bool = True,
) -> Outbound:
    """Render a text and an HTML body in the recipient's language and time zone and put
    the message in the outbox; it leaves when the surrounding transaction commits."""
    org = organization or (ticket.organization if ticket else None)
    from_header, reply_to = sender_for(org)
    provider = Provider.current()
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(tz)):
        context = {
            **context,
            "site_name": settings.SITE_NAME,
            "language": language,
            "provider": provider,
        }
        body = render_to_string(f"mail/email/{template}.txt", context).rstrip("\n")
        text = body + "\n\n" + render_to_string("mail/email/_signature.txt", context)
        html = render_to_string(f"mail/email/{template}.html", context)
    outbound = Outbound.objects.create(
        kind=kind,
        organization=org,
        ticket=ticket,
        to=to,
        from_header=from_header,
        reply_to=reply_to,
        subject=subject[:300],
        text=text,
        html=html,
        language=language,
        msgid=new_msgid(ticket),
        automatic=automatic,
    )
    transaction.on_commit(_wake_drain)
    return outbound


_last_wake = 0.0


def _wake_drain() -> None:
    # The scheduler drains the outbox every few seconds anyway; this only shortens the wait,
    # at most once a second per process so that a burst of mail queues one drain, not many.
    global _last_wake
    from steward.mail.tasks import drain_outbox_task  # a cycle: mail.tasks imports this module

    now = time.monotonic()
    if now - _last_wake < 1.0:
        return
    _last_wake = now
    try:
        drain_outbox_task.enqueue()
    except Exception:
        log.exception("could not enqueue the outbox drain; the scheduler will run it")


def _recipient(ticket: Ticket) -> tuple[str, str, str] | None:
    """(address, language, time zone) of the person who asked, if they have an address."""
    address = ticket.requester_email
    if not address:
        return None
    person = ticket.requester
    if person is not None and person.email.lower() == address.lower():
        return address, person.preferred_language(), person.preferred_timezone()
    return address, ticket.organization.language, ticket.organization.timezone


def _portal_url(ticket: Ticket) -> str:
    return settings.SITE_URL + reverse("portal:ticket", args=[ticket.number])


def _subject(ticket: Ticket, what: str) -> str:
    return f"[{ticket.number}] {what}{ticket.title}"


# Mail about the desk's events (steward.mail.notify), inside the transaction of the change.


def ticket_opened(ticket: Ticket, actor: User | None) -> Outbound | None:
    """The acknowledgement, with the targets the contract promises, in the client's terms."""
    person = _recipient(ticket)
    if person is None:
        return None
    address, language, tz = person
    targets = [
        (label, due)
        for label, due in (
            ("first_response", ticket.first_response_due),
            ("resolution", ticket.resolution_due),
        )
        if due is not None
    ]
    with translation.override(language):
        subject = _subject(ticket, _("Received: "))
    return queue(
        "acknowledgement",
        [address],
        "acknowledgement",
        {"ticket": ticket, "targets": targets, "url": _portal_url(ticket), "tz": tz},
        subject,
        language,
        tz,
        ticket=ticket,
    )


def message_posted(message: Message) -> Outbound | None:
    """A public reply from the provider goes to the person who asked."""
    if not (message.public and message.by_staff):
        return None
    ticket = message.ticket
    person = _recipient(ticket)
    if person is None:
        return None
    address, language, tz = person
    with translation.override(language):
        subject = "Re: " + _subject(ticket, "")
    return queue(
        "reply",
        [address],
        "reply",
        {"ticket": ticket, "message": message, "url": _portal_url(ticket)},
        subject,
        language,
        tz,
        ticket=ticket,
        automatic=False,
    )


def status_changed(ticket: Ticket, old: str, new: str, actor: User | None) -> Outbound | None:
    if new not in _ANNOUNCED or old == new:
        return None
    person = _recipient(ticket)
    if person is None:
        return None
    address, language, tz = person
    if actor is not None and actor.email.lower() == address.lower():
        return None  # They did it themselves.
    with translation.override(language):
        what = {
            Status.WAITING_ON_CLIENT: _("Waiting for your answer: "),
            Status.RESOLVED: _("Resolved: "),
            Status.CLOSED: _("Closed: "),
        }[Status(new)]
        subject = _subject(ticket, what)
    return queue(
        f"status_{new}",
        [address],
        "status",
        {"ticket": ticket, "status": new, "url": _portal_url(ticket)},
        subject,
        language,
        tz,
        ticket=ticket,
    )


def _due(value: str | None) -> str:
    return format_datetime(datetime.fromisoformat(value), tz="UTC") + " UTC" if value else ""


def sla_event(event: TicketEvent, to: list[str], clock_label: str) -> Outbound:
    """A warning or breach, to staff, in English (staff mails are not yet per person)."""
    ticket = event.ticket
    with translation.override("en"):
        what = _("SLA breached") if event.kind == "sla_breached" else _("SLA warning")
        subject = f"[{ticket.number}] {what}: {clock_label}"
    return queue(
        event.kind,
        to,
        "sla",
        {
            "ticket": ticket,
            "event": event,
            "what": what,
            "clock": clock_label,
            "due": _due(event.data.get("due")),
            "url": settings.SITE_URL + ticket.get_absolute_url(),
        },
        subject,
        "en",
        "UTC",
        ticket=ticket,
    )


def check_event(event: TicketEvent, staff: list[str], clients: list[str]) -> list[Outbound]:
    """A check went down (its ticket opened or reopened) or came back: to the staff who hear
    of the ticket, in English as SLA mail is, and to the client admins who asked, each in
    their own language and zone, with the portal's link."""
    ticket = event.ticket
    recovered = event.kind == "recovered"
    sent = []
    people = [(address, None) for address in staff] + [
        (p.email, p)
        for p in User.objects.filter(
            email__in=clients, organization=ticket.organization, is_active=True
        )
    ]
    for address, person in people:
        language = person.preferred_language() if person else "en"
        tz = person.preferred_timezone() if person else "UTC"
        with translation.override(language):
            what = _("Recovered") if recovered else _("Down")
            subject = _subject(ticket, f"{what}: ")
        url = _portal_url(ticket) if person else settings.SITE_URL + ticket.get_absolute_url()
        sent.append(
            queue(
                f"check_{event.kind}",
                [address],
                "check",
                {
                    "ticket": ticket,
                    "recovered": recovered,
                    "what": what,
                    "reason": str(event.data.get("reason", "")),
                    "at": event.at,
                    "url": url,
                },
                subject,
                language,
                tz,
                ticket=ticket,
            )
        )
    return sent


def _client_admins(org: Organization) -> list[User]:
    return list(User.objects.filter(organization=org, role=Role.CLIENT_ADMIN, is_active=True))


def block_hours(
    agreement: Agreement, used: Decimal, available: Decimal, threshold: int
) -> list[Outbound]:
    """Tell the client's administrators their block of hours is 80% or fully used."""
    org = agreement.organization
    sent = []
    for person in _client_admins(org):
        language, tz = person.preferred_language(), person.preferred_timezone()
        with translation.override(language):
            subject = _("%(percent)d%% of your support hours used: %(agreement)s") % {
                "percent": threshold,
                "agreement": agreement.name,
            }
        sent.append(
            queue(
                f"block_{threshold}",
                [person.email],
                "block",
                {
                    "agreement": agreement,
                    "used": used,
                    "available": available,
                    "threshold": threshold,
                    "url": settings.SITE_URL + reverse("billing_portal:agreements"),
                },
                subject,
                language,
                tz,
                organization=org,
            )
        )
    return sent


def quote_requested(ticket: Ticket, quote: dict[str, Any]) -> list[Outbound]:
    """Ask the client's administrators to approve or decline out-of-scope work (`quote`:
    its description, and its hours or fixed price)."""
    sent = []
    for person in _client_admins(ticket.organization):
        language, tz = person.preferred_language(), person.preferred_timezone()
        with translation.override(language):
            subject = _subject(ticket, _("Approval needed: "))
        sent.append(
            queue(
                "quote",
                [person.email],
                "quote",
                {"ticket": ticket, "quote": quote, "url": _portal_url(ticket)},
                subject,
                language,
                tz,
                ticket=ticket,
            )
        )
    return sent


# The worker's side.


def thread_headers(outbound: Outbound) -> tuple[str, list[str]]:
    """(In-Reply-To, References) from the ticket's mail so far, so that the client's mail
    program shows one conversation. Read at send time, when every earlier message is known."""
    if outbound.ticket_id is None:
        return "", []
    earlier: list[tuple[datetime, str]] = [
        (at, mid)
        for at, mid in Inbound.objects.filter(
            ticket_id=outbound.ticket_id, received_at__lte=outbound.created_at
        )
        .exclude(msgid="")
        .values_list("received_at", "msgid")
    ]
    earlier += list(
        Outbound.objects.filter(ticket_id=outbound.ticket_id, created_at__lt=outbound.created_at)
        .exclude(state=OutboundState.FAILED)
        .values_list("created_at", "msgid")
    )
    earlier.sort()
    ids = [mid for _at, mid in earlier][-20:]
    return (ids[-1] if ids else ""), ids


def build(outbound: Outbound) -> EmailMultiAlternatives:
    in_reply_to, references = thread_headers(outbound)
    headers = {"Message-ID": f"<{outbound.msgid}>"}
    if outbound.ticket_id is not None:
        headers["X-Steward-Ticket"] = outbound.ticket.number if outbound.ticket else ""
    if in_reply_to:
        headers["In-Reply-To"] = f"<{in_reply_to}>"
        headers["References"] = " ".join(f"<{mid}>" for mid in references)
    if outbound.automatic:
        # RFC 3834: tells auto-responders not to answer, which breaks mail loops.
        headers["Auto-Submitted"] = "auto-generated"
    mail = EmailMultiAlternatives(
        outbound.subject,
        outbound.text,
        outbound.from_header,
        outbound.to,
        reply_to=[outbound.reply_to] if outbound.reply_to else None,
        headers=headers,
    )
    if outbound.html:
        mail.attach_alternative(outbound.html, "text/html")
    return mail


def drain(now: datetime | None = None, limit: int = 100) -> dict[str, int]:
    """Send what is due. A row is claimed with a conditional UPDATE, so any number of
    workers may drain at once; a failure is retried later, and given up on only after
    MAX_ATTEMPTS, staying visible in the outbox page either way."""
    now = now or timezone.now()
    # A worker that died mid-send leaves rows in SENDING: after 10 minutes they are due again.
    Outbound.objects.filter(
        state=OutboundState.SENDING, claimed_at__lt=now - timedelta(minutes=10)
    ).update(state=OutboundState.PENDING)
    counts = {"sent": 0, "retry": 0, "failed": 0}
    due = list(
        Outbound.objects.due(now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in due:
        claimed = Outbound.objects.filter(pk=pk, state=OutboundState.PENDING).update(
            state=OutboundState.SENDING, claimed_at=now
        )
        if claimed != 1:
            continue
        outbound = Outbound.objects.select_related("ticket").get(pk=pk)
        counts[send_one(outbound, now)] += 1
    return counts


def send_one(outbound: Outbound, now: datetime) -> str:
    try:
        build(outbound).send()
    except Exception as exc:
        outbound.attempts += 1
        outbound.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if outbound.attempts >= MAX_ATTEMPTS:
            outbound.state = OutboundState.FAILED
            result = "failed"
        else:
            outbound.state = OutboundState.PENDING
            outbound.next_attempt_at = now + backoff(outbound.attempts)
            result = "retry"
        log.warning("mail %s to %s: %s", outbound.pk, outbound.to, outbound.last_error)
    else:
        outbound.attempts += 1
        outbound.state = OutboundState.SENT
        outbound.sent_at = now
        outbound.last_error = ""
        result = "sent"
    outbound.save(update_fields=["attempts", "last_error", "state", "next_attempt_at", "sent_at"])
    return result


def retry(outbound: Outbound, now: datetime | None = None) -> Outbound:
    """Send again as soon as the worker comes round (a person asked for it)."""
    if outbound.state in (OutboundState.PENDING, OutboundState.FAILED):
        outbound.state = OutboundState.PENDING
        outbound.next_attempt_at = now or timezone.now()
        if outbound.attempts >= MAX_ATTEMPTS:
            outbound.attempts = MAX_ATTEMPTS - 1
        outbound.save(update_fields=["state", "next_attempt_at", "attempts"])
    return outbound
