"""Status badges, relative times and uptime percentages of the monitoring pages."""

from __future__ import annotations

from datetime import datetime, timedelta

from babel import dates, numbers
from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.lib import formats
from steward.monitoring.models import Kind, Status

register = template.Library()


@register.filter
def state_label(state: str) -> str:
    if state == "late":
        return _("Late")
    return str(Status(state).label) if state in Status.values else state


@register.filter
def kind_label(kind: str) -> str:
    return str(Kind(kind).label) if kind in Kind.values else kind


@register.filter
def ago(value: datetime | None, now: datetime | None = None) -> str:
    """How long ago (or in how long), in the viewer's language: "5 minutes ago", "5分钟前"."""
    if value is None:
        return ""
    delta = value - (now or timezone.now())
    return str(
        dates.format_timedelta(
            delta, add_direction=True, threshold=1, format="long", locale=formats.locale()
        )
    )


@register.filter
def uptime(value: float | None) -> str:
    """An uptime percentage: "99.95%", "99,95%"; a dash when nothing was watched."""
    if value is None:
        return "—"
    # Floor, not round: 99.996% up is not "100%" while there was downtime.
    shown = int(value * 100) / 10000
    return str(numbers.format_percent(shown, "#,##0.##%", locale=formats.locale()))


@register.filter
def uptime_colour(value: float | None) -> str:
    if value is None:
        return "secondary"
    return "green" if value >= 99.9 else "yellow" if value >= 99 else "red"


@register.filter
def seconds(value: int | None) -> str:
    """A number of seconds as a duration: "30 s", "5 min", "1 d"."""
    if value is None:
        return ""
    if value < 60 or value % 60:
        from babel import units

        return str(
            units.format_unit(value, "duration-second", length="short", locale=formats.locale())
        )
    return formats.format_duration(timedelta(seconds=value))


@register.filter
def lasted(start: datetime | None, end: datetime | None) -> str:
    """How long from `start` to `end`: an outage's length."""
    if start is None or end is None:
        return ""
    return formats.format_duration(end - start)


@register.filter
def ms(value: int | None) -> str:
    """A response or run time: "123 ms", "4.2 s", "37 min"."""
    if value is None:
        return ""
    if value < 1000:
        return f"{formats.format_number(value)} ms"
    if value < 60_000:
        return f"{formats.format_number(value / 1000, digits=1)} s"
    return formats.format_duration(timedelta(milliseconds=value))
