"""API for the scope register, quotes, time entries and invoices: work on tickets and its bill."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from steward.billing import documents, invoices, quotes, scope, time
from steward.billing.models import Invoice, Quote, ScopeDecision, TimeEntry
from steward.contracts.models import Agreement
from steward.desk.models import Ticket
from steward.lib.api import (
    ApiError,
    Id,
    api_user,
    get_for_write,
    get_visible,
    not_found,
    paginate,
    require,
)

router = Router(tags=["Agreements"])

Amount = Field(None, ge=0, max_digits=12, decimal_places=2)


class ScopeIn(Schema):
    in_scope: bool
    reason: str = Field(..., min_length=1, max_length=500)


class QuoteIn(Schema):
    description: str = Field(..., min_length=1, max_length=5000)
    hours: Decimal | None = Field(None, gt=0, le=10_000, decimal_places=2)
    fixed_price: Decimal | None = Amount


class DecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=500)


class TimeIn(Schema):
    ticket: Id
    minutes: int = Field(..., ge=1, le=1440)
    description: str = Field(..., min_length=1, max_length=500)
    started_at: datetime | None = None
    billable: bool = True


class TimePatch(Schema):
    minutes: int | None = Field(None, ge=1, le=1440)
    description: str | None = Field(None, min_length=1, max_length=500)
    billable: bool | None = None


class TimerIn(Schema):
    ticket: Id
    description: str = Field("", max_length=500)


class InvoiceIn(Schema):
    agreement: Id
    month: date


class CreditIn(Schema):
    reason: str = Field(..., min_length=1, max_length=300)


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    qs = Ticket.objects.select_related("organization", "agreement__sla_policy__calendar", "service")
    return get_visible(qs, api_user(request), "ticket", pk=ticket_id)


# Scope and quotes


def _scope_out(ticket: Ticket) -> dict[str, Any]:
    found = scope.scope_of(ticket)
    return {
        "ticket": ticket.pk,
        "in_scope": found.in_scope,
        "reason": found.reason,
        "decided_by": str(found.decided_by) if found.decided_by else None,
        "history": [
            {
                "in_scope": d.in_scope,
                "reason": d.reason,
                "decided_by": str(d.decided_by) if d.decided_by else None,
                "decided_at": d.decided_at.isoformat(),
            }
            for d in ticket.scope.select_related("decided_by")
        ],
    }


@router.get("/tickets/{ticket_id}/scope", response=dict[str, Any])
def get_scope(request: HttpRequest, ticket_id: int) -> dict[str, Any]:
    ticket = _ticket(request, ticket_id)
    if not ScopeDecision.objects.readable_by(api_user(request)):
        # The ticket's own, but not for this role: as absent as the portal shows it.
        raise not_found("scope register for this ticket")
    return _scope_out(ticket)


@router.post("/tickets/{ticket_id}/scope", response={201: dict[str, Any]})
def decide_scope(request: HttpRequest, ticket_id: int, payload: ScopeIn) -> Status[dict[str, Any]]:
    ticket = _ticket(request, ticket_id)
    scope.decide_scope(ticket, payload.in_scope, payload.reason, api_user(request))
    return Status(201, _scope_out(ticket))


def quote_out(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.pk,
        "ticket": quote.ticket_id,
        "description": quote.description,
        "hours": str(quote.hours) if quote.hours is not None else None,
        "fixed_price": str(quote.fixed_price) if quote.fixed_price is not None else None,
        "state": quote.state,
        "created_at": quote.created_at.isoformat(),
        "decided_by": str(quote.decided_by) if quote.decided_by else None,
        "decided_at": quote.decided_at.isoformat() if quote.decided_at else None,
        "decision_note": quote.decision_note,
    }


@router.get("/tickets/{ticket_id}/quotes", response=dict[str, Any])
def list_quotes(request: HttpRequest, ticket_id: int) -> dict[str, Any]:
    ticket = _ticket(request, ticket_id)
    quotes = Quote.objects.visible_to(api_user(request)).filter(ticket=ticket)
    return {"items": [quote_out(q) for q in quotes.select_related("decided_by")]}


@router.post("/tickets/{ticket_id}/quotes", response={201: dict[str, Any]})
def create_quote(request: HttpRequest, ticket_id: int, payload: QuoteIn) -> Status[dict[str, Any]]:
    ticket = _ticket(request, ticket_id)
    quote = quotes.request_quote(
        ticket, api_user(request), payload.description, payload.hours, payload.fixed_price
    )
    return Status(201, quote_out(quote))


@router.post("/quotes/{quote_id}/decision", response=dict[str, Any])
def decide_quote(request: HttpRequest, quote_id: int, payload: DecisionIn) -> dict[str, Any]:
    """A client administrator approves or declines; recorded with who and when."""
    user = api_user(request)
    quote = get_for_write(Quote.objects.select_related("ticket"), user, "quote", pk=quote_id)
    quotes.decide_quote(quote, user, payload.approve, payload.note)
    return quote_out(quote)


# Time


def time_out(entry: TimeEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "ticket": entry.ticket_id,
        "user": entry.user_id,
        "started_at": entry.started_at.isoformat(),
        "minutes": entry.minutes,
        "running": entry.minutes is None,
        "description": entry.description,
        "billable": entry.billable,
        "in_scope": entry.in_scope,
        "out_of_hours": entry.out_of_hours,
        "quote": entry.quote_id,
    }


@router.get("/time-entries", response=dict[str, Any])
def list_time(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    ticket: int | None = None,
) -> dict[str, Any]:
    qs = TimeEntry.objects.visible_to(api_user(request)).order_by("-started_at", "-id")
    if organization is not None:
        qs = qs.filter(ticket__organization_id=organization)
    if ticket is not None:
        qs = qs.filter(ticket_id=ticket)
    return paginate(qs, limit, offset, time_out)


@router.post("/time-entries", response={201: dict[str, Any]})
def log_time(request: HttpRequest, payload: TimeIn) -> Status[dict[str, Any]]:
    user = api_user(request)
    ticket = _ticket(request, payload.ticket)
    if payload.started_at is not None and payload.started_at.tzinfo is None:
        raise ApiError(422, "started_at: give a time zone offset.", "started_at")
    entry = time.log_time(
        ticket,
        user,
        payload.minutes,
        payload.description,
        started_at=payload.started_at,
        billable=payload.billable,
    )
    return Status(201, time_out(entry))


@router.post("/time-entries/timer", response={201: dict[str, Any]})
def start_timer(request: HttpRequest, payload: TimerIn) -> Status[dict[str, Any]]:
    ticket = _ticket(request, payload.ticket)
    entry = time.start_timer(ticket, api_user(request), payload.description)
    return Status(201, time_out(entry))


@router.post("/time-entries/timer/stop", response=dict[str, Any])
def stop_timer(request: HttpRequest) -> dict[str, Any]:
    user = api_user(request)
    require(user.is_provider, "Only provider staff log time.")
    return time_out(time.stop_timer(user))


# After the timer's routes: "/time-entries/{entry_id}" would otherwise catch ".../timer".
def _entry(request: HttpRequest, entry_id: int) -> TimeEntry:
    return get_for_write(
        TimeEntry.objects.select_related("ticket__organization", "ticket__agreement", "quote"),
        api_user(request),
        "time entry",
        pk=entry_id,
    )


@router.patch("/time-entries/{entry_id}", response=dict[str, Any])
def correct_time(request: HttpRequest, entry_id: int, payload: TimePatch) -> dict[str, Any]:
    """Correct minutes, description or billable; refused once the time is invoiced."""
    entry = _entry(request, entry_id)
    return time_out(time.correct_time(entry, api_user(request), **payload.dict()))


@router.delete("/time-entries/{entry_id}", response={204: None})
def remove_time(request: HttpRequest, entry_id: int) -> Status[None]:
    """Remove an entry (or discard a running timer); refused once the time is invoiced."""
    entry = _entry(request, entry_id)
    time.remove_time(entry, api_user(request))
    return Status(204, None)


# Invoices


def invoice_out(invoice: Invoice) -> dict[str, Any]:
    return {
        "id": invoice.pk,
        "number": invoice.display_number if invoice.number else None,
        "organization": invoice.organization_id,
        "agreement": invoice.agreement_id,
        "agreement_version": invoice.version.number if invoice.version else None,
        "period_start": invoice.period_start.isoformat(),
        "period_end": invoice.period_end.isoformat(),
        "currency": invoice.currency,
        "state": invoice.state,
        "credits": invoice.credits_id,
        "total": str(invoice.total),
        "issued_at": invoice.issued_at.isoformat() if invoice.issued_at else None,
        "lines": [
            {
                "kind": line.kind,
                "description": line.description,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "unit_price": str(line.unit_price),
                "amount": str(line.amount),
                "tickets": sorted(t.number for t in line.tickets.all()),
                "time_entries": sorted(e.pk for e in line.time_entries.all()),
            }
            for line in invoice.lines.prefetch_related("tickets", "time_entries")
        ],
    }


@router.get("/invoices", response=dict[str, Any])
def list_invoices(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> dict[str, Any]:
    qs = Invoice.objects.visible_to(api_user(request)).select_related("version")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return paginate(qs, limit, offset, invoice_out)


@router.post("/invoices", response={201: dict[str, Any]})
def draft_invoice(request: HttpRequest, payload: InvoiceIn) -> Status[dict[str, Any]]:
    """The month's draft for an agreement, made again from the time logged so far."""
    user = api_user(request)
    agreement = Agreement.objects.in_orgs_of(user).filter(pk=payload.agreement).first()
    if agreement is None:
        raise ApiError(422, "agreement: no such agreement.", "agreement")
    require(user.can_manage_settings)
    invoice = invoices.draft_invoice(agreement, payload.month)
    return Status(201, invoice_out(invoice))


def _invoice(request: HttpRequest, invoice_id: int) -> Invoice:
    qs = Invoice.objects.select_related("version")
    return get_visible(qs, api_user(request), "invoice", pk=invoice_id)


def _invoice_to_change(request: HttpRequest, invoice_id: int) -> Invoice:
    qs = Invoice.objects.select_related("version")
    return get_for_write(qs, api_user(request), "invoice", pk=invoice_id)


@router.get("/invoices/{invoice_id}", response=dict[str, Any])
def get_invoice(request: HttpRequest, invoice_id: int) -> dict[str, Any]:
    return invoice_out(_invoice(request, invoice_id))


@router.post("/invoices/{invoice_id}/issue", response=dict[str, Any])
def issue_invoice(request: HttpRequest, invoice_id: int) -> dict[str, Any]:
    invoice = _invoice_to_change(request, invoice_id)
    return invoice_out(invoices.issue(invoice, api_user(request)))


@router.post("/invoices/{invoice_id}/credit-note", response={201: dict[str, Any]})
def credit_invoice(
    request: HttpRequest, invoice_id: int, payload: CreditIn
) -> Status[dict[str, Any]]:
    invoice = _invoice_to_change(request, invoice_id)
    require(api_user(request).can_manage_settings)
    return Status(
        201, invoice_out(invoices.credit_note(invoice, api_user(request), payload.reason))
    )


@router.get("/invoices/{invoice_id}/csv", response={200: None})
def invoice_csv(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.csv_response(invoice)


@router.get("/invoices/{invoice_id}/pdf", response={200: None})
def invoice_pdf(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.pdf_response(invoice)
