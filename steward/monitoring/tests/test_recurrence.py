"""Repeating wall-clock times across DST, and the rules and schedules Steward refuses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from steward.monitoring import recurrence

ATHENS = "Europe/Athens"
# Monday 19 October 2026, 02:00-04:00 in Athens (UTC+3); the clocks go back on 25 October.
STARTS = datetime(2026, 10, 18, 23, 0, tzinfo=UTC)
ENDS = datetime(2026, 10, 19, 1, 0, tzinfo=UTC)


def test_a_weekly_window_keeps_its_wall_clock_time_across_the_change() -> None:
    # After the change 02:00 Athens is 00:00 UTC, not 23:00.
    def held(at: datetime) -> tuple[datetime, datetime] | None:
        return recurrence.covering(STARTS, ENDS, "FREQ=WEEKLY", ATHENS, at)

    assert held(datetime(2026, 11, 2, 0, 30, tzinfo=UTC)) == (
        datetime(2026, 11, 2, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
    )
    assert held(datetime(2026, 11, 1, 23, 30, tzinfo=UTC)) is None
    assert recurrence.covering(STARTS, ENDS, "", ATHENS, STARTS) == (STARTS, ENDS)


def test_occurrences_and_the_next_one() -> None:
    found = list(
        recurrence.occurrences(
            "FREQ=WEEKLY;BYDAY=SU", STARTS, ATHENS, STARTS, datetime(2026, 11, 10, tzinfo=UTC)
        )
    )
    assert found == [
        datetime(2026, 10, 24, 23, 0, tzinfo=UTC),  # Sunday 25th 02:00, still summer time
        datetime(2026, 11, 1, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 8, 0, 0, tzinfo=UTC),
    ]
    later = recurrence.next_occurrences("FREQ=WEEKLY;BYDAY=SU", STARTS, ATHENS, STARTS)
    assert [next(later), next(later)] == found[:2]
    nxt = recurrence.next_occurrence(
        "FREQ=MONTHLY;BYMONTHDAY=1", STARTS, ATHENS, datetime(2026, 12, 3, tzinfo=UTC)
    )
    assert nxt == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)


def test_cron_runs_in_the_zone() -> None:
    # 02:30 Athens on 25 October is summer time; the next day's is winter time.
    after = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    assert recurrence.next_cron("0 2 * * *", ATHENS, after) == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)  # fmt: skip  # noqa: E501


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=SOMETIMES", STARTS),
        ("", STARTS),
        ("COUNT=3", STARTS),
        ("FREQ=DAILY\nFREQ=WEEKLY", STARTS),
        ("DTSTART:20260101T000000\nFREQ=DAILY", STARTS),
        ("FREQ=DAILY;UNTIL=20000101T000000", STARTS),  # never occurs
        ("FREQ=DAILY", datetime(1, 1, 1, 0, 0, tzinfo=UTC)),  # the calendar's first second
    ],
)
def test_it_refuses_rules_it_cannot_use(rule: str, start: datetime) -> None:
    with pytest.raises(recurrence.RecurrenceError):
        recurrence.parse_rrule(rule, start, "UTC")


@pytest.mark.parametrize("expr", ["61 * * * *", "* * *", "every day", ""])
def test_it_refuses_cron_it_cannot_run(expr: str) -> None:
    with pytest.raises(recurrence.RecurrenceError):
        recurrence.check_cron(expr)
