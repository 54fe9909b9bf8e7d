"""Calendar months in a client's time zone: the periods invoices and comparisons cover.
Pure arithmetic, no database."""

from __future__ import annotations

import calendar
import zoneinfo
from datetime import date, datetime, time, timedelta


def month_bounds(month: date, tz: str) -> tuple[datetime, datetime, date]:
    """(start, end) instants of a calendar month in the client's time zone, and its last day."""
    first = month.replace(day=1)
    last_day = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    zone = zoneinfo.ZoneInfo(tz)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    return start, end, last_day


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month `back` months before the one `day` is in."""
    first = day.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def previous_month(month: date) -> date:
    return month_start(month, 1)


def months_between(start: date, end: date) -> int:
    """How many calendar months from `start`'s to `end`'s, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def local_day(at: datetime, tz: str) -> date:
    """The calendar day in the client's time zone at an instant: the month it is billed in."""
    return at.astimezone(zoneinfo.ZoneInfo(tz)).date()
