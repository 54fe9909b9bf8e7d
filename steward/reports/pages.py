"""What the reports pages share: the organization a desk URL names, the portal's own
organization, and the period picker's context."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from steward.accounts.access import user_of
from steward.accounts.models import Organization, Role
from steward.reports.period import Period, PeriodError, from_request


def portal_org(request: HttpRequest, admins_only: bool = True) -> Organization:
    """The signed-in client's organization; a client user gets a 404 where only the client's
    administrators read (scorecard, money, advice)."""
    user = user_of(request)
    if user.organization is None or (admins_only and user.role != Role.CLIENT_ADMIN):
        raise Http404
    return user.organization


def period_context(request: HttpRequest, org: Organization) -> dict[str, Any]:
    """`period` (a Period) and `period_error` (PeriodError or None) for the picker
    (templates/reports/_period.html)."""
    period, error = from_request(request, org.timezone)
    return {"period": period, "period_error": error}


__all__ = ["Period", "PeriodError", "period_context", "portal_org"]
