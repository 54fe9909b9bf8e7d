"""The clock against the shared SLA vectors (a copy kept in data/vectors.json): 600 cases
checked by two independent oracles."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from steward.sla.clock import CalendarSpec, CompiledCalendar, compile_calendar

# A copy of shared/sla/vectors.json, so the suite needs nothing outside the repository.
VECTORS = Path(__file__).resolve().parent / "data" / "vectors.json"


def _load() -> dict[str, Any]:
    assert VECTORS.exists(), f"the SLA test vectors are missing: expected them at {VECTORS}"
    vectors: dict[str, Any] = json.loads(VECTORS.read_text())
    return vectors


DATA = _load()
CALENDARS: dict[str, CompiledCalendar] = {
    name: compile_calendar(
        CalendarSpec(
            timezone=c["timezone"],
            weekly={day: [tuple(p) for p in hours] for day, hours in c["weekly"].items()},
            closed_dates=frozenset(date.fromisoformat(d) for d in c["holidays"]),
        ),
        around=datetime.fromisoformat("2027-06-01T00:00:00+00:00"),
    )
    for name, c in DATA["calendars"].items()
}


def test_it_has_all_the_vectors() -> None:
    assert len(DATA["cases"]) == 600
    assert set(CALENDARS) == {
        "athens-office",
        "shanghai-office",
        "london-extended",
        "newyork-office",
    }


@pytest.mark.parametrize(
    "case", DATA["cases"], ids=lambda c: f"{c['calendar']}:{c['start']}+{c['business_minutes']}"
)
def test_it_matches_the_vector(case: dict[str, Any]) -> None:
    start = datetime.fromisoformat(case["start"])
    expected = datetime.fromisoformat(case["due"])
    due = CALENDARS[case["calendar"]].add(start, case["business_minutes"])
    assert due == expected
    assert due.utcoffset() == expected.utcoffset()
