"""The csat pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, staff_view
from steward.desk.models import Ticket


@staff_view
def surveys(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_survey(request: HttpRequest, number: str) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


def public_answer(request: HttpRequest, token: str) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


def ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The desk ticket page's reports card: templates/reports/csat/_ticket.html."""
    return {}


def portal_ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The portal ticket page: templates/reports/csat/_portal_ticket.html."""
    return {}
