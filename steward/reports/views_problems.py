"""The problems pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, staff_view
from steward.desk.models import Ticket


@staff_view
def recurring(request: HttpRequest, org: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@staff_view
def problems(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@staff_view
def problem(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_problems(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_problem(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


def ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The desk ticket page's reports card: templates/reports/problems/_ticket.html."""
    return {}
