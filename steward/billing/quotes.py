"""Quotes: out-of-scope work the client's administrators approve before it is billed."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import Role, User
from steward.billing.models import Quote, QuoteState
from steward.desk import events
from steward.desk.models import EventKind, Message, Ticket, TicketEvent
from steward.lib.errors import DomainError
from steward.lib.money import money


def request_quote(
    ticket: Ticket,
    by: User,
    description: str,
    hours_estimate: Decimal | None = None,
    fixed_price: Decimal | None = None,
) -> Quote:
    if not by.is_provider:
        raise DomainError(_("Only provider staff write quotes."), "description", forbidden=True)
    if (hours_estimate is None) == (fixed_price is None):
        raise DomainError(_("Give either an estimate of hours or a fixed price."), "hours")
    if not description.strip():
        raise DomainError(_("description: say what the work is."), "description")
    with transaction.atomic():
        quote = Quote.objects.create(
            ticket=ticket,
            description=description.strip(),
            hours=hours_estimate,
            fixed_price=money(fixed_price) if fixed_price is not None else None,
            created_by=by,
        )
        # What the client's administrators are asked (mail announces the kind; it may not
        # read billing's rows): the quote as it was asked, in strings that keep every digit.
        events.record(
            ticket,
            EventKind.QUOTE_REQUESTED,
            by,
            quote=quote.pk,
            description=quote.description,
            hours=None if quote.hours is None else str(quote.hours),
            fixed_price=None if quote.fixed_price is None else str(quote.fixed_price),
            rate=None if quote.rate is None else str(quote.rate),
            price=None if quote.price is None else str(quote.price),
            currency=quote.currency,
        )
    return quote


def decide_quote(quote: Quote, by: User, approve: bool, note: str = "") -> Quote:
    """A client admin of the ticket's organization approves or declines, once."""
    if by.role != Role.CLIENT_ADMIN or by.organization_id != quote.ticket.organization_id:
        raise DomainError(
            _("Only the client's administrators approve quotes."), "approve", forbidden=True
        )
    if quote.state != QuoteState.PENDING:
        raise DomainError(
            _("This quote was already decided: %(state)s.") % {"state": quote.get_state_display()},
            "approve",
        )
    quote.state = QuoteState.APPROVED if approve else QuoteState.DECLINED
    quote.decided_by = by
    quote.decided_at = timezone.now()
    quote.decision_note = note.strip()[:500]
    quote.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    return quote


# The words that decide a quote by email, on the first line of the reply (the quote mail asks
# for APPROVE or DECLINE; a client may answer in their language).
_APPROVE = ("APPROVE", "APPROVED", "同意", "批准", "ΕΓΚΡΙΝΩ", "ΕΓΚΡΙΣΗ")
_DECLINE = ("DECLINE", "DECLINED", "拒绝", "不同意", "ΑΠΟΡΡΙΠΤΩ", "ΑΠΟΡΡΙΨΗ")


def decide_by_reply(event: TicketEvent) -> None:
    """A client admin answering the quote's own email with APPROVE or DECLINE on the first
    line decides the ticket's latest pending quote; an answer to any other mail of the
    ticket decides nothing. Mail says which messages answer the quote's email (`answers`);
    this runs in the transaction that posts the message."""
    if event.data.get("answers") != "quote":
        return
    user = event.actor
    if user is None or user.role != Role.CLIENT_ADMIN:
        return
    body = Message.objects.values_list("body", flat=True).get(pk=event.data["message"])
    first = (body.strip().splitlines() or [""])[0].strip().strip(".!").upper()
    approve = first in _APPROVE
    if not approve and first not in _DECLINE:
        return
    quote = event.ticket.quotes.filter(state=QuoteState.PENDING).order_by("-created_at").first()
    if quote is not None:
        decide_quote(quote, user, approve, note="By email.")


def connect() -> None:
    """Subscribe to the desk's events (BillingConfig.ready)."""
    events.subscribe(EventKind.MESSAGE, decide_by_reply)


def approved_quote(ticket: Ticket) -> Quote:
    """Billable time out of scope bills against the client's latest approved quote."""
    quote = ticket.quotes.approved().order_by("-decided_at").first()
    if quote is None:
        raise DomainError(
            _("This ticket is out of scope: billable time needs a quote the client approved."),
            "billable",
        )
    return quote
