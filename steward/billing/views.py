"""The desk's billing pages (agreements, invoices, the ticket page's time, scope and quote
forms) and the client administrators' pages in the portal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, desk_org, manager_view, staff_view, user_of
from steward.accounts.models import TenantQuerySet, User
from steward.billing import documents, hours, invoices, quotes, scope, time
from steward.billing.forms import (
    CreditForm,
    DecisionForm,
    MonthForm,
    QuoteForm,
    ScopeForm,
    TimeForm,
    TimerForm,
)
from steward.billing.models import Invoice, InvoiceState, Quote, QuoteState, TimeEntry
from steward.contracts import actions
from steward.contracts.forms import AgreementForm, OrganizationTaxForm
from steward.contracts.models import (
    Agreement,
    AgreementQuerySet,
    AgreementVersion,
    Billing,
    CoveredService,
    OrganizationTax,
    Service,
)
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.lib.formats import format_duration


def _ticket(request: HttpRequest, number: str) -> Ticket:
    ticket = (
        Ticket.objects.visible_to(user_of(request))
        .select_related("organization__calendar", "agreement__sla_policy__calendar", "service")
        .filter(number=number)
        .first()
    )
    if ticket is None:
        raise Http404
    return ticket


def _back(ticket: Ticket) -> HttpResponse:
    return redirect(f"{ticket.get_absolute_url()}#billing")


def _refused(request: HttpRequest, exc: DomainError | str) -> None:
    messages.error(request, str(exc))


@contextmanager
def _refusals(request: HttpRequest) -> Iterator[None]:
    """Run a rule of the domain: a refusal is shown as the page's error, and the rest of the
    block (its success message) is skipped."""
    try:
        yield
    except DomainError as exc:
        _refused(request, exc)


def _errors(form: forms.Form) -> str:
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
    with _refusals(request):
        time.log_time(
            ticket,
            user_of(request),
            form.cleaned_data["minutes"],
            form.cleaned_data["description"],
            started_at=form.cleaned_data["started_at"],
            billable=form.cleaned_data["billable"],
        )
        messages.success(request, _("Time logged."))
    return _back(ticket)


@require_POST
@staff_view
def remove_time(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    ticket = _ticket(request, number)
    entry = TimeEntry.objects.filter(ticket=ticket, pk=pk).select_related("ticket").first()
    if entry is None:
        raise Http404
    with _refusals(request):
        time.remove_time(entry, user_of(request))
        messages.success(request, _("Time entry removed; the ticket's history keeps it."))
    return _back(ticket)


@require_POST
@staff_view
def timer(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = TimerForm(request.POST)
    with _refusals(request):
        if request.POST.get("action") == "stop":
            entry = time.stop_timer(user_of(request))
            logged = format_duration(entry.minutes or 0)
            messages.success(request, _("Timer stopped: %s logged.") % logged)
        elif form.is_valid():
            time.start_timer(ticket, user_of(request), form.cleaned_data["description"])
            messages.success(request, _("Timer started."))
    return _back(ticket)


@require_POST
@staff_view
def decide_scope(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = ScopeForm(request.POST)
    if not form.is_valid():
        _refused(request, _("Choose in or out of scope and give the reason."))
        return _back(ticket)
    with _refusals(request):
        scope.decide_scope(
            ticket, form.cleaned_data["in_scope"], form.cleaned_data["reason"], user_of(request)
        )
    return _back(ticket)


@require_POST
@staff_view
def request_quote(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    form = QuoteForm(request.POST)
    if not form.is_valid():
        _refused(request, _errors(form))
        return _back(ticket)
    with _refusals(request):
        quotes.request_quote(
            ticket,
            user_of(request),
            form.cleaned_data["description"],
            form.cleaned_data["hours"],
            form.cleaned_data["fixed_price"],
        )
        messages.success(request, _("Quote sent to the client's administrators."))
    return _back(ticket)


# Desk: agreements and invoices


@staff_view
def agreements(request: HttpRequest) -> HttpResponse:
    rows = Agreement.objects.visible_to(user_of(request)).select_related(
        "organization", "sla_policy"
    )
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    return render(
        request, "billing/agreements.html", {"agreements": rows, "last_month": last_month}
    )


def _visible_agreement(
    request: HttpRequest, pk: int, qs: AgreementQuerySet | None = None
) -> Agreement:
    qs = Agreement.objects.all() if qs is None else qs
    agreement = qs.visible_to(user_of(request)).filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return agreement


def _with_terms(qs: AgreementQuerySet) -> AgreementQuerySet:
    """What an agreement's terms show (its services, its versions), read once for all rows."""
    return qs.select_related("organization__tax", "sla_policy").prefetch_related(
        Prefetch(
            "covered",
            CoveredService.objects.select_related("service").order_by("service__name"),
        ),
        Prefetch(
            "versions",
            AgreementVersion.objects.select_related("created_by").order_by("-number"),
        ),
    )


def _agreement_context(agreement: Agreement) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "agreement": agreement,
        "covered": agreement.covered.all(),
        "versions": agreement.versions.all(),
        "balance": hours.block_balance(agreement, today)
        if agreement.billing == Billing.BLOCK_HOURS
        else None,
        "targets": sorted(agreement.sla_policy.targets.items()),
        "tax": agreement.tax(),
    }


@staff_view
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_agreement(request, pk, _with_terms(Agreement.objects.all()))
    return render(
        request,
        "billing/agreement.html",
        {
            **_agreement_context(row),
            "service_names": Service.names(),  # once, for every version's changes
            "invoices": row.invoices.order_by("-period_start", "-id"),
            "month_form": MonthForm(initial={"month": timezone.localdate().strftime("%Y-%m")}),
            "can_bill": user_of(request).can_manage_settings,
        },
    )


@manager_view
def edit_agreement(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Make an agreement, or change its terms: every change is a new version."""
    user = user_of(request)
    row = _visible_agreement(request, pk) if pk is not None else None
    form = AgreementForm(request.POST or None, instance=row, user=user)
    if request.method == "POST" and form.is_valid():
        if row is None:
            created = actions.create_agreement(
                form.save(commit=False), user, form.service_prices(), form.cleaned_data["note"]
            )
            return redirect("billing:agreement", pk=created.pk)
        before = Agreement.objects.get(pk=row.pk)
        changes = {
            name: form.cleaned_data[name]
            for name in [*form.Meta.fields, "kpi_targets"]
            if name in form.cleaned_data and form.cleaned_data[name] != getattr(before, name)
        }
        with _refusals(request):
            actions.revise(before, user, changes, form.service_prices(), form.cleaned_data["note"])
            messages.success(request, _("Saved; the change is in the history."))
            return redirect("billing:agreement", pk=row.pk)
    return render(
        request,
        "billing/agreement_form.html",
        {"form": form, "agreement": row},
        status=400 if form.errors else 200,
    )


@manager_view
def client_tax(request: HttpRequest, pk: int) -> HttpResponse:
    """The client's VAT: what its invoices carry unless an agreement sets its own."""
    org = desk_org(request, pk)
    row = OrganizationTax.objects.filter(organization=org).first()
    form = OrganizationTaxForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.set_organization_tax(org, data["treatment"], data["rate"], data["note"])
        messages.success(request, _("Saved. Invoices already issued keep the VAT they carry."))
        agreement = org.agreements.order_by("-starts").first()
        if agreement is not None:
            return redirect("billing:agreement", pk=agreement.pk)
        return redirect("billing:agreements")
    return render(
        request,
        "billing/client_tax.html",
        {"form": form, "organization": org},
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
        invoice = invoices.draft_invoice(row, form.cleaned_data["month"])
    except DomainError as exc:
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
    lines = list(row.lines.prefetch_related("tickets", "time_entries"))
    seller, buyer = invoices.parties(row)
    return render(
        request,
        "billing/invoice.html",
        {
            "invoice": row,
            "lines": [line for line in lines if line.kind != "note"],
            "notes": [line.description for line in lines if line.kind == "note"],
            "groups": invoices.tax_groups(lines),
            "seller": seller,
            "buyer": buyer,
            "credit_form": CreditForm(),
            "can_bill": user_of(request).can_manage_settings,
        },
    )


@require_POST
@manager_view
def issue_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_invoice(request, pk)
    with _refusals(request):
        issued = invoices.issue(row, user_of(request))
        messages.success(request, _("Issued as %s.") % issued.display_number)
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
        note = invoices.credit_note(row, user_of(request), form.cleaned_data["reason"])
    except DomainError as exc:
        _refused(request, exc)
        return redirect("billing:invoice", pk=row.pk)
    return redirect("billing:invoice", pk=note.pk)


@staff_view
def invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.pdf_response(_visible_invoice(request, pk))


@staff_view
def invoice_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.csv_response(_visible_invoice(request, pk))


def _issued_invoice(request: HttpRequest, pk: int) -> Invoice:
    # A draft is not an invoice yet: it has no number, no date, nothing to book.
    invoice = _visible_invoice(request, pk)
    if invoice.state != InvoiceState.ISSUED:
        raise Http404
    return invoice


@staff_view
def invoice_ubl(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.ubl_response(_issued_invoice(request, pk))


@staff_view
def invoice_export(request: HttpRequest) -> HttpResponse:
    """The invoices and credit notes issued in a month, one file for the accounts."""
    form = MonthForm(request.GET)
    if not form.is_valid():
        _refused(request, _errors(form))
        return redirect("billing:agreements")
    qs = Invoice.objects.visible_to(user_of(request))
    return documents.period_csv_response(qs, form.cleaned_data["month"])


# Portal: the client's administrators


def _reader_of(request: HttpRequest, qs: TenantQuerySet[Any]) -> User:
    """The viewer, if their role reads these rows at all: the rule the API applies too."""
    user = user_of(request)
    if not qs.readable_by(user):
        raise Http404
    return user


@client_view
def portal_agreements(request: HttpRequest) -> HttpResponse:
    user = _reader_of(request, Agreement.objects.all())
    rows = [_agreement_context(a) for a in _with_terms(Agreement.objects.visible_to(user))]
    quotes = (
        Quote.objects.visible_to(user)
        .filter(state=QuoteState.PENDING)
        .select_related("ticket", "ticket__agreement", "ticket__agreement_version")
    )
    return render(
        request,
        "billing/portal_agreements.html",
        {
            "rows": rows,
            "quotes": quotes,
            "decision_form": DecisionForm(),
            "service_names": Service.names(),  # once, for every version's changes
        },
    )


@client_view
def portal_invoices(request: HttpRequest) -> HttpResponse:
    user = _reader_of(request, Invoice.objects.all())
    rows = Invoice.objects.visible_to(user).select_related("agreement", "credits")
    return render(request, "billing/portal_invoices.html", {"invoices": rows})


@client_view
def portal_invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.pdf_response(_visible_invoice(request, pk))


@client_view
def portal_invoice_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.csv_response(_visible_invoice(request, pk))


@client_view
def portal_invoice_ubl(request: HttpRequest, pk: int) -> HttpResponse:
    return documents.ubl_response(_issued_invoice(request, pk))


@require_POST
@client_view
def portal_decide_quote(request: HttpRequest, pk: int) -> HttpResponse:
    user = _reader_of(request, Quote.objects.all())
    quote = Quote.objects.visible_to(user).select_related("ticket").filter(pk=pk).first()
    if quote is None:
        raise Http404
    form = DecisionForm(request.POST)
    if form.is_valid():
        with _refusals(request):
            quotes.decide_quote(
                quote, user, form.cleaned_data["approve"], form.cleaned_data["note"]
            )
            messages.success(request, _("Thank you: your decision is recorded."))
    return redirect("billing_portal:agreements")
