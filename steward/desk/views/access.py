"""Who may open a desk or portal page, and the one way views fetch a ticket."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from steward.accounts.access import View, client_view, staff_view, user_of
from steward.desk.models import Ticket
from steward.desk.queries import with_related

__all__ = ["View", "client_view", "staff_view", "user_of", "visible_ticket"]


def visible_ticket(request: HttpRequest, number: str) -> Ticket:
    """The ticket with this number if the user may see it, else 404 (never 403)."""
    ticket = with_related(Ticket.objects.visible_to(user_of(request))).filter(number=number).first()
    if ticket is None:
        raise Http404
    return ticket
