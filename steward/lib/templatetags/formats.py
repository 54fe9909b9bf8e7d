"""Template filters over steward.lib.formats; a builtin, so no {% load %} is needed.

{{ ticket.created_at|when }}        2 Dec 2026, 14:05 (viewer's zone and language)
{{ invoice.issued_at|day }}         2 Dec 2026      {{ d|day:"yMMMM" }}  December 2026
{{ e.started_at|clock }}            14:05
{{ entry.minutes|duration }}        1 h 20 min
{{ quote.hours|hours }}             2 h 30 min (a number of hours, "2.5" too)
{{ invoice.total|money:invoice.currency }}   €1,234.50
{{ count|number }}                  1,234
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django import template

from steward.lib import formats

register = template.Library()


@register.filter
def when(value: datetime | None, style: str = "medium") -> str:
    return formats.format_datetime(value, style)


@register.filter
def day(value: date | datetime | None, style: str = "medium") -> str:
    return formats.format_date(value, style)


@register.filter
def clock(value: datetime | None) -> str:
    return formats.format_time(value)


@register.filter
def duration(value: timedelta | int | float | None, length: str = "") -> str:
    return formats.format_duration(value, length=length)


@register.filter
def hours(value: Decimal | int | float | str | None) -> str:
    if value is None or value == "":
        return ""
    # Hours stay hours (a formula multiplies them): "50 h", not "2 d 2 h".
    return formats.format_duration(float(Decimal(str(value)) * 60), days=False)


@register.filter
def money(value: Decimal | int | None, currency: str = "EUR") -> str:
    return formats.format_money(value, currency)


@register.filter
def number(value: int | float | Decimal | None, digits: int | None = None) -> str:
    return formats.format_number(value, digits=digits)
