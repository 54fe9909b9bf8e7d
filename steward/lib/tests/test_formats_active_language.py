"""Formats follow the language active at each call, not the first one ever asked for."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from steward.lib import formats


def test_it_follows_the_active_language_from_call_to_call() -> None:
    amounts = []
    for language in ("en", "el", "en", "zh-hans"):
        with translation.override(language):
            amounts.append(formats.format_money(Decimal("1234.50"), "EUR"))
    assert amounts[0] == amounts[2] == "€1,234.50"
    assert amounts[1] == "1.234,50\xa0€"
    assert amounts[3].endswith("1,234.50") and amounts[3] != amounts[1]
