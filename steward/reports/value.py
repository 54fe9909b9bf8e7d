"""What a managed agreement is worth to a client: what it paid, what break-fix or per-user
managed service would have cost for the same work, and the work its staff lost to outages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from steward.accounts.models import Organization, User
from steward.billing.models import Invoice, TimeEntry
from steward.billing.months import month_bounds, months_between
from steward.contracts.models import Agreement
from steward.desk.models import Ticket
from steward.lib.money import billable_minutes, hours, money, total


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
    outages: list[Ticket]
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
    org: Organization,
    start: date,
    end: date,
    break_fix_rate: Decimal | None = None,
    managed_price_per_user: Decimal | None = None,
    hourly_cost_per_user: Decimal | None = None,
    affected_users: int | None = None,
) -> Comparison:
    """`start` and `end` are first days of months (end inclusive). Outages are the
    high-impact incidents: opened to resolved (or now)."""
    first = month_bounds(start, org.timezone)[0]
    last = month_bounds(end, org.timezone)[1]
    months = months_between(start, end)
    agreement = Agreement.objects.filter(organization=org).order_by("-starts").first()
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
    outages = list(
        Ticket.objects.filter(
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
