"""The downtime pages (placeholders until built)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, staff_view


@staff_view
def downtime(request: HttpRequest, org: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_downtime(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})
