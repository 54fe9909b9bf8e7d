"""Agreement workflows: versions, the scope register, quotes, time and invoices.

Tickets are reached through their foreign keys only: `contracts` comes before `desk` in the
import order, so nothing here imports the desk.
"""

from __future__ import annotations

import calendar as month_calendar
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from steward.accounts.models import Role, User
from steward.contracts.models import (
    FIRST_VERSION,
    TERM_FIELDS,
    Agreement,
    AgreementVersion,
    Billing,
    CoveredService,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    InvoiceState,
    Quote,
    QuoteState,
    ScopeDecision,
    Service,
    TimeEntry,
)
from steward.lib.money import ZERO, billable_minutes, hours, line_amount, money, total
from steward.sla.models import BusinessCalendar

if TYPE_CHECKING:
    from steward.desk.models import Ticket


class ContractError(ValueError):
    """A request the agreement's rules refuse; `field` names the input at fault."""

    def __init__(self, message: str, field: str = "", forbidden: bool = False) -> None:
        super().__init__(message)
        self.field = field
        self.forbidden = forbidden


# Versions


def _diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"field": key, "from": before.get(key), "to": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


def record_version(agreement: Agreement, by: User | None, note: str = "") -> AgreementVersion:
    """Snapshot the agreement's terms as its next version, with what changed since the last."""
    last = agreement.versions.order_by("-number").first()
    terms = agreement.terms()
    changes = _diff(last.terms, terms) if last else []
    if last is not None and not changes:
        return last
    return AgreementVersion.objects.create(
        agreement=agreement,
        number=(last.number + 1) if last else 1,
        terms=terms,
        changes=changes,
        note=note[:500],
        created_by=by,
    )


def version_of(agreement: Agreement) -> AgreementVersion:
    """The version in force now; agreements made before versions existed get their first."""
    return agreement.current_version() or record_version(agreement, None, FIRST_VERSION)


def set_services(agreement: Agreement, prices: dict[str, Decimal]) -> None:
    """Cover exactly these catalogue services (code -> monthly price)."""
    found = {s.code: s for s in Service.objects.filter(code__in=prices)}
    unknown = sorted(set(prices) - set(found))
    if unknown:
        raise ContractError(f"services: no service with the code {', '.join(unknown)}.", "services")
    if any(Decimal(price) < 0 for price in prices.values()):
        raise ContractError("services: a price cannot be negative.", "services")
    agreement.covered.exclude(service__code__in=prices).delete()
    for code, price in prices.items():
        CoveredService.objects.update_or_create(
            agreement=agreement, service=found[code], defaults={"price": money(price)}
        )


def revise(
    agreement: Agreement,
    by: User | None,
    changes: dict[str, Any],
    services: dict[str, Decimal] | None = None,
    note: str = "",
) -> AgreementVersion:
    """Change the terms; every change is a new version saying who, when and what."""
    allowed = {*TERM_FIELDS, "name", "ends", "sla_policy"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ContractError(f"{unknown[0]}: not a term of an agreement.", unknown[0])
    with transaction.atomic():
        version_of(agreement)  # So that the change is measured against the terms before it.
        for key, value in changes.items():
            setattr(agreement, key, value)
        agreement.full_clean()
        agreement.save()
        if services is not None:
            set_services(agreement, services)
        return record_version(agreement, by, note)


# Scope


@dataclass(frozen=True)
class Scope:
    in_scope: bool
    reason: str
    decided_by: User | None = None


def scope_of(ticket: Ticket) -> Scope:
    """Staff's latest decision, else the default from the agreement and the ticket's service."""
    decision = ticket.scope.select_related("decided_by").first()
    if decision is not None:
        return Scope(decision.in_scope, decision.reason, decision.decided_by)
    agreement = ticket.agreement
    if agreement is None:
        return Scope(False, "No agreement was in force when the ticket was opened.")
    if agreement.billing == Billing.BREAK_FIX:
        return Scope(True, "Break-fix agreement: all work is billed by the hour.")
    if ticket.service_id is None:
        return Scope(True, "Covered by the agreement (no specific service).")
    covered = agreement.covered.filter(service_id=ticket.service_id).exists()
    name = ticket.service.name if ticket.service else ""
    if covered:
        return Scope(True, f"{name} is a covered service.")
    return Scope(False, f"{name} is not among the agreement's covered services.")


def decide_scope(ticket: Ticket, in_scope: bool, reason: str, by: User) -> ScopeDecision:
    if not by.is_provider:
        raise ContractError("Only provider staff decide scope.", "in_scope", forbidden=True)
    if not reason.strip():
        raise ContractError("reason: say why.", "reason")
    return ScopeDecision.objects.create(
        ticket=ticket, in_scope=in_scope, reason=reason.strip()[:500], decided_by=by
    )


# Quotes


def request_quote(
    ticket: Ticket,
    by: User,
    description: str,
    hours_estimate: Decimal | None = None,
    fixed_price: Decimal | None = None,
) -> Quote:
    if not by.is_provider:
        raise ContractError("Only provider staff write quotes.", "description", forbidden=True)
    if (hours_estimate is None) == (fixed_price is None):
        raise ContractError("Give either an estimate of hours or a fixed price.", "hours")
    if not description.strip():
        raise ContractError("description: say what the work is.", "description")
    from steward.mail import outbound  # contracts runs before mail: an explicit call.

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
        raise ContractError(
            "Only the client's administrators approve quotes.", "approve", forbidden=True
        )
    if quote.state != QuoteState.PENDING:
        raise ContractError(f"This quote was already {quote.state}.", "approve")
    quote.state = QuoteState.APPROVED if approve else QuoteState.DECLINED
    quote.decided_by = by
    quote.decided_at = timezone.now()
    quote.decision_note = note.strip()[:500]
    quote.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    return quote


# Time


def calendar_of(agreement: Agreement | None, ticket: Ticket) -> BusinessCalendar:
    if agreement is not None and agreement.sla_policy.calendar is not None:
        return agreement.sla_policy.calendar
    org = ticket.organization
    return org.calendar or BusinessCalendar.always_open(tz=org.timezone)


def is_out_of_hours(ticket: Ticket, at: datetime) -> bool:
    return not calendar_of(ticket.agreement, ticket).compiled().is_open(at)


def log_time(
    ticket: Ticket,
    user: User,
    minutes: int,
    description: str,
    started_at: datetime | None = None,
    billable: bool = True,
) -> TimeEntry:
    """Record work done. Billable work outside the agreement's scope needs an approved
    quote first: the client agreed to pay for it before it was done."""
    if not user.is_provider:
        raise ContractError("Only provider staff log time.", "minutes", forbidden=True)
    if not 1 <= minutes <= 24 * 60:
        raise ContractError("minutes: between 1 and 1440.", "minutes")
    if not description.strip():
        raise ContractError("description: say what was done.", "description")
    now = timezone.now()
    started_at = started_at or now - timedelta(minutes=minutes)
    if started_at + timedelta(minutes=minutes) > now + timedelta(minutes=5):
        raise ContractError("started_at: work logged has to be done already.", "started_at")
    _refuse_invoiced_period(ticket, started_at)
    scope = scope_of(ticket)
    quote = _approved_quote(ticket) if billable and not scope.in_scope else None
    with transaction.atomic():
        entry = TimeEntry.objects.create(
            ticket=ticket,
            user=user,
            started_at=started_at,
            minutes=minutes,
            description=description.strip()[:500],
            billable=billable,
            in_scope=scope.in_scope,
            out_of_hours=is_out_of_hours(ticket, started_at),
            quote=quote,
        )
        if billable:
            _time_changed(entry)
    return entry


def _approved_quote(ticket: Ticket) -> Quote:
    """Billable time out of scope bills against the client's latest approved quote."""
    quote = ticket.quotes.approved().order_by("-decided_at").first()
    if quote is None:
        raise ContractError(
            "This ticket is out of scope: billable time needs a quote the client approved.",
            "billable",
        )
    return quote


def _day_of(ticket: Ticket, at: datetime) -> date:
    """The client's calendar day at `at`: the month time is billed in."""
    return timezone.localtime(at, zoneinfo.ZoneInfo(ticket.organization.timezone)).date()


def _time_changed(entry: TimeEntry) -> None:
    """Billable time was logged, corrected or removed: the block's alerts and the month's
    draft follow."""
    ticket = entry.ticket
    if ticket.agreement is not None:
        day = _day_of(ticket, entry.started_at)
        check_block(ticket.agreement, day)
        refresh_draft(ticket.agreement, day)


def _billed_on(entry: TimeEntry) -> Invoice | None:
    return Invoice.objects.issued().standing().filter(lines__time_entries=entry).first()


def _may_correct(entry: TimeEntry, user: User) -> None:
    if not user.is_provider:
        raise ContractError("Only provider staff correct time.", forbidden=True)
    if entry.user_id != user.pk and not user.can_manage_settings:
        raise ContractError(
            "Only the person who logged the time, or a manager, corrects it.", forbidden=True
        )
    invoice = _billed_on(entry)
    if invoice is not None:
        raise ContractError(
            f"This time is billed on {invoice.display_number}; credit the invoice first.",
            "minutes",
        )


def _note_correction(entry: TimeEntry, user: User, **data: Any) -> None:
    # desk comes after contracts in the import order: the event model is looked up by name.
    event_model: Any = apps.get_model("desk", "TicketEvent")
    event_model.objects.create(
        ticket_id=entry.ticket_id, kind="time", actor=user, data={"entry": entry.pk, **data}
    )


def correct_time(
    entry: TimeEntry,
    user: User,
    minutes: int | None = None,
    description: str | None = None,
    billable: bool | None = None,
) -> TimeEntry:
    """Correct a logged entry (not a running timer, not time already invoiced); the ticket's
    history records what it was."""
    _may_correct(entry, user)
    if entry.minutes is None:
        raise ContractError("This timer is running: stop it first.", "minutes")
    if minutes is not None and not 1 <= minutes <= 24 * 60:
        raise ContractError("minutes: between 1 and 1440.", "minutes")
    if description is not None and not description.strip():
        raise ContractError("description: say what was done.", "description")
    if billable and not entry.billable and not entry.in_scope and entry.quote is None:
        entry.quote = _approved_quote(entry.ticket)
    wanted = {
        "minutes": minutes,
        "description": description.strip()[:500] if description is not None else None,
        "billable": billable,
    }
    changed = {
        field: [getattr(entry, field), value]
        for field, value in wanted.items()
        if value is not None and value != getattr(entry, field)
    }
    if not changed:
        return entry
    with transaction.atomic():
        for field, (_before, after) in changed.items():
            setattr(entry, field, after)
        entry.save(update_fields=[*changed, "quote"])
        _note_correction(entry, user, action="changed", changes=changed)
        _time_changed(entry)
    return entry


def remove_time(entry: TimeEntry, user: User) -> None:
    """Remove an entry logged by mistake, or discard a running timer; not time already
    invoiced. The ticket's history keeps what was removed."""
    _may_correct(entry, user)
    with transaction.atomic():
        _note_correction(
            entry,
            user,
            action="removed",
            minutes=entry.minutes,
            description=entry.description,
            started_at=entry.started_at.isoformat(),
        )
        entry.delete()
        _time_changed(entry)


def _refuse_invoiced_period(ticket: Ticket, started_at: datetime) -> None:
    """Time in a month already invoiced would never be billed: say so instead."""
    if ticket.agreement_id is None:
        return
    day = _day_of(ticket, started_at)
    issued = (
        Invoice.objects.issued()
        .standing()
        .filter(agreement_id=ticket.agreement_id, period_start__lte=day, period_end__gte=day)
        .first()
    )
    if issued is not None:
        raise ContractError(
            f"started_at: {day:%B %Y} is invoiced ({issued.display_number}); log the time in "
            "an open month, or credit the invoice first.",
            "started_at",
        )


BLOCK_THRESHOLDS = (80, 100)


def check_block(agreement: Agreement, month: date) -> list[int]:
    """Tell the client's administrators, once per month and threshold, that the block of
    hours is 80% or fully used. Returns the thresholds newly announced."""
    from django.db import IntegrityError

    from steward.contracts.models import BlockAlert

    if agreement.billing != Billing.BLOCK_HOURS:
        return []
    balance = block_balance(agreement, month)
    announced = []
    for threshold in BLOCK_THRESHOLDS:
        if balance.percent < threshold:
            continue
        try:
            with transaction.atomic():
                BlockAlert.objects.create(
                    agreement=agreement, month=month.replace(day=1), threshold=threshold
                )
                _mail_block_alert(agreement, balance, threshold)
        except IntegrityError:
            continue
        announced.append(threshold)
    return announced


def _mail_block_alert(agreement: Agreement, balance: Balance, threshold: int) -> None:
    # contracts runs before mail in the import order: an explicit call, made lazily.
    from steward.mail import outbound

    outbound.block_hours(agreement, balance.used, balance.available, threshold)


def start_timer(ticket: Ticket, user: User, description: str = "") -> TimeEntry:
    if not user.is_provider:
        raise ContractError("Only provider staff log time.", "ticket", forbidden=True)
    if TimeEntry.objects.running().filter(user=user).exists():
        raise ContractError("Your timer is already running; stop it first.", "ticket")
    now = timezone.now()
    return TimeEntry.objects.create(
        ticket=ticket,
        user=user,
        started_at=now,
        minutes=None,
        description=description.strip()[:500] or "Work on the ticket",
        billable=True,
        in_scope=scope_of(ticket).in_scope,
        out_of_hours=is_out_of_hours(ticket, now),
    )


def stop_timer(user: User, billable: bool = True) -> TimeEntry:
    entry = TimeEntry.objects.running().filter(user=user).select_related("ticket").first()
    if entry is None:
        raise ContractError("No timer is running.", "ticket")
    elapsed = timezone.now() - entry.started_at
    minutes = max(1, -(-int(elapsed.total_seconds()) // 60))
    # A timer run on out-of-scope work without an approved quote still records the work,
    # as not billable, rather than refusing to stop.
    ticket = entry.ticket
    if billable and not scope_of(ticket).in_scope and not ticket.quotes.approved().exists():
        billable = False
    with transaction.atomic():
        entry.delete()
        return log_time(
            entry.ticket,
            user,
            min(minutes, 24 * 60),
            entry.description,
            started_at=entry.started_at,
            billable=billable,
        )


# Months and balances


def month_bounds(month: date, tz: str) -> tuple[datetime, datetime, date]:
    """(start, end) instants of a calendar month in the client's time zone, and its last day."""
    first = month.replace(day=1)
    last_day = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
    zone = zoneinfo.ZoneInfo(tz)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    return start, end, last_day


def _entries(agreement: Agreement, start: datetime, end: datetime) -> list[TimeEntry]:
    return list(
        TimeEntry.objects.done()
        .filter(ticket__agreement=agreement, billable=True)
        .between(start, end)
        .select_related("ticket__agreement_version", "quote")
        .order_by("started_at", "id")
    )


@dataclass(frozen=True)
class Rate:
    """What an hour costs on a ticket: the terms of the version it was opened under."""

    hourly: Decimal
    factor: Decimal
    increment: int
    version: int | None = None  # set when these are not the agreement's terms today


def rate_of(entry: TimeEntry, agreement: Agreement) -> Rate:
    today = Rate(
        agreement.hourly_rate, agreement.out_of_hours_multiplier, agreement.increment_minutes
    )
    version = entry.ticket.agreement_version if entry.ticket.agreement_version_id else None
    if version is None or version.agreement_id != agreement.pk:
        return today
    try:
        kept = Rate(
            Decimal(version.terms["hourly_rate"]),
            Decimal(version.terms["out_of_hours_multiplier"]),
            int(version.terms["increment_minutes"]),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return today  # a version recorded before these terms existed
    if kept == today:
        return today
    return Rate(kept.hourly, kept.factor, kept.increment, version.number)


def _billed_minutes(entry: TimeEntry, agreement: Agreement) -> int:
    return billable_minutes(entry.minutes or 0, rate_of(entry, agreement).increment)


@dataclass
class Balance:
    block: Decimal
    carried: Decimal
    used: Decimal

    @property
    def available(self) -> Decimal:
        return self.block + self.carried

    @property
    def left(self) -> Decimal:
        return self.available - self.used

    @property
    def percent(self) -> int:
        if self.available <= 0:
            return 100 if self.used > 0 else 0
        return int(self.used * 100 / self.available)


def _used_hours(agreement: Agreement, month: date) -> Decimal:
    start, end, _last = month_bounds(month, agreement.organization.timezone)
    used = sum(
        (
            hours(_billed_minutes(e, agreement))
            for e in _entries(agreement, start, end)
            if e.in_scope
        ),
        ZERO,
    )
    return used


def block_balance(agreement: Agreement, month: date) -> Balance:
    """Hours of the month's block used and left (plus last month's rollover, if allowed)."""
    carried = ZERO
    if agreement.rollover:
        previous = (month.replace(day=1) - timedelta(days=1)).replace(day=1)
        if previous >= agreement.starts.replace(day=1):
            unused = agreement.block_hours - _used_hours(agreement, previous)
            carried = max(unused, ZERO)
    return Balance(agreement.block_hours, carried, _used_hours(agreement, month))


# Invoices


@dataclass
class Line:
    kind: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    entries: list[TimeEntry] = field(default_factory=list)

    @property
    def amount(self) -> Decimal:
        return line_amount(self.quantity, self.unit_price)


def _number(value: Decimal) -> str:
    """10 or 12,5 as the client's language writes it (for line descriptions)."""
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    return str(number_format(value, use_l10n=True))


def users_at(agreement: Agreement, at: datetime) -> int:
    """Client users counted for per-user billing: active accounts that existed at `at`."""
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
    entries = _entries(agreement, start, end)
    scoped = [e for e in entries if e.in_scope]
    extra = [e for e in entries if not e.in_scope]
    if agreement.billing == Billing.BREAK_FIX:
        lines += _time_lines(agreement, entries, _("Support time"))
        extra = []
    elif agreement.billing == Billing.BLOCK_HOURS:
        available = block_balance(agreement, month).available
        if scoped:
            used = sum((hours(_billed_minutes(e, agreement)) for e in scoped), ZERO)
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
        spent = hours(_billed_minutes(entry, agreement))
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
            raise ContractError(
                f"{invoice.display_number} is issued; correct it with a credit note.", "month"
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
        return invoice_lines(agreement, month)


def _key(line: Line | InvoiceLine, entries: Iterable[TimeEntry]) -> tuple[Any, ...]:
    # As _write_lines stores it: the description cut to its column.
    return (
        line.kind,
        str(line.description)[:300],
        line.quantity,
        str(line.unit),
        line.unit_price,
        sorted(e.pk for e in entries),
    )


def is_stale(invoice: Invoice) -> bool:
    """Whether the draft no longer says what the month costs: time logged, changed or
    removed, or the terms revised, since it was made."""
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
    amounts = []
    for line in lines:
        row = InvoiceLine.objects.create(
            invoice=invoice,
            kind=line.kind,
            description=line.description[:300],
            quantity=line.quantity,
            unit=line.unit,
            unit_price=line.unit_price * sign,
            amount=line.amount * sign,
        )
        if line.entries:
            row.time_entries.set(line.entries)
            row.tickets.set({e.ticket_id for e in line.entries})
        amounts.append(row.amount)
    invoice.total = total(amounts)
    invoice.save(update_fields=["total", "version"])


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
        raise ContractError("Only provider admins and managers issue invoices.", forbidden=True)
    if invoice.state == InvoiceState.DRAFT and not invoice.is_credit_note and is_stale(invoice):
        # Never issue what the manager did not see: remake it and let them look again.
        draft_invoice(invoice.agreement, invoice.period_start)
        raise ContractError(
            "The month changed since this draft was made (time or terms); it has been "
            "drafted again. Review it, then issue.",
            "state",
        )
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.state == InvoiceState.ISSUED:
            raise ContractError(f"{locked.display_number} is already issued.", "state")
        locked.number = _next_number()
        locked.state = InvoiceState.ISSUED
        locked.issued_at = timezone.now()
        locked.issued_by = by
        locked.save(update_fields=["number", "state", "issued_at", "issued_by"])
    return locked


def credit_note(invoice: Invoice, by: User, reason: str) -> Invoice:
    """Cancel an issued invoice in full with a numbered credit note (never an edit)."""
    if invoice.state != InvoiceState.ISSUED or invoice.is_credit_note:
        raise ContractError("Only an issued invoice can be credited.", "invoice")
    if not reason.strip():
        raise ContractError("reason: say why the invoice is credited.", "reason")
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.credited:
            raise ContractError(f"{locked.display_number} is already credited.", "invoice")
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


# What a managed agreement is worth


@dataclass
class Comparison:
    """One organization over a period: what it paid, what break-fix or managed would have
    cost, and the work its staff lost to outages. Inputs are kept for display and editing."""

    months: int
    users: int
    paid: Decimal
    hours_logged: Decimal
    hours_out_of_hours: Decimal
    break_fix_rate: Decimal
    break_fix_cost: Decimal
    managed_price_per_user: Decimal
    managed_cost: Decimal
    outage_hours: Decimal
    affected_users: int
    hourly_cost_per_user: Decimal
    productivity_lost: Decimal
    outages: list[Any]
    currency: str = "EUR"
    out_of_hours_multiplier: Decimal = Decimal("1.50")

    @property
    def hours_in_office(self) -> Decimal:
        return self.hours_logged - self.hours_out_of_hours

    @property
    def break_fix_total(self) -> Decimal:
        return self.break_fix_cost + self.productivity_lost

    @property
    def rows(self) -> list[tuple[str, Decimal]]:
        return [
            ("paid", self.paid),
            ("break_fix", self.break_fix_cost),
            ("managed", self.managed_cost),
            ("downtime", self.productivity_lost),
        ]


def compare_costs(
    org: Any,
    start: date,
    end: date,
    break_fix_rate: Decimal | None = None,
    managed_price_per_user: Decimal | None = None,
    hourly_cost_per_user: Decimal | None = None,
    affected_users: int | None = None,
) -> Comparison:
    """`start` and `end` are first days of months (end inclusive). Outages are the
    high-impact incidents: opened to resolved (or now)."""
    zone = zoneinfo.ZoneInfo(org.timezone)
    first = datetime.combine(start.replace(day=1), time(0), zone)
    last = month_bounds(end, org.timezone)[1]
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    agreement = org.agreements.order_by("-starts").first()
    rate = (
        break_fix_rate
        if break_fix_rate is not None
        else (agreement.hourly_rate if agreement and agreement.hourly_rate else Decimal("90.00"))
    )
    per_user = (
        managed_price_per_user
        if managed_price_per_user is not None
        else (agreement.unit_price if agreement and agreement.unit_price else Decimal("45.00"))
    )
    multiplier = agreement.out_of_hours_multiplier if agreement else Decimal("1.50")
    increment = agreement.increment_minutes if agreement else 15
    cost_of_hour = (
        hourly_cost_per_user if hourly_cost_per_user is not None else org.hourly_cost_per_user
    )
    users = User.objects.filter(organization=org, is_active=True).count()
    paid = total(
        list(
            org.invoices.issued()
            .filter(period_start__gte=first.date(), period_start__lt=last.date())
            .values_list("total", flat=True)
        )
    )
    entries = TimeEntry.objects.done().filter(ticket__organization=org).between(first, last)
    office_minutes = out_of_hours_minutes = 0
    for entry in entries:
        minutes = billable_minutes(entry.minutes or 0, increment)
        if entry.out_of_hours:
            out_of_hours_minutes += minutes
        else:
            office_minutes += minutes
    break_fix = hours(office_minutes) * rate + hours(out_of_hours_minutes) * rate * multiplier
    ticket_model = org.tickets.model
    outages = list(
        ticket_model.objects.filter(
            organization=org, impact="high", kind="incident", created_at__gte=first,
            created_at__lt=last,
        ).order_by("created_at")
    )  # fmt: skip
    now = timezone.now()
    outage_hours = sum(
        (
            Decimal(int((min(t.resolved_at or now, last) - t.created_at).total_seconds())) / 3600
            for t in outages
        ),
        Decimal(0),
    ).quantize(Decimal("0.1"))
    affected = affected_users if affected_users is not None else users
    return Comparison(
        months=months,
        users=users,
        paid=paid,
        hours_logged=hours(office_minutes + out_of_hours_minutes),
        hours_out_of_hours=hours(out_of_hours_minutes),
        break_fix_rate=money(rate),
        break_fix_cost=money(break_fix),
        managed_price_per_user=money(per_user),
        managed_cost=money(per_user * users * months),
        outage_hours=outage_hours,
        affected_users=affected,
        hourly_cost_per_user=money(cost_of_hour),
        productivity_lost=money(outage_hours * affected * cost_of_hour),
        outages=outages,
        currency=agreement.currency if agreement else "EUR",
        out_of_hours_multiplier=multiplier,
    )
