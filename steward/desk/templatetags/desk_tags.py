"""Badges for priority, status and SLA state."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.desk.models import Status, Ticket
from steward.desk.sla import CLOCK_LABELS
from steward.lib.formats import format_duration

register = template.Library()

PRIORITY_COLOURS = {"P1": "red", "P2": "orange", "P3": "azure", "P4": "cyan"}
STATUS_COLOURS = {
    "new": "blue",
    "open": "cyan",
    "waiting_on_client": "yellow",
    "waiting_on_third_party": "purple",
    "resolved": "green",
    "closed": "secondary",
}
AMBER_WITHIN = timedelta(hours=2)


def sla_state(due: datetime | None, now: datetime | None = None) -> str:
    if due is None:
        return "none"
    left = due - (now or timezone.now())
    if left <= timedelta(0):
        return "overdue"
    return "soon" if left <= AMBER_WITHIN else "ok"


@register.inclusion_tag("desk/_sla_badge.html")
def sla_badge(ticket: Ticket, now: datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    if not ticket.is_open:
        label = _("Done")
        return {"state": "done", "label": label, "due": None}
    if ticket.sla_paused and ticket.sla_due is None:
        return {"state": "paused", "label": _("Paused"), "due": None}
    state = sla_state(ticket.sla_due, now)
    if state == "none":
        return {"state": "none", "label": _("No SLA"), "due": None}
    left = ticket.sla_due - now  # type: ignore[operator]  # sla_state() was not 'none'
    label = (
        (_("%(t)s overdue") % {"t": format_duration(-left)})
        if state == "overdue"
        else (_("%(t)s left") % {"t": format_duration(left)})
    )
    return {"state": state, "label": label, "due": ticket.sla_due}


@register.inclusion_tag("desk/_due.html")
def due_line(
    label: str,
    due: datetime | None,
    done_at: datetime | None = None,
    paused: bool = False,
    now: datetime | None = None,
    stopped_at: datetime | None = None,
) -> dict[str, Any]:
    """One target of a ticket. A resolved or closed ticket (`stopped_at`) has stopped its
    clocks: a target it never reached is missed if it was already due, else it was withdrawn
    (not needed, counted neither way); no countdown either way."""
    now = now or timezone.now()
    if done_at is not None:
        state = "met" if due is None or done_at <= due else "missed"
    elif stopped_at is not None:
        state = "missed" if due is not None and stopped_at > due else "withdrawn"
    elif due is None:
        state = "paused" if paused else "none"
    else:
        state = sla_state(due, now)
    return {
        "label": label,
        "due": due,
        "done_at": done_at,
        "state": state,
        "stopped_at": stopped_at,
    }


@register.filter
def priority_colour(priority: str) -> str:
    return PRIORITY_COLOURS.get(priority, "secondary")


@register.filter
def clock_label(clock: str) -> str:
    return _(CLOCK_LABELS.get(clock, clock))


@register.filter
def status_label(status: str) -> str:
    return str(Status(status).label) if status in Status.values else status


@register.filter
def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "secondary")


@register.filter
def control(field: Any) -> str:
    """Render a form field's widget with Tabler's classes."""
    widget = field.field.widget.__class__.__name__
    css = {
        "Select": "form-select",
        "SelectMultiple": "form-select",
        "CheckboxInput": "form-check-input",
        "RadioSelect": "",
        "ClearableFileInput": "form-control",
        "FileInput": "form-control",
    }.get(widget, "form-control")
    if field.errors:
        css += " is-invalid"
    return field.as_widget(attrs={"class": css} if css else None)  # type: ignore[no-any-return]
