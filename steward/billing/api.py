"""API for the scope register, quotes, time entries and invoices: work on tickets and its bill."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from steward.billing import documents, invoices, quotes, scope, time
from steward.billing.models import (
    Invoice,
    InvoiceLine,
    InvoiceState,
    Quote,
    QuoteState,
    ScopeDecision,
    TimeEntry,
)
from steward.contracts.models import Agreement
from steward.desk.models import Ticket
from steward.lib.api import (
    Amount,
    ApiError,
    DecimalString,
    Id,
    Items,
    Out,
    Page,
    Timestamp,
    api_user,
    get_for_write,
    get_visible,
    not_found,
    page,
    require,
)

router = Router(tags=["Agreements"])


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
    # As the ticket page reads it: time on it needs the business calendar (`time.calendar_of`).
    qs = Ticket.objects.select_related(
        "organization__calendar", "agreement__sla_policy__calendar", "service"
    )
    return get_visible(qs, api_user(request), "ticket", pk=ticket_id)


# Scope and quotes


class ScopeDecisionOut(Out):
    in_scope: bool
    reason: str
    decided_by: str | None
    decided_at: Timestamp

    @staticmethod
    def resolve_decided_by(decision: ScopeDecision) -> str | None:
        return str(decision.decided_by) if decision.decided_by else None


class ScopeOut(Out):
    """Whether the ticket's work is in its agreement's scope, and every decision on it."""

    ticket: int
    in_scope: bool
    reason: str
    decided_by: str | None
    history: list[ScopeDecisionOut]

    @classmethod
    def of(cls, ticket: Ticket) -> ScopeOut:
        found = scope.scope_of(ticket)
        return cls(
            ticket=ticket.pk,
            in_scope=found.in_scope,
            reason=found.reason,
            decided_by=str(found.decided_by) if found.decided_by else None,
            history=[
                ScopeDecisionOut.from_orm(d) for d in ticket.scope.select_related("decided_by")
            ],
        )


@router.get("/tickets/{ticket_id}/scope", response=ScopeOut)
def get_scope(request: HttpRequest, ticket_id: int) -> ScopeOut:
    ticket = _ticket(request, ticket_id)
    if not ScopeDecision.objects.readable_by(api_user(request)):
        # The ticket's own, but not for this role: as absent as the portal shows it.
        raise not_found("scope register for this ticket")
    return ScopeOut.of(ticket)


@router.post("/tickets/{ticket_id}/scope", response={201: ScopeOut})
def decide_scope(request: HttpRequest, ticket_id: int, payload: ScopeIn) -> Status[ScopeOut]:
    ticket = _ticket(request, ticket_id)
    scope.decide_scope(ticket, payload.in_scope, payload.reason, api_user(request))
    return Status(201, ScopeOut.of(ticket))


class QuoteOut(Out):
    id: int
    ticket: int = Field(validation_alias="ticket_id")
    description: str
    hours: DecimalString | None
    fixed_price: DecimalString | None
    state: QuoteState
    created_at: Timestamp
    decided_by: str | None
    decided_at: Timestamp | None
    decision_note: str

    @staticmethod
    def resolve_decided_by(quote: Quote) -> str | None:
        return str(quote.decided_by) if quote.decided_by else None


@router.get("/tickets/{ticket_id}/quotes", response=Items[QuoteOut])
def list_quotes(request: HttpRequest, ticket_id: int) -> Items[QuoteOut]:
    ticket = _ticket(request, ticket_id)
    quotes = Quote.objects.visible_to(api_user(request)).filter(ticket=ticket)
    return Items(items=[QuoteOut.from_orm(q) for q in quotes.select_related("decided_by")])


@router.post("/tickets/{ticket_id}/quotes", response={201: QuoteOut})
def create_quote(request: HttpRequest, ticket_id: int, payload: QuoteIn) -> Status[QuoteOut]:
    ticket = _ticket(request, ticket_id)
    quote = quotes.request_quote(
        ticket, api_user(request), payload.description, payload.hours, payload.fixed_price
    )
    return Status(201, QuoteOut.from_orm(quote))


@router.post("/quotes/{quote_id}/decision", response=QuoteOut)
def decide_quote(request: HttpRequest, quote_id: int, payload: DecisionIn) -> QuoteOut:
    """A client administrator approves or declines; recorded with who and when."""
    user = api_user(request)
    quote = get_for_write(Quote.objects.select_related("ticket"), user, "quote", pk=quote_id)
    quotes.decide_quote(quote, user, payload.approve, payload.note)
    return QuoteOut.from_orm(quote)


# Time


class TimeEntryOut(Out):
    id: int
    ticket: int = Field(validation_alias="ticket_id")
    user: int = Field(validation_alias="user_id")
    started_at: Timestamp
    minutes: int | None
    running: bool = Field(description="A timer still counting: no minutes yet.")
    description: str
    billable: bool
    in_scope: bool
    out_of_hours: bool
    quote: int | None = Field(validation_alias="quote_id")

    @staticmethod
    def resolve_running(entry: TimeEntry) -> bool:
        return entry.minutes is None


@router.get("/time-entries", response=Page[TimeEntryOut])
def list_time(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    ticket: int | None = None,
) -> Page[TimeEntryOut]:
    qs = TimeEntry.objects.visible_to(api_user(request)).order_by("-started_at", "-id")
    if organization is not None:
        qs = qs.filter(ticket__organization_id=organization)
    if ticket is not None:
        qs = qs.filter(ticket_id=ticket)
    return page(qs, limit, offset, TimeEntryOut.from_orm)


@router.post("/time-entries", response={201: TimeEntryOut})
def log_time(request: HttpRequest, payload: TimeIn) -> Status[TimeEntryOut]:
    user = api_user(request)
    ticket = _ticket(request, payload.ticket)
    if payload.started_at is not None and payload.started_at.tzinfo is None:
        raise ApiError(422, _("started_at: give a time zone offset."), "started_at")
    entry = time.log_time(
        ticket,
        user,
        payload.minutes,
        payload.description,
        started_at=payload.started_at,
        billable=payload.billable,
    )
    return Status(201, TimeEntryOut.from_orm(entry))


@router.post("/time-entries/timer", response={201: TimeEntryOut})
def start_timer(request: HttpRequest, payload: TimerIn) -> Status[TimeEntryOut]:
    ticket = _ticket(request, payload.ticket)
    entry = time.start_timer(ticket, api_user(request), payload.description)
    return Status(201, TimeEntryOut.from_orm(entry))


@router.post("/time-entries/timer/stop", response=TimeEntryOut)
def stop_timer(request: HttpRequest) -> TimeEntryOut:
    user = api_user(request)
    require(user.is_provider, _("Only provider staff log time."))
    return TimeEntryOut.from_orm(time.stop_timer(user))


# After the timer's routes: "/time-entries/{entry_id}" would otherwise catch ".../timer".
def _entry(request: HttpRequest, entry_id: int) -> TimeEntry:
    return get_for_write(
        TimeEntry.objects.select_related("ticket__organization", "ticket__agreement", "quote"),
        api_user(request),
        "time entry",
        pk=entry_id,
    )


@router.patch("/time-entries/{entry_id}", response=TimeEntryOut)
def correct_time(request: HttpRequest, entry_id: int, payload: TimePatch) -> TimeEntryOut:
    """Correct minutes, description or billable; refused once the time is invoiced."""
    entry = _entry(request, entry_id)
    return TimeEntryOut.from_orm(time.correct_time(entry, api_user(request), **payload.dict()))


@router.delete("/time-entries/{entry_id}", response={204: None})
def remove_time(request: HttpRequest, entry_id: int) -> Status[None]:
    """Remove an entry (or discard a running timer); refused once the time is invoiced."""
    entry = _entry(request, entry_id)
    time.remove_time(entry, api_user(request))
    return Status(204, None)


# Invoices


# What an invoice's answer reads besides the invoice: loaded once for a whole page.
INVOICE_RELATED = ("lines__tickets", "lines__time_entries")


class InvoiceLineOut(Out):
    kind: str
    description: str
    quantity: DecimalString
    unit: str
    unit_price: DecimalString
    amount: DecimalString
    tickets: list[str] = Field(description="The numbers of the tickets it bills.")
    time_entries: list[int] = Field(description="The ids of the time entries it bills.")

    @staticmethod
    def resolve_tickets(line: InvoiceLine) -> list[str]:
        return sorted(t.number for t in line.tickets.all())

    @staticmethod
    def resolve_time_entries(line: InvoiceLine) -> list[int]:
        return sorted(e.pk for e in line.time_entries.all())


class InvoiceOut(Out):
    """A month's invoice, or a credit note (`credits`: the invoice it corrects)."""

    id: int
    number: str | None = Field(description="Null while a draft.")
    organization: int = Field(validation_alias="organization_id")
    agreement: int = Field(validation_alias="agreement_id")
    agreement_version: int | None
    period_start: date
    period_end: date
    currency: str
    state: InvoiceState
    credits: int | None = Field(validation_alias="credits_id")
    total: DecimalString
    issued_at: Timestamp | None
    lines: list[InvoiceLineOut]

    @staticmethod
    def resolve_number(invoice: Invoice) -> str | None:
        return invoice.display_number if invoice.number else None

    @staticmethod
    def resolve_agreement_version(invoice: Invoice) -> int | None:
        return invoice.version.number if invoice.version else None

    @staticmethod
    def resolve_lines(invoice: Invoice) -> list[InvoiceLineOut]:
        # A no-op for the rows of a list, which prefetched them all at once.
        prefetch_related_objects([invoice], *INVOICE_RELATED)
        return [InvoiceLineOut.from_orm(line) for line in invoice.lines.all()]


@router.get("/invoices", response=Page[InvoiceOut])
def list_invoices(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> Page[InvoiceOut]:
    qs = (
        Invoice.objects.visible_to(api_user(request))
        .select_related("version")
        .prefetch_related(*INVOICE_RELATED)
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, InvoiceOut.from_orm)


@router.post("/invoices", response={201: InvoiceOut})
def draft_invoice(request: HttpRequest, payload: InvoiceIn) -> Status[InvoiceOut]:
    """The month's draft for an agreement, made again from the time logged so far."""
    user = api_user(request)
    agreement = Agreement.objects.in_orgs_of(user).filter(pk=payload.agreement).first()
    if agreement is None:
        raise ApiError(422, _("agreement: no such agreement."), "agreement")
    require(user.can_manage_settings)
    invoice = invoices.draft_invoice(agreement, payload.month)
    return Status(201, InvoiceOut.from_orm(invoice))


def _invoice(request: HttpRequest, invoice_id: int) -> Invoice:
    qs = Invoice.objects.select_related("version")
    return get_visible(qs, api_user(request), "invoice", pk=invoice_id)


def _invoice_to_change(request: HttpRequest, invoice_id: int) -> Invoice:
    qs = Invoice.objects.select_related("version")
    return get_for_write(qs, api_user(request), "invoice", pk=invoice_id)


@router.get("/invoices/{invoice_id}", response=InvoiceOut)
def get_invoice(request: HttpRequest, invoice_id: int) -> InvoiceOut:
    return InvoiceOut.from_orm(_invoice(request, invoice_id))


@router.post("/invoices/{invoice_id}/issue", response=InvoiceOut)
def issue_invoice(request: HttpRequest, invoice_id: int) -> InvoiceOut:
    invoice = _invoice_to_change(request, invoice_id)
    return InvoiceOut.from_orm(invoices.issue(invoice, api_user(request)))


@router.post("/invoices/{invoice_id}/credit-note", response={201: InvoiceOut})
def credit_invoice(request: HttpRequest, invoice_id: int, payload: CreditIn) -> Status[InvoiceOut]:
    invoice = _invoice_to_change(request, invoice_id)
    require(api_user(request).can_manage_settings)
    credit = invoices.credit_note(invoice, api_user(request), payload.reason)
    return Status(201, InvoiceOut.from_orm(credit))


@router.get("/invoices/{invoice_id}/csv", response={200: None})
def invoice_csv(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.csv_response(invoice)


@router.get("/invoices/{invoice_id}/pdf", response={200: None})
def invoice_pdf(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.pdf_response(invoice)
