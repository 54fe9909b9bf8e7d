"""API for the service catalogue, agreements and their versions, the scope register, quotes,
time entries and invoices."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Max, Model
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from steward.accounts.models import Organization
from steward.contracts import actions, documents
from steward.contracts.actions import ContractError
from steward.contracts.models import (
    AGREEMENT_MADE,
    Agreement,
    AgreementVersion,
    Billing,
    Invoice,
    Quote,
    ScopeDecision,
    Service,
    TimeEntry,
)
from steward.lib.api import (
    ApiError,
    Id,
    Money,
    api_user,
    get_for_write,
    get_visible,
    not_found,
    paginate,
    require,
)

router = Router(tags=["Agreements"])

Amount = Field(None, ge=0, max_digits=12, decimal_places=2)


class ServiceIn(Schema):
    code: str = Field(..., min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(..., min_length=1, max_length=120)
    description: str = Field("", max_length=5000)
    monthly_price: Decimal = Field(Decimal("0.00"), ge=0, max_digits=12, decimal_places=2)


class TermsIn(Schema):
    billing: Billing | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    monthly_fee: Decimal | None = Amount
    unit_price: Decimal | None = Amount
    devices: int | None = Field(None, ge=0, le=1_000_000)
    hourly_rate: Decimal | None = Amount
    out_of_hours_multiplier: Decimal | None = Field(None, ge=1, le=10, decimal_places=2)
    included_hours: Decimal | None = Field(None, ge=0, le=10_000, decimal_places=2)
    block_hours: Decimal | None = Field(None, ge=0, le=10_000, decimal_places=2)
    rollover: bool | None = None
    increment_minutes: int | None = Field(None, ge=1, le=240)
    exclusions: str | None = Field(None, max_length=10_000)
    kpi_targets: dict[str, Any] | None = None  # checked against KPIS by the model
    services: dict[str, Money] | None = None


class AgreementIn(TermsIn):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    starts: date
    ends: date | None = None
    sla_policy: Id


class AgreementPatch(TermsIn):
    name: str | None = Field(None, min_length=1, max_length=200)
    ends: date | None = None
    sla_policy: Id | None = None
    note: str = Field("", max_length=500)


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


def _fail(exc: ContractError) -> ApiError:
    return ApiError(403 if exc.forbidden else 422, str(exc), exc.field)


def _ticket(request: HttpRequest, ticket_id: int) -> Any:
    # desk comes after contracts in the import order: the model is looked up by name.
    ticket_model: type[Model] = apps.get_model("desk", "Ticket")
    qs = ticket_model.objects.select_related(  # type: ignore[attr-defined]
        "organization", "agreement__sla_policy__calendar", "service"
    )
    return get_visible(qs, api_user(request), "ticket", pk=ticket_id)


# Services


def _service_out(service: Service) -> dict[str, Any]:
    return {
        "id": service.pk,
        "code": service.code,
        "name": service.name,
        "description": service.description,
        "monthly_price": str(service.monthly_price),
        "active": service.active,
    }


@router.get("/services", response=dict[str, Any])
def list_services(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """The provider's service catalogue (every signed-in user may read it)."""
    return paginate(Service.objects.filter(active=True), limit, offset, _service_out)


@router.post("/services", response={201: dict[str, Any]})
def create_service(request: HttpRequest, payload: ServiceIn) -> Status[dict[str, Any]]:
    require(api_user(request).can_manage_settings)
    if Service.objects.filter(code=payload.code).exists():
        raise ApiError(409, f"code: a service {payload.code} exists.", "code")
    service = Service.objects.create(**payload.dict())
    return Status(201, _service_out(service))


# Agreements


def agreement_out(agreement: Agreement) -> dict[str, Any]:
    number = getattr(agreement, "version_number", None)
    if number is None:
        number = actions.version_of(agreement).number
    return {
        "id": agreement.pk,
        "organization": agreement.organization_id,
        **agreement.terms(),
        "version": number,
    }


def _terms(payload: TermsIn) -> tuple[dict[str, Any], dict[str, Decimal] | None]:
    data = payload.dict(exclude_unset=True)
    services = data.pop("services", None)
    data.pop("note", None)
    return data, services


@router.get("/agreements", response=dict[str, Any])
def list_agreements(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> dict[str, Any]:
    qs = (
        Agreement.objects.visible_to(api_user(request))
        .select_related("sla_policy")
        .prefetch_related("covered__service")
        .annotate(version_number=Max("versions__number"))
        .order_by("-starts", "-pk")
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return paginate(qs, limit, offset, agreement_out)


@router.post("/agreements", response={201: dict[str, Any]})
def create_agreement(request: HttpRequest, payload: AgreementIn) -> Status[dict[str, Any]]:
    from django.db import transaction

    from steward.sla.models import SlaPolicy

    user = api_user(request)
    org = Organization.objects.visible_to(user).filter(pk=payload.organization).first()
    if org is None:
        raise ApiError(422, "organization: no such organization.", "organization")
    require(user.can_manage_settings)
    policy = SlaPolicy.objects.filter(pk=payload.sla_policy).first()
    if policy is None:
        raise ApiError(422, "sla_policy: no such SLA policy.", "sla_policy")
    if payload.ends is not None and payload.ends < payload.starts:
        raise ApiError(422, "ends: an agreement cannot end before it starts.", "ends")
    terms, services = _terms(payload)
    for key in ("organization", "name", "starts", "ends", "sla_policy"):
        terms.pop(key, None)
    agreement = Agreement(
        organization=org,
        name=payload.name,
        starts=payload.starts,
        ends=payload.ends,
        sla_policy=policy,
        **terms,
    )
    agreement.full_clean()
    try:
        with transaction.atomic():
            agreement.save()
            if services:
                actions.set_services(agreement, services)
            actions.record_version(agreement, user, AGREEMENT_MADE)
    except ContractError as exc:
        raise _fail(exc) from None
    return Status(201, agreement_out(agreement))


def _agreement(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_visible(Agreement.objects.all(), api_user(request), "agreement", pk=agreement_id)


def _agreement_to_change(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_for_write(Agreement.objects.all(), api_user(request), "agreement", pk=agreement_id)


@router.get("/agreements/{agreement_id}", response=dict[str, Any])
def get_agreement(request: HttpRequest, agreement_id: int) -> dict[str, Any]:
    return agreement_out(_agreement(request, agreement_id))


@router.patch("/agreements/{agreement_id}", response=dict[str, Any])
def revise_agreement(
    request: HttpRequest, agreement_id: int, payload: AgreementPatch
) -> dict[str, Any]:
    """Change the terms: a new version recording who, when and what changed."""
    from steward.sla.models import SlaPolicy

    user = api_user(request)
    agreement = _agreement_to_change(request, agreement_id)
    require(user.can_manage_settings)
    changes, services = _terms(payload)
    if "sla_policy" in changes:
        policy = SlaPolicy.objects.filter(pk=changes["sla_policy"]).first()
        if policy is None:
            raise ApiError(422, "sla_policy: no such SLA policy.", "sla_policy")
        changes["sla_policy"] = policy
    if changes.get("ends") is not None and changes["ends"] < agreement.starts:
        raise ApiError(422, "ends: an agreement cannot end before it starts.", "ends")
    try:
        actions.revise(agreement, user, changes, services, payload.note)
    except ContractError as exc:
        raise _fail(exc) from None
    return agreement_out(agreement)


def version_out(version: AgreementVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "created_at": version.created_at.isoformat(),
        "created_by": str(version.created_by) if version.created_by else None,
        "note": version.note,
        "changes": version.changes,
        "terms": version.terms,
    }


@router.get("/agreements/{agreement_id}/versions", response=dict[str, Any])
def list_versions(request: HttpRequest, agreement_id: int) -> dict[str, Any]:
    agreement = _agreement(request, agreement_id)
    actions.version_of(agreement)
    versions = agreement.versions.select_related("created_by").order_by("number")
    return {"items": [version_out(v) for v in versions]}


# Scope and quotes


def _scope_out(ticket: Any) -> dict[str, Any]:
    scope = actions.scope_of(ticket)
    return {
        "ticket": ticket.pk,
        "in_scope": scope.in_scope,
        "reason": scope.reason,
        "decided_by": str(scope.decided_by) if scope.decided_by else None,
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
    try:
        actions.decide_scope(ticket, payload.in_scope, payload.reason, api_user(request))
    except ContractError as exc:
        raise _fail(exc) from None
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
    try:
        quote = actions.request_quote(
            ticket, api_user(request), payload.description, payload.hours, payload.fixed_price
        )
    except ContractError as exc:
        raise _fail(exc) from None
    return Status(201, quote_out(quote))


@router.post("/quotes/{quote_id}/decision", response=dict[str, Any])
def decide_quote(request: HttpRequest, quote_id: int, payload: DecisionIn) -> dict[str, Any]:
    """A client administrator approves or declines; recorded with who and when."""
    user = api_user(request)
    quote = get_for_write(Quote.objects.select_related("ticket"), user, "quote", pk=quote_id)
    try:
        actions.decide_quote(quote, user, payload.approve, payload.note)
    except ContractError as exc:
        raise _fail(exc) from None
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
    try:
        entry = actions.log_time(
            ticket,
            user,
            payload.minutes,
            payload.description,
            started_at=payload.started_at,
            billable=payload.billable,
        )
    except ContractError as exc:
        raise _fail(exc) from None
    return Status(201, time_out(entry))


@router.post("/time-entries/timer", response={201: dict[str, Any]})
def start_timer(request: HttpRequest, payload: TimerIn) -> Status[dict[str, Any]]:
    ticket = _ticket(request, payload.ticket)
    try:
        entry = actions.start_timer(ticket, api_user(request), payload.description)
    except ContractError as exc:
        raise _fail(exc) from None
    return Status(201, time_out(entry))


@router.post("/time-entries/timer/stop", response=dict[str, Any])
def stop_timer(request: HttpRequest) -> dict[str, Any]:
    user = api_user(request)
    require(user.is_provider, "Only provider staff log time.")
    try:
        return time_out(actions.stop_timer(user))
    except ContractError as exc:
        raise _fail(exc) from None


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
    try:
        return time_out(actions.correct_time(entry, api_user(request), **payload.dict()))
    except ContractError as exc:
        raise _fail(exc) from None


@router.delete("/time-entries/{entry_id}", response={204: None})
def remove_time(request: HttpRequest, entry_id: int) -> Status[None]:
    """Remove an entry (or discard a running timer); refused once the time is invoiced."""
    entry = _entry(request, entry_id)
    try:
        actions.remove_time(entry, api_user(request))
    except ContractError as exc:
        raise _fail(exc) from None
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
    try:
        invoice = actions.draft_invoice(agreement, payload.month)
    except ContractError as exc:
        raise _fail(exc) from None
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
    try:
        return invoice_out(actions.issue(invoice, api_user(request)))
    except ContractError as exc:
        raise _fail(exc) from None


@router.post("/invoices/{invoice_id}/credit-note", response={201: dict[str, Any]})
def credit_invoice(
    request: HttpRequest, invoice_id: int, payload: CreditIn
) -> Status[dict[str, Any]]:
    invoice = _invoice_to_change(request, invoice_id)
    require(api_user(request).can_manage_settings)
    try:
        return Status(
            201, invoice_out(actions.credit_note(invoice, api_user(request), payload.reason))
        )
    except ContractError as exc:
        raise _fail(exc) from None


@router.get("/invoices/{invoice_id}/csv", response={200: None})
def invoice_csv(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.csv_response(invoice)


@router.get("/invoices/{invoice_id}/pdf", response={200: None})
def invoice_pdf(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return documents.pdf_response(invoice)
