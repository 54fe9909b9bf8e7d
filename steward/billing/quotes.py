"""Quotes: out-of-scope work the client's administrators approve before it is billed."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Role, User
from steward.billing.models import Quote, QuoteState
from steward.desk.models import Ticket
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
        raise DomainError("Only provider staff write quotes.", "description", forbidden=True)
    if (hours_estimate is None) == (fixed_price is None):
        raise DomainError("Give either an estimate of hours or a fixed price.", "hours")
    if not description.strip():
        raise DomainError("description: say what the work is.", "description")
    # billing and mail are siblings: this call is one of those the notification events
    # will replace (docs/decisions.md).
    from steward.mail import outbound

    with transaction.atomic():
        quote = Quote.objects.create(
            ticket=ticket,
            description=description.strip(),
            hours=hours_estimate,
            fixed_price=money(fixed_price) if fixed_price is not None else None,
            created_by=by,
        )
        outbound.quote_requested(quote)
    return quote


def decide_quote(quote: Quote, by: User, approve: bool, note: str = "") -> Quote:
    """A client admin of the ticket's organization approves or declines, once."""
    if by.role != Role.CLIENT_ADMIN or by.organization_id != quote.ticket.organization_id:
        raise DomainError(
            "Only the client's administrators approve quotes.", "approve", forbidden=True
        )
    if quote.state != QuoteState.PENDING:
        raise DomainError(f"This quote was already {quote.state}.", "approve")
    quote.state = QuoteState.APPROVED if approve else QuoteState.DECLINED
    quote.decided_by = by
    quote.decided_at = timezone.now()
    quote.decision_note = note.strip()[:500]
    quote.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    return quote


def approved_quote(ticket: Ticket) -> Quote:
    """Billable time out of scope bills against the client's latest approved quote."""
    quote = ticket.quotes.approved().order_by("-decided_at").first()
    if quote is None:
        raise DomainError(
            "This ticket is out of scope: billable time needs a quote the client approved.",
            "billable",
        )
    return quote
