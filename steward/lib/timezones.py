"""Time-zone validation shared by every app (steward.lib.formats shows times and durations)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
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


def local(dt: datetime, tz: str) -> datetime:
    return dt.astimezone(zoneinfo.ZoneInfo(tz))
