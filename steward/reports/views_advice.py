"""The advice pages (placeholders until built)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, staff_view


@staff_view
def advice(request: HttpRequest, org: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@staff_view
def recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_advice(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})
