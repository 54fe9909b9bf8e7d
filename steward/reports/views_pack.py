"""The review pack pages: in the desk per client (/desk/reports/<org>/pack/, a preview with
the period picker and the PDF), and in the portal for the client's administrators (the HTML
version and the PDF). The HTML reads in the viewer's language like every page; the PDF is the
client's document and is always in the client's language."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from steward.accounts.access import client_view, desk_org, staff_view
from steward.accounts.models import Organization
from steward.reports import pack as review_pack
from steward.reports.pages import period_context, portal_org
from steward.reports.period import Period


def last_quarter(today: date) -> Period:
    """The last calendar quarter that has ended: what a quarterly review covers."""
    this_quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    end = this_quarter - timedelta(days=1)
    return Period(end.replace(month=(end.month - 1) // 3 * 3 + 1, day=1), end)


def _period(request: HttpRequest, org: Organization) -> dict[str, Any]:
    """The picker's period; without `from` and `to`, the last full quarter."""
    if request.GET.get("from") or request.GET.get("to"):
        return period_context(request, org)
    today = timezone.localdate(timezone=ZoneInfo(org.timezone))
    return {"period": last_quarter(today), "period_error": None}


def _page(request: HttpRequest, org: Organization, pdf_url: str) -> HttpResponse:
    chosen = _period(request, org)
    data = review_pack.context(org, chosen["period"], language=request.LANGUAGE_CODE)
    return render(
        request,
        "reports/pack/page.html",
        {**data, **chosen, "tab": "pack", "pdf_url": f"{pdf_url}?{chosen['period'].query()}"},
    )


def pdf_response(org: Organization, period: Period) -> HttpResponse:
    response = HttpResponse(review_pack.render_pdf(org, period), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{review_pack.filename(org, period)}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_view
def pack(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return _page(request, found, reverse("reports:pack_pdf", args=[found.pk]))


@staff_view
def pack_pdf(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return pdf_response(found, _period(request, found)["period"])


@client_view
def portal_pack(request: HttpRequest) -> HttpResponse:
    return _page(request, portal_org(request), reverse("reports_portal:pack_pdf"))


@client_view
def portal_pack_pdf(request: HttpRequest) -> HttpResponse:
    org = portal_org(request)
    return pdf_response(org, _period(request, org)["period"])
