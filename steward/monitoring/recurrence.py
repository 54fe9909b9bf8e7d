"""Repeating times in an organization's time zone: RFC 5545 RRULEs (maintenance windows and
plans) and cron schedules (heartbeats), exact across DST changes.

A rule repeats a *wall-clock* time: "every Sunday 02:00-04:00 Athens" stays at 02:00 local when
the clocks change, so occurrences are expanded in naive local time and only then placed in the
zone. Plain functions, no ORM.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from cronsim import CronSim, CronSimError
from dateutil.rrule import rrule, rrulestr

# Longer than any sane repeat: an RRULE that yields nothing for this long is treated as ended.
HORIZON = timedelta(days=3 * 366)


class RecurrenceError(ValueError):
    """A rule or schedule Steward cannot use; the message says why, for the person who wrote it."""


def zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
        raise RecurrenceError(f"unknown time zone {name!r}") from e


def _local(at: datetime, tz: zoneinfo.ZoneInfo) -> datetime:
    """An aware time as naive wall-clock time in `tz`."""
    return at.astimezone(tz).replace(tzinfo=None)


def _aware(local: datetime, tz: zoneinfo.ZoneInfo) -> datetime:
    """Naive wall-clock time placed in `tz` (a time skipped by DST moves forward by the gap,
    as a person's clock would; an ambiguous one is its first occurrence), in UTC."""
    aware = local.replace(tzinfo=tz, fold=0)
    if _local(aware, tz) != local:  # In the spring-forward gap.
        aware = (local + timedelta(hours=1)).replace(tzinfo=tz, fold=0)
    return aware.astimezone(UTC)


def parse_rrule(text: str, dtstart: datetime, tz: str) -> rrule:
    """The rule `text` (`FREQ=WEEKLY;BYDAY=SU`, with or without a leading `RRULE:`) starting at
    `dtstart`, expanded in wall-clock time of `tz`."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text:
        raise RecurrenceError("the rule is empty")
    if "\n" in text or "DTSTART" in text.upper():
        raise RecurrenceError("give one RRULE line; its start is the start field")
    start = _local(dtstart, zone(tz))
    try:
        rule = rrulestr(text, dtstart=start)
        first = rule.after(start - timedelta(seconds=1), inc=True)
    except (ValueError, TypeError, KeyError, IndexError) as e:
        raise RecurrenceError(f"not an RFC 5545 RRULE: {e}") from e
    except OverflowError as e:  # a start at the calendar's very edge (year 1 or 9999)
        raise RecurrenceError(f"the start is out of range: {e}") from e
    if not isinstance(rule, rrule):
        raise RecurrenceError("give one RRULE")
    if first is None:
        raise RecurrenceError("the rule never occurs")
    return rule


def occurrences(
    text: str, dtstart: datetime, tz: str, after: datetime, before: datetime
) -> Iterator[datetime]:
    """The starts (UTC) of the rule's occurrences in [after, before)."""
    z = zone(tz)
    rule = parse_rrule(text, dtstart, tz)
    # A day's margin either side: a local time maps to UTC within +-14 h.
    for local in rule.between(
        _local(after, z) - timedelta(days=1), _local(before, z) + timedelta(days=1), inc=True
    ):
        at = _aware(local, z)
        if after <= at < before:
            yield at


def next_occurrence(text: str, dtstart: datetime, tz: str, after: datetime) -> datetime | None:
    """The first occurrence (UTC) at or after `after`, or None when the rule has ended."""
    return next(next_occurrences(text, dtstart, tz, after), None)


def next_occurrences(text: str, dtstart: datetime, tz: str, after: datetime) -> Iterator[datetime]:
    """The occurrences (UTC) at or after `after`, one at a time: the rule is read once and a
    rule that repeats often is never expanded further than the caller takes."""
    z = zone(tz)
    rule = parse_rrule(text, dtstart, tz)
    local = rule.after(_local(after, z) - timedelta(days=1), inc=True)
    while local is not None:
        at = _aware(local, z)
        if at >= after:
            yield at
        local = rule.after(local, inc=False)


def covering(
    starts: datetime, ends: datetime, text: str, tz: str, at: datetime
) -> tuple[datetime, datetime] | None:
    """The window (start, end), in UTC, that holds `at`: the one-off window itself, or the
    occurrence of the repeating one whose wall-clock length covers it."""
    if not text:
        return (starts, ends) if starts <= at < ends else None
    z = zone(tz)
    length = _local(ends, z) - _local(starts, z)
    rule = parse_rrule(text, starts, tz)
    # The latest occurrence starting at or before `at` (wall clock), then the ones before it
    # while their length could still reach `at`.
    local = rule.before(_local(at, z), inc=True)
    while local is not None:
        start = _aware(local, z)
        end = _aware(local + length, z)
        if start <= at < end:
            return start, end
        if end <= at - length - timedelta(days=1):
            return None
        local = rule.before(local, inc=False)
    return None


def spans(
    starts: datetime, ends: datetime, text: str, tz: str, after: datetime, before: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """The windows (start, end), in UTC, of a one-off or repeating window that overlap
    [after, before): each occurrence keeps the first one's wall-clock length (a window
    "Sundays 02:00-04:00" is two hours of local time on the day the clocks change too)."""
    if not text:
        if starts < before and ends > after:
            yield starts, ends
        return
    z = zone(tz)
    length = _local(ends, z) - _local(starts, z)
    rule = parse_rrule(text, starts, tz)
    # An occurrence that starts up to `length` (and a day's zone margin) earlier can still
    # reach into [after, before).
    low = _local(after, z) - length - timedelta(days=1)
    for local in rule.between(low, _local(before, z) + timedelta(days=1), inc=True):
        start, end = _aware(local, z), _aware(local + length, z)
        if start < before and end > after:
            yield start, end


def check_cron(expr: str) -> None:
    """Refuse a cron expression cronsim cannot run (five fields, as healthchecks takes)."""
    if len(expr.split()) != 5:
        raise RecurrenceError("a cron expression has five fields: minute hour day month weekday")
    try:
        next(CronSim(expr, datetime(2000, 1, 1, tzinfo=UTC)))
    except (CronSimError, StopIteration) as e:
        raise RecurrenceError(f"not a cron expression: {e}") from e


def next_cron(expr: str, tz: str, after: datetime) -> datetime:
    """The first time strictly after `after` that the cron expression names, in `tz`, in UTC.
    cronsim handles DST as cron does (a skipped hour runs once, a repeated one once)."""
    local = after.astimezone(zone(tz))
    return next(CronSim(expr, local)).astimezone(UTC)
