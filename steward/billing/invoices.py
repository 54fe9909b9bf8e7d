"""Invoices and credit notes: a month's bill drafted from the agreement and the time logged,
numbered without gaps when issued, and never edited after: corrections are credit notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Provider, User
from steward.billing.hours import Rate, billable_entries, billed_minutes, block_balance, rate_of
from steward.billing.models import Invoice, InvoiceCounter, InvoiceLine, InvoiceState, TimeEntry
from steward.billing.months import month_bounds
from steward.contracts.actions import version_of
from steward.contracts.models import NO_TAX, Agreement, Billing, Tax
from steward.lib.errors import DomainError
from steward.lib.formats import format_number
from steward.lib.money import CENT, ZERO, billable_minutes, hours, line_amount, money, total


@dataclass
class Line:
    kind: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    entries: list[TimeEntry] = field(default_factory=list)
    tax: Tax = NO_TAX

    @property
    def amount(self) -> Decimal:
        return line_amount(self.quantity, self.unit_price)


@dataclass(frozen=True)
class TaxGroup:
    """The lines of one VAT rate (and treatment): their net, and the VAT on it."""

    tax: Tax
    net: Decimal
    amount: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.amount


def vat(net: Decimal, rate: Decimal) -> Decimal:
    """VAT on the net of one rate, rounded half-up to the cent once per rate (EN 16931
    BR-CO-17), not per line: the per-rate amounts then add up to the invoice's VAT."""
    amount = (net * rate / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)
    return amount if amount else ZERO  # a credit's 0 % is 0.00, not -0.00


def tax_groups(lines: Iterable[InvoiceLine]) -> list[TaxGroup]:
    """The invoice's VAT breakdown, one group per treatment, rate and note, in line order."""
    nets: dict[Tax, Decimal] = {}
    for line in lines:
        if line.kind == "note":
            continue
        nets[line.tax] = nets.get(line.tax, ZERO) + line.amount
    return [TaxGroup(tax, net, vat(net, tax.rate)) for tax, net in nets.items()]


def _number(value: Decimal) -> str:
    """10 or 12,5 as the client's language writes it (for line descriptions)."""
    return format_number(value)


def users_at(agreement: Agreement, at: datetime) -> int:
    """Users counted for per-user billing: the organization's headcount (the people working
    there, as the agreements list and the value page count them); only when it is not known,
    the active portal accounts that existed at `at`."""
    if agreement.organization.headcount is not None:
        return agreement.organization.headcount
    return User.objects.filter(
        organization=agreement.organization, is_active=True, date_joined__lt=at
    ).count()


def _time_lines(agreement: Agreement, entries: list[TimeEntry], label: str) -> list[Line]:
    """Time at the hourly rate, out-of-hours at the multiplier, one line each; tickets
    opened under earlier terms keep their rate, on lines of their own."""
    groups: dict[tuple[Rate, bool], list[TimeEntry]] = {}
    for entry in entries:
        groups.setdefault((rate_of(entry, agreement), entry.out_of_hours), []).append(entry)
    lines = []
    order = sorted(groups, key=lambda k: (k[0].version is not None, k[0].version or 0, k[1]))
    for rate, late in order:
        group = groups[(rate, late)]
        text = label
        if rate.version is not None:
            text = _("%(label)s, at the rate of terms version %(n)s") % {
                "label": label,
                "n": rate.version,
            }
        if late:
            text = _("%(label)s, out of hours (x%(factor)s)") % {
                "label": text,
                "factor": _number(rate.factor),
            }
        lines.append(
            Line(
                "time_out_of_hours" if late else "time",
                text,
                sum((hours(billable_minutes(e.minutes or 0, rate.increment)) for e in group), ZERO),
                _("h"),
                money(rate.hourly * rate.factor) if late else rate.hourly,
                group,
            )
        )
    return lines


def invoice_lines(agreement: Agreement, month: date) -> list[Line]:
    """What the month costs under the agreement; pure reading, nothing written."""
    start, end, _last_day = month_bounds(month, agreement.organization.timezone)
    lines: list[Line] = []
    if agreement.billing == Billing.MANAGED_USER:
        count = users_at(agreement, start)
        lines.append(
            Line(
                "managed",
                _("Managed service, per user"),
                Decimal(count),
                _("user"),
                agreement.unit_price,
            )
        )
    elif agreement.billing == Billing.MANAGED_DEVICE:
        lines.append(
            Line(
                "managed",
                _("Managed service, per device"),
                Decimal(agreement.devices),
                _("device"),
                agreement.unit_price,
            )
        )
    if agreement.monthly_fee > 0:
        label = (
            _("Block of %s hours") % _number(agreement.block_hours)
            if agreement.billing == Billing.BLOCK_HOURS
            else _("Monthly fee")
        )
        lines.append(Line("fee", label, Decimal(1), _("month"), agreement.monthly_fee))
    for covered in agreement.covered.select_related("service").order_by("service__name"):
        if covered.price > 0:
            lines.append(
                Line("service", covered.service.name, Decimal(1), _("month"), covered.price)
            )
    entries = billable_entries(agreement, start, end)
    scoped = [e for e in entries if e.in_scope]
    extra = [e for e in entries if not e.in_scope]
    if agreement.billing == Billing.BREAK_FIX:
        lines += _time_lines(agreement, entries, _("Support time"))
        extra = []
    elif agreement.billing == Billing.BLOCK_HOURS:
        available = block_balance(agreement, month).available
        if scoped:
            used = sum((hours(billed_minutes(e, agreement)) for e in scoped), ZERO)
            lines.append(
                Line(
                    "drawdown",
                    _("Hours used from the block (%s available)") % _number(available),
                    used,
                    _("h"),
                    ZERO,
                    scoped,
                )
            )
        lines += _overage(agreement, scoped, available)
    elif agreement.included_hours > 0:
        # Managed with a cap on included hours; 0 means support is unlimited.
        lines += _overage(agreement, scoped, agreement.included_hours)
    fixed: dict[int, list[TimeEntry]] = {}
    by_hours: list[TimeEntry] = []
    for entry in extra:
        if entry.quote is not None and entry.quote.fixed_price is not None:
            fixed.setdefault(entry.quote_id or 0, []).append(entry)
        else:
            by_hours.append(entry)
    lines += _time_lines(agreement, by_hours, _("Approved work outside the agreement"))
    for group in fixed.values():
        quote = group[0].quote
        assert quote is not None and quote.fixed_price is not None
        lines.append(
            Line(
                "quote",
                _("Fixed-price work: %s") % quote.description[:200],
                Decimal(1),
                _("job"),
                quote.fixed_price,
                group,
            )
        )
    return lines


def _overage(agreement: Agreement, entries: list[TimeEntry], allowance: Decimal) -> list[Line]:
    """Time beyond the hours the fee includes, billed at the rate; the entries that crossed
    the line are listed on it."""
    used = ZERO
    over: list[TimeEntry] = []
    over_hours = ZERO
    for entry in entries:
        spent = hours(billed_minutes(entry, agreement))
        beyond = max(used + spent - max(allowance, used), ZERO)
        used += spent
        if beyond > 0:
            over.append(entry)
            over_hours += beyond
    if not over:
        return []
    return [
        Line(
            "overage",
            _("Hours beyond the %s included") % _number(allowance),
            over_hours,
            _("h"),
            agreement.hourly_rate,
            over,
        )
    ]


def draft_invoice(agreement: Agreement, month: date) -> Invoice:
    """Make (or remake) the month's draft; an issued invoice is never touched."""
    start, _end, last_day = month_bounds(month, agreement.organization.timezone)
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update()
            .standing()
            .filter(agreement=agreement, period_start=start.date())
            .first()
        )
        if invoice is not None and invoice.state == InvoiceState.ISSUED:
            raise DomainError(
                _("%(number)s is issued; correct it with a credit note.")
                % {"number": invoice.display_number},
                "month",
            )
        if invoice is None:
            invoice = Invoice.objects.create(
                organization=agreement.organization,
                agreement=agreement,
                version=version_of(agreement),
                period_start=start.date(),
                period_end=last_day,
                currency=agreement.currency,
            )
        else:
            invoice.lines.all().delete()
            invoice.version = version_of(agreement)
        _write_lines(invoice, _lines_for(agreement, month))
    return invoice


def _lines_for(agreement: Agreement, month: date) -> list[Line]:
    # Lines are written in the client's language: the invoice is theirs.
    with translation.override(agreement.organization.language):
        lines = invoice_lines(agreement, month)
    tax = agreement.tax()
    for line in lines:
        line.tax = tax
    return lines


def _key(line: Line | InvoiceLine, entries: Iterable[TimeEntry]) -> tuple[Any, ...]:
    # As _write_lines stores it: the description cut to its column.
    return (
        line.kind,
        str(line.description)[:300],
        line.quantity,
        str(line.unit),
        line.unit_price,
        tuple(line.tax),
        sorted(e.pk for e in entries),
    )


def is_stale(invoice: Invoice) -> bool:
    """Whether the draft no longer says what the month costs: time logged, changed or
    removed, or the terms (tax included) revised, since it was made."""
    fresh = [
        _key(line, line.entries) for line in _lines_for(invoice.agreement, invoice.period_start)
    ]
    stored = [
        _key(row, row.time_entries.all())
        for row in invoice.lines.prefetch_related("time_entries").order_by("id")
    ]
    return fresh != stored


def refresh_draft(agreement: Agreement | None, day: date) -> None:
    """Keep the month's draft, if there is one, in step with the time logged for it."""
    if agreement is None:
        return
    month = day.replace(day=1)
    drafts = Invoice.objects.standing().filter(
        agreement=agreement, period_start=month, state=InvoiceState.DRAFT
    )
    if drafts.exists():
        draft_invoice(agreement, month)


def _write_lines(invoice: Invoice, lines: list[Line], sign: int = 1) -> None:
    rows = []
    for line in lines:
        row = InvoiceLine.objects.create(
            invoice=invoice,
            kind=line.kind,
            description=line.description[:300],
            quantity=line.quantity,
            unit=line.unit,
            unit_price=line.unit_price * sign,
            amount=line.amount * sign,
            tax_treatment=line.tax.treatment,
            tax_rate=line.tax.rate,
            tax_note=line.tax.note,
        )
        if line.entries:
            row.time_entries.set(line.entries)
            row.tickets.set({e.ticket_id for e in line.entries})
        rows.append(row)
    _add_up(invoice, rows)
    invoice.save(update_fields=["net", "tax", "total", "version"])


def _add_up(invoice: Invoice, rows: list[InvoiceLine]) -> None:
    invoice.net = total([row.amount for row in rows])
    invoice.tax = total([group.amount for group in tax_groups(rows)])
    invoice.total = invoice.net + invoice.tax


def seller_details(provider: Provider) -> dict[str, Any]:
    """The provider as an invoice names it (snapshot kept on the invoice)."""
    fields = ["name", "legal_name", "address", "country", "tax_id", "company_id", "email",
              "phone", "website", "bank_name", "iban", "bic", "payment_details",
              "invoice_footer"]  # fmt: skip
    details: dict[str, Any] = {name: getattr(provider, name) for name in fields}
    details["legal_name"] = provider.legal_name or provider.name
    details["logo"] = provider.logo.name if provider.logo else ""
    details["payment_terms_days"] = provider.payment_terms_days
    return details


def buyer_details(org: Organization) -> dict[str, Any]:
    """The client as an invoice names it (snapshot kept on the invoice)."""
    return {
        "name": org.name,
        "code": org.code,
        "legal_name": org.legal_name or org.name,
        "address": org.billing_address,
        "country": org.country,
        "tax_id": org.tax_id,
    }


def parties(invoice: Invoice) -> tuple[dict[str, Any], dict[str, Any]]:
    """Seller and buyer: as issued, or (a draft) as they stand now."""
    if invoice.state == InvoiceState.ISSUED and invoice.seller:
        return invoice.seller, invoice.buyer
    return seller_details(Provider.current()), buyer_details(invoice.organization)


def _next_number() -> int:
    InvoiceCounter.objects.get_or_create(name="invoices")
    table = connection.ops.quote_name(InvoiceCounter._meta.db_table)
    with connection.cursor() as cursor:
        # The row lock (PostgreSQL) or write lock (SQLite) holds until commit: a number is
        # taken by exactly one invoice, and a rolled-back issue gives its number back.
        cursor.execute(
            f"UPDATE {table} SET last = last + 1 WHERE name = %s RETURNING last", ["invoices"]
        )
        row = cursor.fetchone()
    return int(row[0])


def issue(invoice: Invoice, by: User) -> Invoice:
    """Give the draft the next number and freeze it."""
    if not by.can_manage_settings:
        raise DomainError(_("Only provider admins and managers issue invoices."), forbidden=True)
    if invoice.state == InvoiceState.DRAFT and not invoice.is_credit_note and is_stale(invoice):
        # Never issue what the manager did not see: remake it and let them look again.
        draft_invoice(invoice.agreement, invoice.period_start)
        raise DomainError(
            _(
                "The month changed since this draft was made (time or terms); it has been "
                "drafted again. Review it, then issue."
            ),
            "state",
        )
    with transaction.atomic():
        locked = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("organization")
            .get(pk=invoice.pk)
        )
        if locked.state == InvoiceState.ISSUED:
            raise DomainError(
                _("%(number)s is already issued.") % {"number": locked.display_number}, "state"
            )
        locked.number = _next_number()
        locked.state = InvoiceState.ISSUED
        locked.issued_at = timezone.now()
        locked.issued_by = by
        provider = Provider.current()
        org = locked.organization
        locked.issue_date = timezone.localdate(locked.issued_at, ZoneInfo(org.timezone))
        if not locked.is_credit_note:
            locked.due_date = locked.issue_date + timedelta(days=provider.payment_terms_days)
        locked.seller = seller_details(provider)
        locked.buyer = buyer_details(org)
        locked.save(
            update_fields=["number", "state", "issued_at", "issued_by", "issue_date",
                           "due_date", "seller", "buyer"]
        )  # fmt: skip
    return locked


def credit_note(invoice: Invoice, by: User, reason: str) -> Invoice:
    """Cancel an issued invoice in full with a numbered credit note (never an edit)."""
    if invoice.state != InvoiceState.ISSUED or invoice.is_credit_note:
        raise DomainError(_("Only an issued invoice can be credited."), "invoice")
    if not reason.strip():
        raise DomainError(_("reason: say why the invoice is credited."), "reason")
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.credited:
            raise DomainError(
                _("%(number)s is already credited.") % {"number": locked.display_number}, "invoice"
            )
        locked.credited = True
        locked.save(update_fields=["credited"])
        note = Invoice.objects.create(
            organization=invoice.organization,
            agreement=invoice.agreement,
            version=invoice.version,
            period_start=invoice.period_start,
            period_end=invoice.period_end,
            currency=invoice.currency,
            credits=invoice,
        )
        with translation.override(invoice.organization.language):
            credit_lines = [
                Line(
                    row.kind,
                    (_("Credit: %s") % row.description)[:300],
                    row.quantity,
                    row.unit,
                    row.unit_price,
                    list(row.time_entries.all()),
                    row.tax,
                )
                for row in invoice.lines.all()
            ]
            reason_text = (_("Reason: %s") % reason.strip())[:300]
        _write_lines(note, credit_lines, sign=-1)
        InvoiceLine.objects.create(
            invoice=note,
            kind="note",
            description=reason_text,
            quantity=Decimal(0),
            unit="",
            unit_price=ZERO,
            amount=ZERO,
        )
        return issue(note, by)
