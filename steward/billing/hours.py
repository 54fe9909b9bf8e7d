"""What an hour of work costs on a ticket, and how much of a month's block of hours is used."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction

from steward.billing.models import BlockAlert, TimeEntry
from steward.billing.months import month_bounds, previous_month
from steward.contracts.models import Agreement, Billing
from steward.desk import events
from steward.desk.models import EventKind, Ticket
from steward.lib.money import ZERO, billable_minutes, hours


@dataclass(frozen=True)
class Rate:
    """What an hour costs on a ticket: the terms of the version it was opened under."""

    hourly: Decimal
    factor: Decimal
    increment: int
    version: int | None = None  # set when these are not the agreement's terms today


def rate_of(entry: TimeEntry, agreement: Agreement) -> Rate:
    return ticket_rate(entry.ticket, agreement)


def ticket_rate(ticket: Ticket, agreement: Agreement) -> Rate:
    """The terms of the version the ticket was opened under, else the agreement's today."""
    today = Rate(
        agreement.hourly_rate, agreement.out_of_hours_multiplier, agreement.increment_minutes
    )
    version = ticket.agreement_version if ticket.agreement_version_id else None
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


def billed_minutes(entry: TimeEntry, agreement: Agreement) -> int:
    return billable_minutes(entry.minutes or 0, rate_of(entry, agreement).increment)


def billable_entries(agreement: Agreement, start: datetime, end: datetime) -> list[TimeEntry]:
    """Billable time done on the agreement's tickets between two instants, oldest first."""
    return list(
        TimeEntry.objects.done()
        .filter(ticket__agreement=agreement, billable=True)
        .between(start, end)
        .select_related("ticket__agreement_version", "quote")
        .order_by("started_at", "id")
    )


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
    return sum(
        (
            hours(billed_minutes(e, agreement))
            for e in billable_entries(agreement, start, end)
            if e.in_scope
        ),
        ZERO,
    )


def block_balance(agreement: Agreement, month: date) -> Balance:
    """Hours of the month's block used and left (plus last month's rollover, if allowed)."""
    carried = ZERO
    if agreement.rollover:
        previous = previous_month(month)
        if previous >= agreement.starts.replace(day=1):
            unused = agreement.block_hours - _used_hours(agreement, previous)
            carried = max(unused, ZERO)
    return Balance(agreement.block_hours, carried, _used_hours(agreement, month))


BLOCK_THRESHOLDS = (80, 100)


def check_block(agreement: Agreement, month: date, ticket: Ticket) -> list[int]:
    """Tell the client's administrators, once per month and threshold, that the block of
    hours is 80% or fully used: an event on `ticket`, whose time crossed the threshold, that
    mail announces. Returns the thresholds newly announced."""
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
                # In the alert's savepoint: the event (and the mail written when it is handed
                # over) exists exactly when the once-per-month row does.
                events.record(
                    ticket,
                    EventKind.BLOCK_HOURS,
                    agreement=agreement.pk,
                    month=month.replace(day=1).isoformat(),
                    threshold=threshold,
                    used=str(balance.used),
                    available=str(balance.available),
                )
        except IntegrityError:
            continue
        announced.append(threshold)
    return announced
