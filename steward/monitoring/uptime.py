"""Uptime over a period, computed from a check's flips: pure arithmetic, no ORM.

A check's status only changes by a flip, so its status at any moment is the `new` of the last
flip before it, or, before its first flip, that flip's `old`; with no flip at all it has held
its current status throughout. Time `paused` or `new` is not watched time: a check paused for
a week of maintenance is neither up nor down for that week.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

WATCHED = ("up", "down")


class Change(NamedTuple):
    """A flip as uptime needs it: when, from which status, to which."""

    at: datetime
    old: str
    new: str


def down_time(
    changes: Iterable[Change], start: datetime, end: datetime, current: str
) -> tuple[timedelta, timedelta]:
    """(time down, time watched) within [start, end)."""
    ordered = sorted(changes, key=lambda c: c.at)
    if end <= start:
        return timedelta(0), timedelta(0)
    status = ordered[0].old if ordered else current
    cursor = start
    down = watched = timedelta(0)
    for change in [*ordered, Change(end, current, current)]:
        at = min(max(change.at, start), end)
        if at > cursor:
            if status in WATCHED:
                watched += at - cursor
            if status == "down":
                down += at - cursor
            cursor = at
        status = change.new
    return down, watched


def uptime_percent(
    changes: Iterable[Change], start: datetime, end: datetime, current: str
) -> float | None:
    """The share of the watched time of [start, end) that the check was up, in percent; None
    when it was not watched at all (new or paused the whole time)."""
    down, watched = down_time(changes, start, end, current)
    if not watched:
        return None
    return 100 * (1 - down / watched)
