"""The cost comparison pages: for staff, any organization they see; for a client's
administrators, their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from steward.accounts.access import client_view, desk_org, staff_view
from steward.accounts.models import Organization
from steward.billing.months import month_start
from steward.reports.forms import ComparisonForm
from steward.reports.pages import portal_org
from steward.reports.value import compare_costs


def _comparison(request: HttpRequest, org: Organization) -> dict[str, Any]:
    form = ComparisonForm(request.GET or None)
    today = timezone.localdate().replace(day=1)
    data = form.cleaned_data if form.is_valid() else {}
    start = data.get("start") or month_start(today, 11)  # a year, this month included
    end = data.get("end") or today
    comparison = compare_costs(
        org,
        start,
        end,
        break_fix_rate=data.get("break_fix_rate"),
        managed_price_per_user=data.get("managed_price_per_user"),
        hourly_cost_per_user=data.get("hourly_cost_per_user"),
        affected_users=data.get("affected_users"),
        users=data.get("users"),
    )
    if not form.is_bound or not form.is_valid():
        form = ComparisonForm(
            initial={
                "start": start.strftime("%Y-%m"),
                "end": end.strftime("%Y-%m"),
                "break_fix_rate": comparison.break_fix_rate,
                "managed_price_per_user": comparison.managed_price_per_user,
                "hourly_cost_per_user": comparison.hourly_cost_per_user,
                "affected_users": comparison.affected_users,
            },
            data=request.GET or None,
        )
    peak = max([amount for _label, amount in comparison.rows] + [Decimal(1)])
    bars = [(label, amount, int(amount * 100 / peak)) for label, amount in comparison.rows]
    return {"org": org, "form": form, "c": comparison, "bars": bars, "start": start, "end": end}


@staff_view
def value(request: HttpRequest, org_id: int) -> HttpResponse:
    return render(request, "reports/value.html", _comparison(request, desk_org(request, org_id)))


@client_view
def portal_value(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/value.html", _comparison(request, portal_org(request)))
