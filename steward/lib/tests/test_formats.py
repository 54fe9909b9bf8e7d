"""Dates, numbers, money and durations as each language writes them (CLDR through Babel)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from steward.lib import formats

ATHENS = ZoneInfo("Europe/Athens")
MOMENT = datetime(2026, 12, 2, 12, 5, tzinfo=ZoneInfo("UTC"))  # 14:05 in Athens


@pytest.mark.parametrize(
    ("language", "day", "month", "stamp"),
    [
        ("en", "2 Dec 2026", "December 2026", "2 Dec 2026, 14:05"),
        ("zh-hans", "2026年12月2日", "2026年12月", "2026年12月2日 14:05"),
        ("el", "2 Δεκ 2026", "Δεκέμβριος 2026", "2 Δεκ 2026, 14:05"),
    ],
)
def test_it_writes_dates_day_first_or_as_the_language_does(
    language: str, day: str, month: str, stamp: str
) -> None:
    assert formats.format_date(date(2026, 12, 2), language=language) == day
    assert formats.format_date(date(2026, 12, 2), "yMMMM", language=language) == month
    assert formats.format_datetime(MOMENT, language=language, tz="Europe/Athens") == stamp
    assert formats.format_time(MOMENT, language=language, tz="Europe/Athens") == "14:05"


def test_a_skeleton_gives_a_datetime_its_weekday() -> None:
    assert formats.format_datetime(MOMENT, "MMMEd", "en", "Europe/Athens") == "Wed 2 Dec, 14:05"
    assert formats.format_datetime(MOMENT, "MMMEd", "zh-hans", "Europe/Athens") == (
        "12月2日周三 14:05"
    )
    assert formats.format_datetime(MOMENT, "MMMEd", "el", "Europe/Athens") == "Τετ 2 Δεκ, 14:05"


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["1 h 20 min", "5 min", "2 d 3 h", "0 min"]),
        ("zh-hans", ["1 小时 20 分钟", "5 分钟", "2 天 3 小时", "0 分钟"]),
        ("el", ["1 ώρα 20 λεπτά", "5 λεπτά", "2 ημέρες 3 ώρες", "0 λεπτά"]),
    ],
)
def test_it_writes_durations_in_the_languages_units(language: str, texts: list[str]) -> None:
    values: list[timedelta | int] = [timedelta(minutes=80), 5, timedelta(days=2, hours=3), 0]
    assert [formats.format_duration(v, language) for v in values] == texts
    assert formats.format_duration(-80, language).startswith("-1 ")
    assert formats.format_duration(3000, language, days=False).startswith("50 ")


@pytest.mark.parametrize(
    ("language", "money", "number"),
    [
        ("en", "€1,234.50", "1,234.5"),
        ("zh-hans", "€1,234.50", "1,234.5"),
        ("el", "1.234,50\xa0€", "1.234,5"),
    ],
)
def test_it_writes_money_and_numbers_with_the_languages_separators(
    language: str, money: str, number: str
) -> None:
    assert formats.format_money(Decimal("1234.5"), "EUR", language) == money
    assert formats.format_number(Decimal("1234.5"), language) == number
    assert formats.format_number(Decimal("2.5"), language, digits=2) in ("2.50", "2,50")


def test_weekday_names_come_from_the_language() -> None:
    assert [formats.weekday(0, lang) for lang in ("en", "zh-hans", "el")] == ["Mon", "周一", "Δευ"]


def test_the_active_language_is_read_at_each_call() -> None:
    # The locale was once cached with the first language it saw; a Greek mail after an
    # English page then wrote English units.
    with translation.override("en"):
        assert formats.format_duration(80) == "1 h 20 min"
    with translation.override("el"):
        assert formats.format_duration(80) == "1 ώρα 20 λεπτά"
        assert formats.format_money(Decimal("10"), "EUR") == "10,00\xa0€"


def test_the_template_builtins_use_the_viewers_language_and_zone() -> None:
    template = Template(
        "{{ t|when }}|{{ t|day }}|{{ t|clock }}|{{ m|duration }}|{{ h|hours }}"
        "|{{ a|money:'EUR' }}|{{ n|number }}"
    )
    context = Context({"t": MOMENT, "m": 80, "h": "2.5", "a": Decimal("1234.5"), "n": 1234})
    with translation.override("zh-hans"), timezone.override(ZoneInfo("Asia/Shanghai")):
        assert template.render(context) == (
            "2026年12月2日 20:05|2026年12月2日|20:05|1 小时 20 分钟|2 小时 30 分钟|€1,234.50|1,234"
        )
    with translation.override("el"), timezone.override(ATHENS):
        assert template.render(context) == (
            "2 Δεκ 2026, 14:05|2 Δεκ 2026|14:05|1 ώρα 20 λεπτά|2 ώρες 30 λεπτά|1.234,50\xa0€|1.234"
        )


def test_nothing_is_written_for_no_value() -> None:
    assert formats.format_date(None) == formats.format_datetime(None) == ""
    assert formats.format_duration(None) == formats.format_money(None, "EUR") == ""
