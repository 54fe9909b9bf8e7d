"""Time-zone validation and formatting shared by every app."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@cache
def available_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_timezone(name: str) -> bool:
    return name in available_timezones() or name == "UTC"


def validate_timezone(name: str) -> None:
    if not is_timezone(name):
        raise ValidationError(
            _("%(name)s is not an IANA time zone name (e.g. Europe/Athens).") % {"name": name}
        )


def format_duration(td: timedelta | float) -> str:
    """`2 h 10 m` for a timedelta or a number of minutes; days beyond 24 h are shown as d."""
    minutes = int(round(td.total_seconds() / 60 if isinstance(td, timedelta) else td))
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} m")
    return sign + " ".join(parts)


def local(dt: datetime, tz: str) -> datetime:
    return dt.astimezone(zoneinfo.ZoneInfo(tz))
