"""Business-time due dates: Steward's clock against businesstimedelta on the shared vectors.

Run: .venv/bin/python bench/business_time.py   (needs `pip install -e ".[bench]"`)
Prints a markdown table: both libraries on the same 600 cases (answers must be identical),
then one million due dates in bulk with numpy.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from datetime import date, datetime
from datetime import time as dtime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from steward.sla.clock import CalendarSpec, CompiledCalendar, compile_calendar

VECTORS = Path(__file__).resolve().parents[1] / "steward/sla/tests/data/vectors.json"
DAY_INDEX = {d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}


def ours(calendars: dict[str, Any]) -> dict[str, CompiledCalendar]:
    around = datetime(2027, 6, 1).astimezone()
    return {
        name: compile_calendar(
            CalendarSpec(
                c["timezone"],
                {d: [tuple(p) for p in h] for d, h in c["weekly"].items()},
                frozenset(date.fromisoformat(x) for x in c["holidays"]),
            ),
            around,
        )
        for name, c in calendars.items()
    }


def theirs(calendars: dict[str, Any]) -> dict[str, Any]:
    import businesstimedelta as btd
    import pytz

    rules = {}
    for name, c in calendars.items():
        tz = pytz.timezone(c["timezone"])
        by_hours: dict[tuple[tuple[str, str], ...], list[int]] = {}
        for day, hours in c["weekly"].items():
            by_hours.setdefault(tuple(tuple(p) for p in hours), []).append(DAY_INDEX[day])
        parts: list[Any] = []
        for hours, days in by_hours.items():
            first, last = hours[0][0], hours[-1][1]
            parts.append(
                btd.WorkDayRule(
                    start_time=_t(first), end_time=_t(last), working_days=sorted(days), tz=tz
                )
            )
            # Gaps between intervals (a lunch break) are time off inside the working day.
            for (_, gap_start), (gap_end, _) in zip(hours, hours[1:], strict=False):
                parts.append(
                    btd.LunchTimeRule(
                        start_time=_t(gap_start),
                        end_time=_t(gap_end),
                        working_days=sorted(days),
                        tz=tz,
                    )
                )
        holidays = [date.fromisoformat(x) for x in c["holidays"]]
        parts.append(btd.HolidayRule(holidays, tz=tz))
        rules[name] = btd.Rules(parts)
    return rules


def _t(hhmm: str) -> dtime:
    h, m = hhmm.split(":")
    return dtime(int(h), int(m))


def _theirs_add(rules: Any, start: datetime, minutes: int) -> datetime:
    import businesstimedelta as btd

    return start + btd.BusinessTimeDelta(rules, seconds=minutes * 60)  # type: ignore[no-any-return]


def timed(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    data = json.loads(VECTORS.read_text())
    cases = data["cases"]
    mine, other = ours(data["calendars"]), theirs(data["calendars"])
    parsed = [
        (
            c["calendar"],
            datetime.fromisoformat(c["start"]),
            c["business_minutes"],
            datetime.fromisoformat(c["due"]),
        )
        for c in cases
    ]

    ours_wrong = sum(mine[cal].add(s, m) != due for cal, s, m, due in parsed)
    theirs_answers = [_theirs_add(other[cal], s, m) for cal, s, m, _ in parsed]
    disagree = sum(
        mine[cal].add(s, m) != t for (cal, s, m, _), t in zip(parsed, theirs_answers, strict=True)
    )
    theirs_wrong = sum(t != due for (_, _, _, due), t in zip(parsed, theirs_answers, strict=True))

    t_ours = timed(lambda: [mine[cal].add(s, m) for cal, s, m, _ in parsed], 20)
    t_theirs = timed(lambda: [_theirs_add(other[cal], s, m) for cal, s, m, _ in parsed], 2)

    # One million due dates in bulk on one calendar.
    athens = mine["athens-office"]
    rng = np.random.default_rng(1)
    lo = datetime(2026, 1, 1).astimezone().timestamp()
    hi = datetime(2028, 12, 1).astimezone().timestamp()
    starts = rng.uniform(lo, hi, 1_000_000).round()
    minutes = rng.choice([15, 30, 60, 120, 240, 480, 960, 2400, 4800, 9600], 1_000_000)
    t_bulk = timed(lambda: athens.add_bulk(starts, minutes), 3)
    dues = athens.add_bulk(starts, minutes)
    sample = rng.choice(1_000_000, 1000, replace=False)
    bulk_wrong = sum(
        athens.add(datetime.fromtimestamp(starts[i]).astimezone(), int(minutes[i])).timestamp()
        != dues[i]
        for i in sample
    )

    n = len(parsed)
    print("## Business time\n")
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"holidays {version('holidays')}, businesstimedelta {version('businesstimedelta')}, "
        f"{os.cpu_count()} cores, {platform.machine()}\n"
    )
    print("| what | Steward | businesstimedelta | ratio |")
    print("| --- | --- | --- | --- |")
    print(
        f"| {n} vector cases, mean per due date | {t_ours / n * 1e6:.1f} µs | "
        f"{t_theirs / n * 1e6:.1f} µs | **{t_theirs / t_ours:.0f}x** |"
    )
    print(f"| vector answers wrong | {ours_wrong} | {theirs_wrong} | |")
    print(f"| answers that differ between the two | {disagree} | | |")
    print(f"| 1,000,000 due dates in bulk (numpy) | {t_bulk:.3f} s | | |")
    print(f"| bulk answers differing from one-by-one (1,000 sampled) | {bulk_wrong} | | |")


if __name__ == "__main__":
    main()
