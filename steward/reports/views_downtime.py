"""The downtime pages: for staff, any organization they see (/desk/reports/<org>/downtime/);
for a client's administrators, their own (/portal/reports/downtime/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from steward.accounts.access import client_view, desk_org, staff_view
from steward.accounts.models import Organization
from steward.reports import downtime as report
from steward.reports.pages import period_context, portal_org

# Spans listed on the page; a month of a flapping check would otherwise fill it.
SHOWN = 200


@dataclass(frozen=True)
class Part:
    """A check's or an incident's down time, as the page names and links it."""

    interval: report.Interval
    label: str
    url: str


def _part(d: report.Downtime, i: report.Interval, portal: bool) -> Part:
    if i.source == report.CHECK:
        check = d.checks[i.id]
        url = (
            reverse("monitoring_portal:home")
            if portal
            else reverse("monitoring:check", args=[i.id])
        )
        return Part(i, check.name, url)
    ticket = d.tickets[i.id]
    url = reverse("portal:ticket" if portal else "desk:ticket", args=[ticket.number])
    return Part(i, f"{ticket.number} · {ticket.title}", url)


def _place(d: report.Downtime, start: datetime, end: datetime) -> tuple[float, float]:
    """Left and width, in percent of the period so far, of [start, end) on the timeline."""
    whole = (d.end - d.first).total_seconds() or 1
    left = 100 * (start - d.first).total_seconds() / whole
    width = max(100 * (end - start).total_seconds() / whole, 0.4)
    return round(left, 2), round(min(width, 100 - left), 2)


def _context(request: HttpRequest, org: Organization, portal: bool) -> dict[str, Any]:
    context = period_context(request, org)
    d = report.report(org, context["period"])
    record = d.record
    rows = [
        {
            "span": s,
            "parts": [_part(d, p, portal) for p in s.parts],
            "place": _place(d, s.start, s.end),
        }
        for s in d.spans[:SHOWN]
    ]
    planned = [
        {"part": _part(d, i, portal), "place": _place(d, i.start, i.end)} for i in d.planned[:SHOWN]
    ]
    context.update(
        {
            "org": org,
            "tab": "downtime",
            "d": d,
            "rows": rows,
            "more": max(len(d.spans) - SHOWN, 0),
            "planned": planned,
            "portal": portal,
            "record": record,
            "done_percent": round(100 * record.on_time / record.planned)
            if record.planned
            else None,
        }
    )
    return context


@staff_view
def downtime(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return render(request, "reports/downtime/page.html", _context(request, found, portal=False))


@client_view
def portal_downtime(request: HttpRequest) -> HttpResponse:
    org = portal_org(request, admins_only=True)
    return render(request, "reports/downtime/page.html", _context(request, org, portal=True))
