"""What a managed agreement is worth to a client: what it paid, what break-fix or per-user
managed service would have cost for the same work, and the work its staff lost to outages.

It must not overstate: the managed price counts only the months an agreement was in force,
users are the organization's headcount (said so when it is not known), and work lost counts
only incidents marked as stopping the business, in business hours, with the ones still open
shown apart ("so far") and left out of the total."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from steward.accounts.models import Organization, User
from steward.billing.models import Invoice, TimeEntry
from steward.billing.months import month_bounds, months_between
from steward.contracts.models import Agreement
from steward.desk.models import Kind, Ticket
from steward.lib.money import billable_minutes, hours, money, total
from steward.sla.models import BusinessCalendar


@dataclass
class Outage:
    """An incident that stopped the business, and its business hours inside the period."""

    ticket: Ticket
    hours: Decimal
    still_open: bool


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
    outages: list[Outage]
    currency: str = "EUR"
    out_of_hours_multiplier: Decimal = Decimal("1.50")
    # Where `users` came from: "headcount", "given" (the form) or "accounts" (the fallback
    # when the organization's headcount is not known, said so on the page).
    users_source: str = "headcount"
    months_in_period: int = 0
    calendar_name: str = ""
    open_outages: list[Outage] = field(default_factory=list)

    @property
    def open_outage_hours(self) -> Decimal:
        return sum((o.hours for o in self.open_outages), Decimal(0))

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


def months_covered(agreements: list[Agreement], start: date, end: date) -> int:
    """The calendar months from `start`'s to `end`'s that an agreement was in force in (on at
    least one day): the only months a managed price is counted for."""
    count = 0
    month = start.replace(day=1)
    while month <= end:
        last_day = month_bounds(month, "UTC")[2]
        if any(a.starts <= last_day and (a.ends is None or a.ends >= month) for a in agreements):
            count += 1
        month = last_day + timedelta(days=1)
    return count


def business_hours(calendar: BusinessCalendar, a: datetime, b: datetime) -> Decimal:
    if b <= a:
        return Decimal(0)
    minutes = calendar.compiled().between(a, b)
    return (Decimal(int(round(minutes))) / 60).quantize(Decimal("0.1"))


def outages_in(
    org: Organization, calendar: BusinessCalendar, first: datetime, last: datetime
) -> list[Outage]:
    """Incidents marked as stopping the business that overlap the period, each counted in the
    organization's business hours from opening to resolution (or now), within the period."""
    now = timezone.now()
    tickets = (
        Ticket.objects.filter(
            organization=org, kind=Kind.INCIDENT, stops_business=True, created_at__lt=last
        )
        .exclude(resolved_at__lt=first)
        .order_by("created_at", "id")
    )
    found = []
    for t in tickets:
        ended = t.resolved_at or (t.closed_at if not t.is_open else None)
        if ended is not None and ended < first:
            continue
        stop = min(ended or now, last, now)
        found.append(
            Outage(t, business_hours(calendar, max(t.created_at, first), stop), ended is None)
        )
    return found


def compare_costs(
    org: Organization,
    start: date,
    end: date,
    break_fix_rate: Decimal | None = None,
    managed_price_per_user: Decimal | None = None,
    hourly_cost_per_user: Decimal | None = None,
    affected_users: int | None = None,
    users: int | None = None,
) -> Comparison:
    """`start` and `end` are first days of months (end inclusive)."""
    first = month_bounds(start, org.timezone)[0]
    last = month_bounds(end, org.timezone)[1]
    agreements = list(Agreement.objects.filter(organization=org).order_by("-starts", "-pk"))
    agreement = agreements[0] if agreements else None
    months = months_covered(agreements, start, end)
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
    if users is not None:
        source = "given"
    elif org.headcount is not None:
        users, source = org.headcount, "headcount"
    else:
        users = User.objects.filter(organization=org, is_active=True).count()
        source = "accounts"
    paid = total(
        list(
            Invoice.objects.issued()
            .filter(organization=org, period_start__gte=first.date(), period_start__lt=last.date())
            .values_list("total", flat=True)
        )
    )
    entries = TimeEntry.objects.done().filter(ticket__organization=org).between(first, last)
    office_minutes = out_of_hours_minutes = 0
    for logged, late in entries.values_list("minutes", "out_of_hours"):
        minutes = billable_minutes(logged or 0, increment)
        if late:
            out_of_hours_minutes += minutes
        else:
            office_minutes += minutes
    break_fix = hours(office_minutes) * rate + hours(out_of_hours_minutes) * rate * multiplier
    calendar = org.calendar or BusinessCalendar.always_open(tz=org.timezone)
    found = outages_in(org, calendar, first, last)
    ended = [o for o in found if not o.still_open]
    outage_hours = sum((o.hours for o in ended), Decimal(0))
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
        outages=ended,
        currency=agreement.currency if agreement else "EUR",
        out_of_hours_multiplier=multiplier,
        users_source=source,
        months_in_period=months_between(start, end),
        calendar_name=org.calendar.name if org.calendar else "",
        open_outages=[o for o in found if o.still_open],
    )
