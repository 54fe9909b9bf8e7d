"""The scorecard pages: the desk's, per organization, and the client administrator's in the
portal. Both show the same numbers (scorecard.report); only the desk links a count to the
queue that lists its tickets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steward.accounts.access import client_view, desk_org, staff_view
from steward.accounts.models import Organization
from steward.contracts.models import KPIS
from steward.desk.models import Priority, Source
from steward.lib.formats import format_number
from steward.reports import kpis
from steward.reports.pages import period_context, portal_org
from steward.reports.period import parse
from steward.reports.scorecard import BETTER, COUNTS, KEYS, report

LABELS: dict[str, Any] = {
    "opened": gettext_lazy("Tickets opened"),
    "resolved": gettext_lazy("Tickets resolved"),
    "backlog": gettext_lazy("Still open at the end"),
    "first_contact_resolution_percent": gettext_lazy("Resolved at first contact"),
    **{key: kpi.label for key, kpi in KPIS.items()},
}
# What `n` counts, per KPI, said beside it.
COUNTED: dict[str, Any] = {
    "sla_compliance": gettext_lazy("targets decided"),
    "median_first_response_minutes": gettext_lazy("tickets answered"),
    "median_resolution_hours": gettext_lazy("tickets resolved"),
    "reopened_percent": gettext_lazy("tickets resolved"),
    "first_contact_resolution_percent": gettext_lazy("tickets resolved"),
    "csat": gettext_lazy("answers"),
}


def shown(key: str, value: Decimal | int | None) -> str:
    """A KPI's value as the reader's language writes it, with its unit."""
    if value is None:
        return "—"
    number = format_number(value)
    if key in COUNTS:
        return number
    if key.endswith("percent") or key == "sla_compliance":
        return _("%(n)s %%") % {"n": number}
    if key == "median_first_response_minutes":
        return _("%(n)s min") % {"n": number}
    if key == "median_resolution_hours":
        return _("%(n)s h") % {"n": number}
    return _("%(n)s / 5") % {"n": number}


@dataclass
class Row:
    key: str
    label: str
    value: str
    target: str
    met: bool | None
    n: int
    counted: str
    previous: str
    trend: str  # "up", "down", "same" or "" (nothing to compare)
    better: bool | None  # the change is for the better; None: neither (counts, no change)
    link: str = ""


def trend(key: str, value: Any, before: Any) -> tuple[str, bool | None]:
    if value is None or before is None:
        return "", None
    if value == before:
        return "same", None
    direction = "up" if value > before else "down"
    if key in COUNTS:
        return direction, None
    return direction, (direction == "up") == (BETTER.get(key, ">=") == ">=")


def queue_url(org: Organization, **params: str) -> str:
    return reverse("desk:queue") + "?" + urlencode({"organization": org.pk, **params})


def rows(card: dict[str, Any], org: Organization, desk: bool) -> list[Row]:
    found = []
    for key in KEYS:
        entry, before = card["kpis"][key], card["previous"][key]
        direction, better = trend(key, entry["value"], before["value"])
        found.append(
            Row(
                key=key,
                label=str(LABELS[key]),
                value=shown(key, entry["value"]),
                target=shown(key, entry["target"]) if entry["target"] is not None else "",
                met=entry["met"],
                n=entry["n"],
                counted=str(COUNTED.get(key, "")),
                previous=shown(key, before["value"]),
                trend=direction,
                better=better,
                link=queue_url(org) if desk and key == "backlog" else "",
            )
        )
    return found


def bars(
    counts: dict[str, int], labels: dict[str, Any], org: Organization, desk: bool, field: str
) -> list[dict[str, Any]]:
    """One bar per choice, as wide as its share of the largest; choices with none are left
    out. The desk links each to the queue filtered by it where the queue has that filter."""
    top = max(counts.values(), default=0) or 1
    return [
        {
            "label": str(labels.get(value, value)),
            "n": n,
            "width": round(100 * n / top),
            "link": queue_url(org, status="all", priority=value)
            if desk and field == "priority"
            else "",
        }
        for value, n in counts.items()
        if n
    ]


def context(request: HttpRequest, org: Organization, desk: bool) -> dict[str, Any]:
    found = period_context(request, org)
    card, measures = report(org, found["period"])
    every = rows(card, org, desk)
    rate = card["kpis"]["csat"]["response_rate"]
    found.update(
        {
            "org": org,
            "tab": "scorecard",
            "card": card,
            "rows": [r for r in every if r.key not in COUNTS],
            "counts": [r for r in every if r.key in COUNTS],
            "sent": measures.sent,
            "response_rate": shown("reopened_percent", rate),
            "charts": [
                (
                    _("Opened by priority"),
                    bars(measures.by_priority, dict(Priority.choices), org, desk, "priority"),
                ),
                (
                    _("Opened by source"),
                    bars(measures.by_source, dict(Source.choices), org, desk, "source"),
                ),
            ],
            "desk": desk,
        }
    )
    return found


def sla_this_period(orgs: list[Organization]) -> dict[int, str]:
    """Each organization's SLA compliance over the default period (the last 90 days, today
    included, in its own time zone): one grouped query per time zone, not per client."""
    now = timezone.now()
    by_zone: dict[str, list[Organization]] = defaultdict(list)
    for org in orgs:
        by_zone[org.timezone].append(org)
    found: dict[int, str] = {}
    for zone, members in by_zone.items():
        period = parse(None, None, timezone.localdate(now, ZoneInfo(zone)))
        first, last = period.bounds(zone)
        compliance = kpis.sla_by_organization(members, first, last, min(last, now))
        for org in members:
            kpi = compliance.get(org.pk)
            found[org.pk] = shown("sla_compliance", kpi.value if kpi else None)
    return found


@staff_view
def scorecard(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return render(request, "reports/scorecard.html", context(request, found, desk=True))


@client_view
def portal_scorecard(request: HttpRequest) -> HttpResponse:
    found = portal_org(request)
    return render(request, "reports/scorecard.html", context(request, found, desk=False))
