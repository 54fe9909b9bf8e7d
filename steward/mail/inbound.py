"""Receiving mail: store the raw bytes first, then parse, place and thread the message.

Whatever happens after the raw bytes are stored, the message ends in a known state (a new
ticket, a reply, a bounce, ignored or quarantined with its reason); nothing is dropped.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from steward.accounts.models import Organization, Role, User
from steward.desk import actions, events
from steward.desk.models import EventKind, Message, Source, Ticket
from steward.mail import authresults
from steward.mail.models import (
    Inbound,
    InboundState,
    Mailbox,
    MailDomain,
    Outbound,
    UnknownSender,
    Via,
    directory,
)
from steward.mail.parsing import ParsedAttachment, ParsedMail, parse

log = logging.getLogger(__name__)

TICKET_IN_SUBJECT = re.compile(r"\[([A-Z][A-Z0-9]{1,11}-\d{1,10})\]")
_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


class MailTooLarge(ValueError):
    pass


@dataclass(frozen=True)
class Received:
    inbound: Inbound
    duplicate: bool


def header_message_id(raw: bytes) -> str:
    """The Message-ID, read cheaply from the header block before any parsing."""
    end = _HEADER_END.search(raw)
    head = raw[: end.start()] if end else raw[:65536]
    found = _MESSAGE_ID.search(head)
    if not found:
        return ""
    value = found.group(1).decode("ascii", "replace")
    value = re.sub(r"\s+", "", value)
    inner = re.search(r"<([^<>]+)>", value)
    return (inner.group(1) if inner else value).strip()


def key_for(message_id: str, raw: bytes) -> str:
    if message_id and len(message_id) <= 240:
        return f"mid:{message_id}"
    if message_id:
        return "midsha:" + hashlib.sha256(message_id.encode()).hexdigest()
    return "sha:" + hashlib.sha256(raw).hexdigest()


def store(raw: bytes, mailbox: Mailbox | None, via: str) -> Received:
    """Keep the message exactly as received; a Message-ID seen before is a duplicate."""
    if len(raw) > settings.MAIL_MAX_BYTES:
        raise MailTooLarge(
            f"The message is {len(raw)} bytes; the limit is {settings.MAIL_MAX_BYTES} bytes."
        )
    message_id = header_message_id(raw)
    key = key_for(message_id, raw)
    try:
        with transaction.atomic():
            inbound = Inbound.objects.create(
                key=key,
                mailbox=mailbox,
                via=via,
                raw=raw,
                size=len(raw),
                msgid=message_id[:255],
            )
    except IntegrityError:
        # Another worker stored the same message a moment ago.
        return Received(Inbound.objects.defer("raw").get(key=key), duplicate=True)
    return Received(inbound, duplicate=False)


def receive(raw: bytes, mailbox: Mailbox | None = None, via: str = Via.PIPE) -> Received:
    """Store, then process: the one entry point for IMAP, the pipe command and the API."""
    received = store(raw, mailbox, via)
    if not received.duplicate:
        process(received.inbound)
    return received


@dataclass
class Placement:
    state: str
    reason: str = ""
    organization: Organization | None = None
    ticket: Ticket | None = None
    message: Message | None = None
    data: dict[str, Any] = field(default_factory=dict)


def _quarantine(msgid: str, **params: str) -> Placement:
    """Quarantined for a reason each reader sees in their own language."""
    return Placement(
        InboundState.QUARANTINED, _(msgid) % params, data={"msgid": msgid, "params": params}
    )


def process(
    inbound: Inbound,
    organization: Organization | None = None,
    ticket: Ticket | None = None,
    actor: User | None = None,
) -> Inbound:
    """Place a stored message; a person re-processing from quarantine may name the
    organization or ticket it belongs to. Any failure quarantines it with the reason."""
    now = timezone.now()
    try:
        with transaction.atomic():
            parsed = parse(bytes(inbound.raw))
            inbound.from_address = parsed.from_address[:254]
            inbound.subject = parsed.subject[:300]
            placed = _place(inbound, parsed, organization, ticket, now)
            _save(inbound, placed, now)
    except Exception as exc:
        log.exception("mail %s could not be processed", inbound.pk)
        placed = Placement(
            InboundState.QUARANTINED,
            _("Could not be processed: %(error)s") % {"error": f"{type(exc).__name__}: {exc}"},
        )
        _save(inbound, placed, now)
    if actor is not None:
        log.info("mail %s re-processed by %s: %s", inbound.pk, actor, inbound.state)
    return inbound


def _save(inbound: Inbound, placed: Placement, now: datetime) -> None:
    inbound.state = placed.state
    inbound.reason = placed.reason
    inbound.reason_data = placed.data
    inbound.organization = placed.organization or (
        placed.ticket.organization if placed.ticket else None
    )
    inbound.ticket = placed.ticket
    inbound.message = placed.message
    inbound.processed_at = now
    inbound.save(
        update_fields=[
            "from_address",
            "subject",
            "state",
            "reason",
            "reason_data",
            "organization",
            "ticket",
            "message",
            "processed_at",
        ]
    )


def own_addresses() -> set[str]:
    addresses = {box.address.lower() for box in directory()}
    addresses.add(settings.DEFAULT_FROM_EMAIL.lower())
    return addresses


def _place(
    inbound: Inbound,
    parsed: ParsedMail,
    organization: Organization | None,
    ticket: Ticket | None,
    now: datetime,
) -> Placement:
    forced = organization is not None or ticket is not None
    if parsed.is_bounce and not forced:
        return _bounce(parsed, now)
    if parsed.automatic and not forced:
        return Placement(InboundState.IGNORED, _("Automatic message (%s).") % parsed.automatic)
    sender = parsed.from_address
    if not sender:
        if not forced:
            return Placement(InboundState.QUARANTINED, _("The message has no sender address."))
    elif sender in own_addresses() and not forced:
        return Placement(
            InboundState.IGNORED, _("Sent from one of our own addresses: a mail loop.")
        )
    if not forced and _over_rate_limit(inbound, sender, now):
        return Placement(
            InboundState.QUARANTINED,
            _("More than %(n)d messages from %(sender)s within %(minutes)d minutes.")
            % {
                "n": settings.MAIL_RATE_LIMIT,
                "sender": sender,
                "minutes": settings.MAIL_RATE_WINDOW_MINUTES,
            },
        )
    user = (
        User.objects.select_related("organization__calendar")
        .filter(email=sender, is_active=True)
        .first()
        if sender
        else None
    )
    if user is not None and user.is_provider and not forced:
        unverified = _unverified_staff(parsed, sender, inbound.mailbox)
        if unverified is not None:
            return unverified
    if ticket is None:
        ticket, refusal = _thread(parsed, sender, user)
        if refusal:
            return Placement(InboundState.QUARANTINED, refusal)
    if ticket is not None:
        return _reply(ticket, parsed, sender, user, now)
    return _new_ticket(inbound, parsed, sender, user, organization, now)


def _unverified_staff(parsed: ParsedMail, sender: str, mailbox: Mailbox | None) -> Placement | None:
    """A From header costs a forger nothing: mail from a staff address counts as staff only
    when the receiving server verified its domain, or the mailbox trusts its relay."""
    if mailbox is not None and mailbox.trust_relay:
        return None
    server = mailbox.authserv_id.strip() if mailbox is not None else ""
    if not server:
        return _quarantine(
            gettext_noop(
                "From a staff address, but this mailbox names no receiving server "
                "(authserv-id) to vouch for it: it may be forged."
            )
        )
    domain = sender.rpartition("@")[2]
    verdict = authresults.verdict(parsed.auth_results, domain, server)
    if not verdict.found:
        return _quarantine(
            gettext_noop(
                "From a staff address, but %(server)s added no Authentication-Results: "
                "it may be forged."
            ),
            server=server,
        )
    if not verdict.passed or parsed.from_headers != 1:
        # Two From headers: the checks may have looked at the other one.
        results = (
            verdict.summary if parsed.from_headers == 1 else f"{parsed.from_headers} From headers"
        )
        return _quarantine(
            gettext_noop(
                "From a staff address, but %(server)s did not verify %(domain)s "
                "(%(results)s): it may be forged."
            ),
            server=server,
            domain=domain,
            results=results,
        )
    return None


def _over_rate_limit(inbound: Inbound, sender: str, now: datetime) -> bool:
    if not sender:
        return False
    since = now - timedelta(minutes=settings.MAIL_RATE_WINDOW_MINUTES)
    recent = (
        Inbound.objects.from_sender_since(sender, since)
        .exclude(pk=inbound.pk)
        .exclude(state=InboundState.IGNORED)
    )
    return recent.count() >= settings.MAIL_RATE_LIMIT


def _bounce(parsed: ParsedMail, now: datetime) -> Placement:
    original = (
        Outbound.objects.filter(msgid__in=parsed.bounced_ids)
        .select_related("ticket__organization")
        .first()
        if parsed.bounced_ids
        else None
    )
    if original is None or original.ticket is None:
        return Placement(
            InboundState.QUARANTINED,
            _("A delivery failure report for a message this system did not send."),
        )
    detail = parsed.bounce_detail or parsed.subject
    original.bounced = detail[:2000]
    original.save(update_fields=["bounced"])
    events.record(
        original.ticket,
        EventKind.MAIL_BOUNCED,
        at=now,
        to=original.to,
        subject=original.subject,
        detail=detail[:500],
    )
    return Placement(InboundState.BOUNCE, detail[:500], ticket=original.ticket)


# What posting a reply reads next: loaded with the ticket in one query.
_TICKET_RELATED = ("organization__calendar", "sla_policy__calendar", "requester")


def _thread(parsed: ParsedMail, sender: str, user: User | None) -> tuple[Ticket | None, str]:
    """The ticket this message continues, or None for a new one; or a reason to refuse."""
    ids = [*parsed.in_reply_to, *reversed(parsed.references)]
    if ids:
        ticket_id = (
            Outbound.objects.filter(msgid__in=ids, ticket__isnull=False)
            .values_list("ticket_id", flat=True)
            .first()
        ) or (
            Inbound.objects.filter(msgid__in=ids, ticket__isnull=False)
            .values_list("ticket_id", flat=True)
            .first()
        )
        if ticket_id is not None:
            replied = Ticket.objects.select_related(*_TICKET_RELATED).get(pk=ticket_id)
            return replied, _refusal(replied, sender, user, by_number=False)
    found = TICKET_IN_SUBJECT.search(parsed.subject)
    if found:
        named = Ticket.objects.select_related(*_TICKET_RELATED).filter(number=found[1]).first()
        if named is not None:
            return named, _refusal(named, sender, user, by_number=True)
    return None, ""


def _refusal(ticket: Ticket, sender: str, user: User | None, by_number: bool) -> str:
    """Why this sender may not add to this ticket, or "" when they may."""
    if user is not None and user.is_provider:
        if Ticket.objects.visible_to(user).filter(pk=ticket.pk).exists():
            return ""
        return _("%(sender)s is provider staff without access to %(number)s.") % {
            "sender": sender,
            "number": ticket.number,
        }
    if user is not None and user.organization_id not in (None, ticket.organization_id):
        return _("%(sender)s belongs to another organization than %(number)s.") % {
            "sender": sender,
            "number": ticket.number,
        }
    if not by_number:
        # A reply to one of our own Message-IDs: the sender was in the conversation.
        return ""
    known = (
        (user is not None and user.organization_id == ticket.organization_id)
        or sender == ticket.requester_email.lower()
        or _domain_org_id(sender) == ticket.organization_id
    )
    if known:
        return ""
    return _("%(sender)s wrote about %(number)s but is not a contact of its organization.") % {
        "sender": sender,
        "number": ticket.number,
    }


def _domain_org_id(address: str) -> int | None:
    domain = address.rpartition("@")[2]
    if not domain:
        return None
    return (
        MailDomain.objects.filter(domain=domain).values_list("organization_id", flat=True).first()
    )


def _reply(
    ticket: Ticket, parsed: ParsedMail, sender: str, user: User | None, now: datetime
) -> Placement:
    files, notes = _uploads(parsed.attachments)
    body = "\n\n".join(part for part in [parsed.reply.strip(), *notes] if part) or _(
        "(The email had no text.)"
    )
    message = actions.post_message(
        ticket,
        user,
        body,
        public=True,
        source=Source.EMAIL,
        author_email=sender,
        at=now,
        files=files,
        answers="quote" if _answers_quote(ticket, parsed) else "",
    )
    return Placement(InboundState.REPLY, ticket=ticket, message=message)


def _answers_quote(ticket: Ticket, parsed: ParsedMail) -> bool:
    """Whether this replies to the ticket's quote email: billing, told so on the message's
    event, lets a client admin's APPROVE or DECLINE there decide the quote (and an answer to
    any other mail of the ticket decide nothing)."""
    answered = [*parsed.in_reply_to, *parsed.references]
    if not answered:
        return False
    return Outbound.objects.filter(ticket=ticket, kind="quote", msgid__in=answered).exists()


def _copied_contacts(org: Organization, addresses: list[str], sender: str) -> list[User]:
    """The organization's own contacts the sender copied: they follow the ticket in the portal
    (a colleague's request is otherwise private)."""
    emails = {a.lower() for a in addresses} - {sender.lower()}
    if not emails:
        return []
    return list(
        User.objects.filter(
            organization=org,
            email__in=emails,
            is_active=True,
            role__in=[Role.CLIENT_USER, Role.CLIENT_ADMIN],
        )
    )


def _new_ticket(
    inbound: Inbound,
    parsed: ParsedMail,
    sender: str,
    user: User | None,
    organization: Organization | None,
    now: datetime,
) -> Placement:
    mailbox = inbound.mailbox
    org, contact, refusal = _organization_for(sender, user, mailbox, organization)
    if org is None:
        return Placement(InboundState.QUARANTINED, refusal)
    files, notes = _uploads(parsed.attachments)
    text = "\n\n".join(part for part in [parsed.text.strip(), *notes] if part)
    ticket = actions.open_ticket(
        actions.NewTicket(
            organization=org,
            title=(parsed.subject or _("(no subject)"))[:200],
            description=text,
            source=Source.EMAIL,
            requester=contact,
            requester_email=sender,
            queue=mailbox.queue if mailbox else None,
            cc=_copied_contacts(org, parsed.cc, sender),
        ),
        contact,
        at=now,
    )
    message = None
    if files:
        message = actions.post_message(
            ticket,
            contact,
            _("Attachments sent with the email."),
            source=Source.EMAIL,
            author_email=sender,
            at=now,
            files=files,
        )
    return Placement(InboundState.NEW_TICKET, organization=org, ticket=ticket, message=message)


def _organization_for(
    sender: str, user: User | None, mailbox: Mailbox | None, chosen: Organization | None
) -> tuple[Organization | None, User | None, str]:
    """(organization, requester contact, reason when there is no organization)."""
    if chosen is not None:
        contact = user if user is not None and user.organization_id == chosen.pk else None
        return chosen, contact, ""
    if user is not None and user.is_provider:
        return (
            None,
            None,
            _("Sent by provider staff (%s) without a ticket to add it to.") % sender,
        )
    if user is not None and user.organization is not None:
        return user.organization, user, ""
    domain_org = _domain_org_id(sender)
    if domain_org is not None:
        return Organization.objects.get(pk=domain_org), None, ""
    if mailbox is None or mailbox.organization is None:
        return None, None, _("Unknown sender %s and no organization to file it under.") % sender
    if mailbox.unknown_sender == UnknownSender.CREATE_CONTACT:
        contact = User.objects.create_user(
            email=sender,
            role=Role.CLIENT_USER,
            organization=mailbox.organization,
        )
        return mailbox.organization, contact, ""
    return (
        None,
        None,
        _("Unknown sender %(sender)s; %(mailbox)s quarantines unknown senders.")
        % {"sender": sender, "mailbox": mailbox.address},
    )


class _MailFile(ContentFile):  # type: ignore[type-arg]
    def __init__(self, attachment: ParsedAttachment) -> None:
        super().__init__(attachment.data, name=attachment.name)
        self.content_type = attachment.content_type


def _uploads(attachments: list[ParsedAttachment]) -> tuple[list[Any], list[str]]:
    """The attachments the desk accepts, and a note for each one it does not: those stay in
    the original email, which is kept and downloadable."""
    files: list[Any] = []
    notes: list[str] = []
    for attachment in attachments:
        upload = _MailFile(attachment)
        try:
            actions.check_attachment(upload)
        except actions.TicketError as exc:
            notes.append(
                _("[%(name)s was not attached: %(reason)s It is kept in the original email.]")
                % {"name": attachment.name, "reason": str(exc)}
            )
            continue
        files.append(upload)
    return files, notes
