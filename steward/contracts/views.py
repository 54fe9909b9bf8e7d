"""Agreement pages: the desk's billing pages and ticket panels, and the client's portal pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, manager_view, staff_view, user_of
from steward.accounts.models import Organization, Role, User
from steward.contracts import actions, documents
from steward.contracts.actions import ContractError
from steward.contracts.forms import (
    AgreementForm,
    ComparisonForm,
    CreditForm,
    DecisionForm,
    MonthForm,
    QuoteForm,
    ScopeForm,
    TimeForm,
    TimerForm,
)
from steward.contracts.models import (
    AGREEMENT_MADE,
    Agreement,
    Billing,
    Invoice,
    Quote,
    QuoteState,
    TimeEntry,
)


def _ticket(request: HttpRequest, number: str) -> Any:
    # desk comes after contracts in the import order: the model is looked up by name.
    model: type[Model] = apps.get_model("desk", "Ticket")
    ticket = (
        model.objects.visible_to(user_of(request))  # type: ignore[attr-defined]
        .select_related("organization__calendar", "agreement__sla_policy__calendar", "service")
        .filter(number=number)
        .first()
    )
    if ticket is None:
        raise Http404
    return ticket


def ticket_panel(ticket: Any, user: User) -> dict[str, Any]:
    """What the desk's ticket page shows of scope, quotes and time (called by the desk)."""
    entries = list(ticket.time.select_related("user").order_by("-started_at", "-id"))
    billed = set(ticket.time.invoiced().values_list("pk", flat=True))
    for entry in entries:
        entry.billed = entry.pk in billed  # type: ignore[attr-defined]
        entry.removable = entry.pk not in billed and (  # type: ignore[attr-defined]
            entry.user_id == user.pk or user.can_manage_settings
        )
    return {
        "scope": actions.scope_of(ticket),
        "quotes": list(ticket.quotes.select_related("decided_by")),
        "time_entries": entries,
        "time_total": sum((e.minutes or 0) for e in entries),
        "running": TimeEntry.objects.running().filter(user=user).select_related("ticket").first(),
        "time_form": TimeForm(),
        "timer_form": TimerForm(),
        "scope_form": ScopeForm(),
        "quote_form": QuoteForm(),
    }


def _back(ticket: Any) -> HttpResponse:
    return redirect(f"{ticket.get_absolute_url()}#billing")


def _refused(request: HttpRequest, exc: ContractError | str) -> None:
    messages.error(request, str(exc))


def _errors(form: Any) -> str:
    """Every error of the form, each after the label of its field."""
    return "; ".join(
        f"{form.fields[name].label}: {e}" if name in form.fields else str(e)
        for name, errors in form.errors.items()
        for e in errors
    )


@require_POST
@staff_view
def log_time(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = TimeForm(request.POST)
    if not form.is_valid():
        _refused(request, _errors(form))
        return _back(ticket)
    try:
        actions.log_time(
            ticket,
            user_of(request),
            form.cleaned_data["minutes"],
            form.cleaned_data["description"],
            started_at=form.cleaned_data["started_at"],
            billable=form.cleaned_data["billable"],
        )
    except ContractError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Time logged."))
    return _back(ticket)


@require_POST
@staff_view
def remove_time(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    ticket = _ticket(request, number)
    entry = TimeEntry.objects.filter(ticket=ticket, pk=pk).select_related("ticket").first()
    if entry is None:
        raise Http404
    try:
        actions.remove_time(entry, user_of(request))
    except ContractError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Time entry removed; the ticket's history keeps it."))
    return _back(ticket)


@require_POST
@staff_view
def timer(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = TimerForm(request.POST)
    try:
        if request.POST.get("action") == "stop":
            entry = actions.stop_timer(user_of(request))
            messages.success(request, _("Timer stopped: %d minutes logged.") % (entry.minutes or 0))
        elif form.is_valid():
            actions.start_timer(ticket, user_of(request), form.cleaned_data["description"])
            messages.success(request, _("Timer started."))
    except ContractError as exc:
        _refused(request, exc)
    return _back(ticket)


@require_POST
@staff_view
def decide_scope(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = ScopeForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_scope(
                ticket, form.cleaned_data["in_scope"], form.cleaned_data["reason"], user_of(request)
            )
        except ContractError as exc:
            _refused(request, exc)
    else:
        _refused(request, _("Choose in or out of scope and give the reason."))
    return _back(ticket)


@require_POST
@staff_view
def request_quote(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = QuoteForm(request.POST)
    if not form.is_valid():
        _refused(request, _errors(form))
        return _back(ticket)
    try:
        actions.request_quote(
            ticket,
            user_of(request),
            form.cleaned_data["description"],
            form.cleaned_data["hours"],
            form.cleaned_data["fixed_price"],
        )
    except ContractError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Quote sent to the client's administrators."))
    return _back(ticket)


# Desk: agreements and invoices


@staff_view
def agreements(request: HttpRequest) -> HttpResponse:
    rows = Agreement.objects.visible_to(user_of(request)).select_related(
        "organization", "sla_policy"
    )
    return render(request, "contracts/agreements.html", {"agreements": rows})


def _visible_agreement(request: HttpRequest, pk: int) -> Agreement:
    agreement = Agreement.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return agreement


def _agreement_context(agreement: Agreement) -> dict[str, Any]:
    today = timezone.localdate()
    actions.version_of(agreement)
    return {
        "agreement": agreement,
        "covered": agreement.covered.select_related("service").order_by("service__name"),
        "versions": agreement.versions.select_related("created_by").order_by("-number"),
        "balance": actions.block_balance(agreement, today)
        if agreement.billing == Billing.BLOCK_HOURS
        else None,
        "targets": sorted(agreement.sla_policy.targets.items()),
    }


@staff_view
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_agreement(request, pk)
    return render(
        request,
        "contracts/agreement.html",
        {
            **_agreement_context(row),
            "invoices": row.invoices.order_by("-period_start", "-id"),
            "month_form": MonthForm(initial={"month": timezone.localdate().strftime("%Y-%m")}),
            "can_bill": user_of(request).can_manage_settings,
        },
    )


@manager_view
def edit_agreement(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Make an agreement, or change its terms: every change is a new version."""
    from django.db import transaction

    user = user_of(request)
    row = _visible_agreement(request, pk) if pk is not None else None
    form = AgreementForm(request.POST or None, instance=row, user=user)
    if request.method == "POST" and form.is_valid():
        if row is None:
            with transaction.atomic():
                created = form.save()
                actions.set_services(created, form.service_prices())
                actions.record_version(created, user, form.cleaned_data["note"] or AGREEMENT_MADE)
            return redirect("billing:agreement", pk=created.pk)
        before = Agreement.objects.get(pk=row.pk)
        changes = {
            name: form.cleaned_data[name]
            for name in [*form.Meta.fields, "kpi_targets"]
            if name in form.cleaned_data and form.cleaned_data[name] != getattr(before, name)
        }
        try:
            actions.revise(before, user, changes, form.service_prices(), form.cleaned_data["note"])
        except ContractError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Saved; the change is in the history."))
            return redirect("billing:agreement", pk=row.pk)
    return render(
        request,
        "contracts/agreement_form.html",
        {"form": form, "agreement": row},
        status=400 if form.errors else 200,
    )


@require_POST
@manager_view
def draft_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_agreement(request, pk)
    form = MonthForm(request.POST)
    if not form.is_valid():
        _refused(request, _errors(form))
        return redirect("billing:agreement", pk=row.pk)
    try:
        invoice = actions.draft_invoice(row, form.cleaned_data["month"])
    except ContractError as exc:
        _refused(request, exc)
        return redirect("billing:agreement", pk=row.pk)
    return redirect("billing:invoice", pk=invoice.pk)


def _visible_invoice(request: HttpRequest, pk: int) -> Invoice:
    # A client sees issued invoices only: visible_to says so, for these pages and the API.
    qs = Invoice.objects.visible_to(user_of(request)).select_related(
        "agreement", "organization", "version", "credits"
    )
    invoice = qs.filter(pk=pk).first()
    if invoice is None:
        raise Http404
    return invoice


@staff_view
def invoice(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_invoice(request, pk)
    return render(
        request,
        "contracts/invoice.html",
        {
            "invoice": row,
            "lines": row.lines.prefetch_related("tickets", "time_entries"),
            "credit_form": CreditForm(),
            "can_bill": user_of(request).can_manage_settings,
        },
    )


@require_POST
@manager_view
def issue_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_invoice(request, pk)
    try:
        issued = actions.issue(row, user_of(request))
        messages.success(request, _("Issued as %s.") % issued.display_number)
    except ContractError as exc:
        _refused(request, exc)
    return redirect("billing:invoice", pk=row.pk)


@require_POST
@manager_view
def credit_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_invoice(request, pk)
    form = CreditForm(request.POST)
    if not form.is_valid():
        _refused(request, _("Say why the invoice is credited."))
        return redirect("billing:invoice", pk=row.pk)
    try:
        note = actions.credit_note(row, user_of(request), form.cleaned_data["reason"])
    except ContractError as exc:
        _refused(request, exc)
        return redirect("billing:invoice", pk=row.pk)
    return redirect("billing:invoice", pk=note.pk)


@staff_view
def invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.pdf_response(_visible_invoice(request, pk))


@staff_view
def invoice_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.csv_response(_visible_invoice(request, pk))


def _comparison(request: HttpRequest, org: Organization) -> dict[str, Any]:
    form = ComparisonForm(request.GET or None)
    today = timezone.localdate().replace(day=1)
    data = form.cleaned_data if form.is_valid() else {}
    start = data.get("start") or date(
        today.year - 1 if today.month < 12 else today.year, (today.month % 12) + 1, 1
    )
    end = data.get("end") or today
    comparison = actions.compare_costs(
        org,
        start,
        end,
        break_fix_rate=data.get("break_fix_rate"),
        managed_price_per_user=data.get("managed_price_per_user"),
        hourly_cost_per_user=data.get("hourly_cost_per_user"),
        affected_users=data.get("affected_users"),
    )
    if not form.is_bound or not form.is_valid():
        form = ComparisonForm(
            initial={
                "start": start.strftime("%Y-%m"),
                "end": end.strftime("%Y-%m"),
                "break_fix_rate": comparison.break_fix_rate,
                "managed_price_per_user": comparison.managed_price_per_user,
                "hourly_cost_per_user": comparison.hourly_cost_per_user,
                "affected_users": comparison.affected_users,
            },
            data=request.GET or None,
        )
    peak = max([amount for _label, amount in comparison.rows] + [Decimal(1)])
    bars = [(label, amount, int(amount * 100 / peak)) for label, amount in comparison.rows]
    return {"org": org, "form": form, "c": comparison, "bars": bars, "start": start, "end": end}


@staff_view
def value(request: HttpRequest, org_id: int) -> HttpResponse:
    org = Organization.objects.visible_to(user_of(request)).filter(pk=org_id).first()
    if org is None:
        raise Http404
    return render(request, "contracts/value.html", _comparison(request, org))


# Portal: the client's administrators


def _reader_of(request: HttpRequest, qs: Any) -> User:
    """The viewer, if their role reads these rows at all: the rule the API applies too."""
    user = user_of(request)
    if not qs.readable_by(user):
        raise Http404
    return user


def _client_admin(request: HttpRequest) -> User:
    user = user_of(request)
    if user.role != Role.CLIENT_ADMIN:
        raise Http404
    return user


@client_view
def portal_agreements(request: HttpRequest) -> HttpResponse:
    user = _reader_of(request, Agreement.objects.all())
    rows = [
        _agreement_context(a)
        for a in Agreement.objects.visible_to(user).select_related("sla_policy", "organization")
    ]
    quotes = (
        Quote.objects.visible_to(user).filter(state=QuoteState.PENDING).select_related("ticket")
    )
    return render(
        request,
        "contracts/portal_agreements.html",
        {"rows": rows, "quotes": quotes, "decision_form": DecisionForm()},
    )


@client_view
def portal_invoices(request: HttpRequest) -> HttpResponse:
    user = _reader_of(request, Invoice.objects.all())
    rows = Invoice.objects.visible_to(user).select_related("agreement", "credits")
    return render(request, "contracts/portal_invoices.html", {"invoices": rows})


@client_view
def portal_invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.pdf_response(_visible_invoice(request, pk))


@client_view
def portal_invoice_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.csv_response(_visible_invoice(request, pk))


@require_POST
@client_view
def portal_decide_quote(request: HttpRequest, pk: int) -> HttpResponse:
    user = _reader_of(request, Quote.objects.all())
    quote = Quote.objects.visible_to(user).select_related("ticket").filter(pk=pk).first()
    if quote is None:
        raise Http404
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_quote(
                quote, user, form.cleaned_data["approve"], form.cleaned_data["note"]
            )
            messages.success(request, _("Thank you: your decision is recorded."))
        except ContractError as exc:
            _refused(request, exc)
    return redirect("billing_portal:agreements")


@client_view
def portal_value(request: HttpRequest) -> HttpResponse:
    user = _client_admin(request)
    assert user.organization is not None
    return render(request, "contracts/value.html", _comparison(request, user.organization))
