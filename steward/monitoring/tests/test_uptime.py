"""Uptime from flips, against cases worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.monitoring.uptime import Change, down_time, uptime_percent

T0 = datetime(2026, 3, 1, tzinfo=UTC)
H = timedelta(hours=1)
DAY = timedelta(days=1)


def test_it_is_all_up_without_flips_for_a_check_that_is_up() -> None:
    assert uptime_percent([], T0, T0 + DAY, "up") == 100


def test_it_is_unknown_for_a_check_never_watched() -> None:
    assert uptime_percent([], T0, T0 + DAY, "new") is None
    assert uptime_percent([], T0, T0 + DAY, "paused") is None


def test_one_outage_of_six_hours_in_a_day() -> None:
    flips = [Change(T0 + 6 * H, "up", "down"), Change(T0 + 12 * H, "down", "up")]
    assert down_time(flips, T0, T0 + DAY, "up") == (6 * H, DAY)
    assert uptime_percent(flips, T0, T0 + DAY, "up") == 75


def test_an_outage_still_going_counts_until_the_end() -> None:
    # Down for the last 2 hours of the day: 22 of 24 up.
    flips = [Change(T0 + 22 * H, "up", "down")]
    assert uptime_percent(flips, T0, T0 + DAY, "down") == pytest.approx(100 * 22 / 24)


def test_an_outage_that_began_before_the_period_counts_from_its_start() -> None:
    # Down since the day before, up again at 03:00: 3 h down of 24.
    flips = [Change(T0 - 5 * H, "up", "down"), Change(T0 + 3 * H, "down", "up")]
    assert down_time(flips, T0, T0 + DAY, "up") == (3 * H, DAY)


def test_the_status_before_the_first_flip_is_its_old_status() -> None:
    # Only the recovery is in the period: it was down from the start until 04:00.
    flips = [Change(T0 + 4 * H, "down", "up")]
    assert down_time(flips, T0, T0 + DAY, "up") == (4 * H, DAY)


def test_paused_and_new_time_is_not_watched() -> None:
    # new until 02:00, up until 10:00, down until 12:00, paused until 20:00, up to the end:
    # watched 8 + 2 + 4 = 14 h, of which 2 h down.
    flips = [
        Change(T0 + 2 * H, "new", "up"),
        Change(T0 + 10 * H, "up", "down"),
        Change(T0 + 12 * H, "down", "paused"),
        Change(T0 + 20 * H, "paused", "new"),
        Change(T0 + 20 * H, "new", "up"),
    ]
    assert down_time(flips, T0, T0 + DAY, "up") == (2 * H, 14 * H)
    assert uptime_percent(flips, T0, T0 + DAY, "up") == pytest.approx(100 * 12 / 14)


def test_a_check_paused_while_down_stops_counting_downtime() -> None:
    half = timedelta(minutes=30)
    flips = [Change(T0 + 23 * H, "up", "down"), Change(T0 + 23 * H + half, "down", "paused")]
    down, watched = down_time(flips, T0, T0 + DAY, "paused")
    assert down == timedelta(minutes=30)
    assert watched == 23 * H + timedelta(minutes=30)


def test_flips_out_of_order_are_sorted() -> None:
    flips = [Change(T0 + 12 * H, "down", "up"), Change(T0 + 6 * H, "up", "down")]
    assert uptime_percent(flips, T0, T0 + DAY, "up") == 75


def test_flips_after_the_period_change_nothing_in_it() -> None:
    flips = [Change(T0 + 2 * DAY, "up", "down")]
    assert uptime_percent(flips, T0, T0 + DAY, "down") == 100


def test_an_empty_period_was_not_watched() -> None:
    assert uptime_percent([], T0, T0, "up") is None


def test_thirty_days_with_one_hour_down() -> None:
    start = T0
    flips = [Change(T0 + 10 * DAY, "up", "down"), Change(T0 + 10 * DAY + H, "down", "up")]
    value = uptime_percent(flips, start, start + 30 * DAY, "up")
    assert value == pytest.approx(100 * (1 - 1 / 720))  # 99.861...
