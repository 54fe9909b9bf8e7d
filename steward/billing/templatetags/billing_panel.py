"""The billing panel of the desk's ticket page: time, scope and quotes.

The desk's template loads this library by name, so the desk shows billing's panel without
importing billing (billing comes after the desk in the import order)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from steward.accounts.models import User
from steward.billing.forms import QuoteForm, ScopeForm, TimeForm, TimerForm
from steward.billing.models import TimeEntry
from steward.billing.scope import scope_of
from steward.desk.models import Ticket

register = template.Library()


@dataclass(frozen=True)
class TimeRow:
    """A time entry as the panel lists it: invoiced, or removable by this user."""

    entry: TimeEntry
    billed: bool
    removable: bool


def ticket_panel(ticket: Ticket, user: User) -> dict[str, Any]:
    """What the desk's ticket page shows of scope, quotes and time."""
    entries = list(ticket.time.select_related("user").order_by("-started_at", "-id"))
    billed = set(ticket.time.invoiced().values_list("pk", flat=True))
    rows = [
        TimeRow(
            entry,
            billed=entry.pk in billed,
            removable=entry.pk not in billed
            and (entry.user_id == user.pk or user.can_manage_settings),
        )
        for entry in entries
    ]
    return {
        "scope": scope_of(ticket),
        "quotes": list(ticket.quotes.select_related("decided_by")),
        "time_entries": rows,
        "time_total": sum((e.minutes or 0) for e in entries),
        "running": TimeEntry.objects.running().filter(user=user).select_related("ticket").first(),
        "time_form": TimeForm(),
        "timer_form": TimerForm(),
        "scope_form": ScopeForm(),
        "quote_form": QuoteForm(),
    }


@register.inclusion_tag("billing/_ticket_panel.html", takes_context=True)
def billing_panel(context: template.Context, ticket: Ticket) -> dict[str, Any]:
    # The page's own context (csrf_token, request, perms) plus the panel's.
    page: dict[str, Any] = {str(key): value for key, value in context.flatten().items()}
    return {**page, "billing": ticket_panel(ticket, context["request"].user)}
