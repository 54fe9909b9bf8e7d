"""Time on tickets: logged, timed, corrected and removed; billable work outside the scope
needs an approved quote, and a month already invoiced takes no more time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import User
from steward.billing.hours import check_block
from steward.billing.invoices import refresh_draft
from steward.billing.models import Invoice, TimeEntry
from steward.billing.months import local_day
from steward.billing.quotes import approved_quote
from steward.billing.scope import scope_of
from steward.contracts.models import Agreement
from steward.desk import events
from steward.desk.models import EventKind, Ticket
from steward.lib.errors import DomainError
from steward.lib.formats import format_date
from steward.lib.timestamps import iso
from steward.sla.models import BusinessCalendar


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
        raise DomainError(_("Only provider staff log time."), "minutes", forbidden=True)
    if not 1 <= minutes <= 24 * 60:
        raise DomainError(_("minutes: between 1 and 1440."), "minutes")
    if not description.strip():
        raise DomainError(_("description: say what was done."), "description")
    now = timezone.now()
    started_at = started_at or now - timedelta(minutes=minutes)
    if started_at + timedelta(minutes=minutes) > now + timedelta(minutes=5):
        raise DomainError(_("started_at: work logged has to be done already."), "started_at")
    _refuse_invoiced_period(ticket, started_at)
    scope = scope_of(ticket)
    quote = approved_quote(ticket) if billable and not scope.in_scope else None
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


def _day_of(ticket: Ticket, at: datetime) -> date:
    """The client's calendar day at `at`: the month time is billed in."""
    return local_day(at, ticket.organization.timezone)


def _time_changed(entry: TimeEntry) -> None:
    """Billable time was logged, corrected or removed: the block's alerts and the month's
    draft follow."""
    ticket = entry.ticket
    if ticket.agreement is not None:
        day = _day_of(ticket, entry.started_at)
        check_block(ticket.agreement, day, ticket)
        refresh_draft(ticket.agreement, day)


def _billed_on(entry: TimeEntry) -> Invoice | None:
    return Invoice.objects.issued().standing().filter(lines__time_entries=entry).first()


def _may_correct(entry: TimeEntry, user: User) -> None:
    if not user.is_provider:
        raise DomainError(_("Only provider staff correct time."), forbidden=True)
    if entry.user_id != user.pk and not user.can_manage_settings:
        raise DomainError(
            _("Only the person who logged the time, or a manager, corrects it."), forbidden=True
        )
    invoice = _billed_on(entry)
    if invoice is not None:
        raise DomainError(
            _("This time is billed on %(number)s; credit the invoice first.")
            % {"number": invoice.display_number},
            "minutes",
        )


def _note_correction(entry: TimeEntry, user: User, **data: Any) -> None:
    events.record(entry.ticket, EventKind.TIME, user, entry=entry.pk, **data)


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
        raise DomainError(_("This timer is running: stop it first."), "minutes")
    if minutes is not None and not 1 <= minutes <= 24 * 60:
        raise DomainError(_("minutes: between 1 and 1440."), "minutes")
    if description is not None and not description.strip():
        raise DomainError(_("description: say what was done."), "description")
    if billable and not entry.billable and not entry.in_scope and entry.quote is None:
        entry.quote = approved_quote(entry.ticket)
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
            started_at=iso(entry.started_at),
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
        raise DomainError(
            _(
                "started_at: %(month)s is invoiced (%(number)s); log the time in an open month, "
                "or credit the invoice first."
            )
            % {"month": format_date(day, "yMMMM"), "number": issued.display_number},
            "started_at",
        )


def start_timer(ticket: Ticket, user: User, description: str = "") -> TimeEntry:
    if not user.is_provider:
        raise DomainError(_("Only provider staff log time."), "ticket", forbidden=True)
    if TimeEntry.objects.running().filter(user=user).exists():
        raise DomainError(_("Your timer is already running; stop it first."), "ticket")
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
        raise DomainError(_("No timer is running."), "ticket")
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
