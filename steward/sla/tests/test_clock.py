"""Business-time arithmetic, case by case and by property."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from steward.sla.clock import CalendarSpec, CompiledCalendar, compile_calendar

ATHENS = ZoneInfo("Europe/Athens")
NEW_YORK = ZoneInfo("America/New_York")
SHANGHAI = ZoneInfo("Asia/Shanghai")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
AROUND = datetime(2026, 6, 1, tzinfo=UTC)


def office(
    tz: str = "Europe/Athens", hours: list[tuple[str, str]] | None = None, **kw: object
) -> CompiledCalendar:
    spec = CalendarSpec(tz, {d: hours or [("09:00", "17:00")] for d in WEEKDAYS}, **kw)  # type: ignore[arg-type]
    return compile_calendar(spec, around=AROUND)


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = ATHENS) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=tz)


def test_it_adds_within_a_day() -> None:
    assert office().add(at(2026, 11, 23, 10), 90) == at(2026, 11, 23, 11, 30)


def test_it_rolls_over_the_night_and_the_weekend() -> None:
    cal = office()
    assert cal.add(at(2026, 11, 23, 16, 30), 60) == at(2026, 11, 24, 9, 30)
    assert cal.add(at(2026, 11, 27, 16, 30), 60) == at(2026, 11, 30, 9, 30)  # Fri -> Mon


def test_it_ends_at_closing_time_not_the_next_morning() -> None:
    assert office().add(at(2026, 11, 23, 16), 60) == at(2026, 11, 23, 17)


def test_it_counts_from_the_next_opening_outside_hours() -> None:
    cal = office()
    assert cal.add(at(2026, 11, 23, 7), 30) == at(2026, 11, 23, 9, 30)
    assert cal.add(at(2026, 11, 23, 17), 30) == at(2026, 11, 24, 9, 30)
    assert cal.add(at(2026, 11, 28, 12), 30) == at(2026, 11, 30, 9, 30)  # Saturday


def test_it_returns_the_next_opening_for_zero_minutes() -> None:
    cal = office()
    assert cal.add(at(2026, 11, 23, 7), 0) == at(2026, 11, 23, 9)
    assert cal.add(at(2026, 11, 23, 10), 0) == at(2026, 11, 23, 10)


def test_it_skips_the_lunch_break() -> None:
    cal = office("Asia/Shanghai", [("09:00", "12:00"), ("13:00", "18:00")])
    assert cal.add(at(2026, 11, 23, 11, tz=SHANGHAI), 90) == at(2026, 11, 23, 13, 30, tz=SHANGHAI)
    assert not cal.is_open(at(2026, 11, 23, 12, 30, tz=SHANGHAI))


def test_it_skips_holidays() -> None:
    cal = office(closed_dates=frozenset({date(2026, 12, 25)}))
    # Thursday 24 Dec 16:00 + 2 h: one hour on Thursday, then Friday is Christmas.
    assert cal.add(at(2026, 12, 24, 16), 120) == at(2026, 12, 28, 10)


def test_it_works_extra_working_dates() -> None:
    saturday = date(2026, 9, 26)
    cal = office(
        "Asia/Shanghai",
        [("09:00", "12:00"), ("13:00", "18:00")],
        extra_working_dates=frozenset({saturday}),
    )
    assert cal.add(at(2026, 9, 25, 17, tz=SHANGHAI), 120) == at(2026, 9, 26, 10, tz=SHANGHAI)


def test_it_lets_closed_dates_beat_extra_working_dates() -> None:
    saturday = date(2026, 9, 26)
    cal = office(extra_working_dates=frozenset({saturday}), closed_dates=frozenset({saturday}))
    assert cal.add(at(2026, 9, 25, 17), 60) == at(2026, 9, 28, 10)


def test_it_is_exact_across_the_spring_dst_change() -> None:
    # Europe/Athens moves to summer time at 03:00 on Sunday 29 March 2026.
    cal = office()
    due = cal.add(at(2026, 3, 27, 16), 120)
    assert due == at(2026, 3, 30, 10)
    assert due.utcoffset() == timedelta(hours=3)
    assert cal.between(at(2026, 3, 27, 9), at(2026, 3, 30, 17)) == 16 * 60


def test_it_is_exact_across_the_autumn_dst_change_in_new_york() -> None:
    # New York leaves daylight time at 02:00 on Sunday 1 November 2026.
    cal = office("America/New_York")
    due = cal.add(at(2026, 10, 30, 16, tz=NEW_YORK), 120)
    assert due == at(2026, 11, 2, 10, tz=NEW_YORK)
    assert due.utcoffset() == timedelta(hours=-5)


def test_it_counts_wall_clock_hours_on_a_24x7_day_with_a_dst_change() -> None:
    cal = compile_calendar(CalendarSpec.always_open("Europe/Athens"), around=AROUND)
    # The night of 28-29 March 2026 has 23 real hours in Athens; business time is real time.
    assert cal.between(at(2026, 3, 29, 0), at(2026, 3, 30, 0)) == 23 * 60
    assert cal.add(at(2026, 3, 28, 23), 60) == at(2026, 3, 29, 0)


def test_it_rejects_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="naive"):
        office().add(datetime(2026, 11, 23, 10), 30)


def test_it_refuses_a_calendar_without_working_time() -> None:
    with pytest.raises(ValueError, match="no working time"):
        CompiledCalendar(CalendarSpec("UTC", {}), 2026, 2026)


def test_it_lists_the_segments_it_counted() -> None:
    segments = office().segments(at(2026, 11, 23, 16), 120)
    assert segments == [
        (at(2026, 11, 23, 16), at(2026, 11, 23, 17)),
        (at(2026, 11, 24, 9), at(2026, 11, 24, 10)),
    ]


def test_it_compiles_each_calendar_once() -> None:
    spec = CalendarSpec("Europe/Athens", {"mon": [("09:00", "17:00")]})
    same = CalendarSpec("Europe/Athens", {"mon": [("09:00", "17:00")]})
    assert compile_calendar(spec, AROUND) is compile_calendar(same, AROUND)


MINUTES = st.integers(min_value=0, max_value=60 * 24 * 60)
STARTS = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2028, 12, 31),
    timezones=st.just(UTC),
)


@settings(max_examples=300, deadline=None)
@given(start=STARTS, minutes=MINUTES)
def test_it_inverts_add_with_between(start: datetime, minutes: int) -> None:
    cal = office()
    opening = cal.next_opening(start)
    assert cal.between(opening, cal.add(start, minutes)) == pytest.approx(minutes)


@settings(max_examples=200, deadline=None)
@given(start=STARTS, a=MINUTES, b=MINUTES)
def test_it_is_monotonic_in_minutes(start: datetime, a: int, b: int) -> None:
    cal = office()
    lo, hi = sorted((a, b))
    assert cal.add(start, lo) <= cal.add(start, hi)


def test_it_gives_the_same_answers_in_bulk() -> None:
    cal = office(closed_dates=frozenset({date(2026, 12, 25)}))
    rng = np.random.default_rng(7)
    starts = rng.integers(
        int(datetime(2026, 1, 1, tzinfo=UTC).timestamp()),
        int(datetime(2027, 12, 1, tzinfo=UTC).timestamp()),
        size=3000,
    )
    minutes = rng.integers(0, 10_000, size=3000)
    bulk = cal.add_bulk(starts, minutes)
    for s, m, d in zip(starts, minutes, bulk, strict=True):
        one = cal.add(datetime.fromtimestamp(int(s), tz=UTC), int(m))
        assert one.timestamp() == pytest.approx(float(d))
