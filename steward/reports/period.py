"""A report's period: `from` and `to`, dates both included, in the organization's time zone
(DESIGN.md, Reports API): from 00:00 local on `from` to 24:00 local on `to`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.lib.forms import FIRST_YEAR, LAST_YEAR

# The longest period a report covers: a few years of quarterly reviews side by side.
MAX_DAYS = 366 * 5
# Without `from` and `to`: the last 90 days, today included.
DEFAULT_DAYS = 90


class PeriodError(ValueError):
    """A period that cannot be read; `field` names the parameter at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def bounds(self, tz: str | ZoneInfo) -> tuple[datetime, datetime]:
        """[00:00 local on start, 24:00 local on end), in UTC: Python subtracts two datetimes
        of one time zone by the wall clock, so a day that leaves summer time would be 24 hours
        long in local time and 25 in UTC."""
        z = ZoneInfo(tz) if isinstance(tz, str) else tz
        first = datetime.combine(self.start, time.min, tzinfo=z)
        last = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=z)
        return first.astimezone(UTC), last.astimezone(UTC)

    def end_or_now(self, tz: str | ZoneInfo, now: datetime | None = None) -> datetime:
        """ "The end" of DESIGN.md: the period's end or now, whichever is earlier."""
        return min(self.bounds(tz)[1], now or timezone.now())

    def query(self) -> str:
        return f"from={self.start.isoformat()}&to={self.end.isoformat()}"


def _date(field: str, raw: str) -> date:
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise PeriodError(field, _("Enter a date as YYYY-MM-DD.")) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PeriodError(
            field,
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return value


def parse(raw_from: str | None, raw_to: str | None, today: date) -> Period:
    """The period two query parameters give; either may be missing (the last 90 days up to
    `to`, or from `from` to today). Raises PeriodError naming the parameter at fault."""
    end = _date("to", raw_to) if raw_to else None
    start = _date("from", raw_from) if raw_from else None
    if end is None:
        end = max(today, start) if start is not None else today
    if start is None:
        start = end - timedelta(days=DEFAULT_DAYS - 1)
    if end < start:
        raise PeriodError("to", _("The period ends before it starts."))
    if (end - start).days + 1 > MAX_DAYS:
        raise PeriodError("to", _("A period is at most five years."))
    return Period(start, end)


def from_request(request: HttpRequest, tz: str) -> tuple[Period, PeriodError | None]:
    """A page's period, from ?from=&to=; a bad one falls back to the default and is returned
    for the page to show (a page never fails on its query string)."""
    today = timezone.localdate(timezone=ZoneInfo(tz))
    try:
        return parse(request.GET.get("from"), request.GET.get("to"), today), None
    except PeriodError as error:
        return parse(None, None, today), error
