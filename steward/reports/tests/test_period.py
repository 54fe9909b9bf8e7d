"""A report's period (DESIGN.md, Reports API): dates both included, in the organization's
time zone, with the period of the same length just before it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from steward.reports.period import Period, PeriodError, parse

TODAY = date(2026, 12, 3)


def test_a_period_runs_from_midnight_to_midnight_in_the_organizations_time_zone() -> None:
    first, last = Period(date(2026, 10, 1), date(2026, 12, 31)).bounds("Asia/Shanghai")
    assert first == datetime(2026, 9, 30, 16, 0, tzinfo=UTC)
    assert last == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)


def test_the_bounds_follow_daylight_saving_time() -> None:
    # Athens leaves summer time on 25 October 2026: that day has 25 hours.
    first, last = Period(date(2026, 10, 25), date(2026, 10, 25)).bounds("Europe/Athens")
    assert first == datetime(2026, 10, 24, 21, 0, tzinfo=UTC)
    assert (last - first).total_seconds() == 25 * 3600


def test_the_previous_period_has_the_same_length_just_before() -> None:
    quarter = Period(date(2026, 10, 1), date(2026, 12, 31))
    assert quarter.days == 92
    assert quarter.previous() == Period(date(2026, 7, 1), date(2026, 9, 30))


def test_the_end_is_the_periods_end_or_now_whichever_is_earlier() -> None:
    period = Period(date(2026, 12, 1), date(2026, 12, 31))
    now = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    assert period.end_or_now("UTC", now) == now
    assert Period(date(2026, 11, 1), date(2026, 11, 30)).end_or_now("UTC", now) == datetime(
        2026, 12, 1, tzinfo=UTC
    )


def test_without_dates_it_is_the_last_ninety_days() -> None:
    assert parse(None, None, TODAY) == Period(date(2026, 9, 5), TODAY)
    assert parse("2026-11-01", None, TODAY) == Period(date(2026, 11, 1), TODAY)
    assert parse(None, "2026-06-30", TODAY) == Period(date(2026, 4, 2), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "field"),
    [
        ("2026-13-01", None, "from"),
        ("yesterday", None, "from"),
        (None, "0001-01-01", "to"),
        ("2026-12-01", "2026-11-30", "to"),
        ("2010-01-01", "2026-12-01", "to"),
    ],
)
def test_a_bad_period_names_the_parameter_at_fault(
    raw_from: str | None, raw_to: str | None, field: str
) -> None:
    with pytest.raises(PeriodError) as error:
        parse(raw_from, raw_to, TODAY)
    assert error.value.field == field and error.value.message
