"""The scorecard of DESIGN.md (Reports API): the KPIs of kpis.py for one organization and a
period, held against the agreement's KPI targets, with the previous period beside them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from steward.accounts.models import Organization
from steward.contracts.models import KPIS, Agreement
from steward.reports import kpis
from steward.reports.period import Period

# The scorecard's keys in the order pages and the pack show them: the counts, then the KPIs
# an agreement can set targets for, then first-contact resolution (no target key exists).
KEYS = (
    "opened",
    "resolved",
    "backlog",
    "sla_compliance",
    "median_first_response_minutes",
    "median_resolution_hours",
    "reopened_percent",
    "first_contact_resolution_percent",
    "csat",
)
COUNTS = ("opened", "resolved", "backlog")
# How a KPI without a target key in contracts.KPIS is better: a higher share resolved at once.
BETTER = {
    **{key: kpi.better for key, kpi in KPIS.items()},
    "first_contact_resolution_percent": ">=",
}


def window(org: Organization | None, period: Period, now: datetime) -> tuple[datetime, ...]:
    """(first, last, end) of a period in the organization's time zone (the server's for all
    organizations)."""
    tz = ZoneInfo(org.timezone) if org is not None else timezone.get_default_timezone()
    first, last = period.bounds(tz)
    return first, last, period.end_or_now(tz, now)


def measure(org: Organization | None, period: Period, now: datetime | None = None) -> kpis.Measures:
    """The period's KPIs for one organization, or all of them (org None)."""
    first, last, end = window(org, period, now or timezone.now())
    return kpis.measure(org, first, last, end)


def agreement_at_end(org: Organization, period: Period, now: datetime) -> Agreement | None:
    """The agreement in force on the period's last day (today, for a period not over yet)."""
    end = period.end_or_now(org.timezone, now) - timedelta(microseconds=1)
    day: date = timezone.localtime(end, ZoneInfo(org.timezone)).date()
    return Agreement.in_force_for(org, day)


def targets_of(agreement: Agreement | None) -> dict[str, Decimal]:
    """The agreement's KPI targets as Decimals, the keys contracts.KPIS knows only."""
    if agreement is None:
        return {}
    found = {}
    for key, raw in (agreement.kpi_targets or {}).items():
        if key in KPIS and raw is not None and not isinstance(raw, bool):
            try:
                found[key] = Decimal(str(raw))
            except ArithmeticError:
                continue
    return found


def met(key: str, value: Decimal | None, target: Decimal | None) -> bool | None:
    """Whether a value reaches its target, by the KPI's own sense of better; null without
    either."""
    if value is None or target is None:
        return None
    return value >= target if BETTER.get(key, ">=") == ">=" else value <= target


def _number(key: str, value: Decimal | None) -> Decimal | int | None:
    if value is None:
        return None
    return int(value) if key in COUNTS else value


def shape(
    org: Organization,
    period: Period,
    current: kpis.Measures,
    previous: kpis.Measures,
    targets: dict[str, Decimal],
) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    for key in KEYS:
        kpi = current.kpis[key]
        target = targets.get(key)
        entries[key] = {
            "value": _number(key, kpi.value),
            "target": target,
            "met": met(key, kpi.value, target),
            "n": kpi.n,
        }
    entries["csat"]["response_rate"] = current.response_rate
    return {
        "organization": org.pk,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "tickets": {key: int(current.kpis[key].n) for key in COUNTS},
        "kpis": entries,
        "previous": {
            key: {"value": _number(key, previous.kpis[key].value), "n": previous.kpis[key].n}
            for key in KEYS
        },
    }


def report(
    org: Organization, period: Period, now: datetime | None = None
) -> tuple[dict[str, Any], kpis.Measures]:
    """The scorecard and the measures it came from (their breakdowns and the surveys sent
    are the pages' too)."""
    now = now or timezone.now()
    current = measure(org, period, now)
    card = shape(
        org,
        period,
        current,
        measure(org, period.previous(), now),
        targets_of(agreement_at_end(org, period, now)),
    )
    return card, current


def scorecard(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The API's shape exactly: {"organization", "from", "to", "tickets": {"opened",
    "resolved", "backlog"}, "kpis": {KEY: {"value", "target", "met", "n"}}, "previous":
    {KEY: {"value", "n"}}}; values as Decimal (or None), dates as ISO strings. The csat
    entry also carries `response_rate`; the counts are also KPI entries (no target)."""
    return report(org, period, now)[0]


def breakdown(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """Tickets opened in the period by priority and by source (the charts of the pages and
    the review pack; not part of the API's answer)."""
    first, last, end = window(org, period, now or timezone.now())
    opened = kpis.scope(org)[0].filter(created_at__gte=first, created_at__lt=last)
    by_priority, by_source, _sla = kpis.opened_counts(opened, end)
    return {"by_priority": by_priority, "by_source": by_source}
