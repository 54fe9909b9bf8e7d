"""Formats follow the language active at each call, not the first one a process saw."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from steward.lib.formats import format_date


def test_it_formats_in_the_language_active_at_each_call() -> None:
    day = date(2026, 12, 25)
    with translation.override("en"):
        assert format_date(day) == "25 Dec 2026"
    with translation.override("el"):
        assert "Δεκ" in format_date(day)
    with translation.override("zh-hans"):
        assert format_date(day) == "2026年12月25日"
