"""Formats follow the language active at each call, not the first one a process saw."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from steward.lib.formats import format_date, format_duration


def test_it_formats_in_the_language_active_at_each_call() -> None:
    day = date(2026, 12, 25)
    with translation.override("en"):
        assert format_date(day) == "25 Dec 2026"
    with translation.override("el"):
        assert "Δεκ" in format_date(day)
    with translation.override("zh-hans"):
        assert format_date(day) == "2026年12月25日"


def test_it_counts_business_time_in_hours_when_asked() -> None:
    with translation.override("en"):
        assert format_duration(1440 + 90) == "1 d 1 h 30 min"
        assert format_duration(1440 + 90, days=False) == "25 h 30 min"
