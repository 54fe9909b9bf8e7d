"""Dates, times, numbers, money and durations as the viewer's language writes them (CLDR, Babel).

Pages, mail and PDFs all format through here, so one style holds everywhere: "2 Dec 2026" and
"1 h 20 min" in English, "2026年12月2日" and "1 小时 20 分钟" in Chinese, "2 Δεκ 2026" and
"1 ώρα 20 λεπτά" in Greek. The language is the active Django language unless one is given;
datetimes are shown in the active time zone (the viewer's, set by the middleware) unless a
zone is given.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache

from babel import Locale, dates, numbers
from django.utils import timezone, translation

# English readers of an IT provider's pages are mostly European: day-first dates, 24-hour time.
_LOCALES = {"en": "en_GB", "zh-hans": "zh_Hans_CN", "el": "el_GR"}


def locale(language: str | None = None) -> Locale:
    """The CLDR locale for a Django language code (the active one by default)."""
    # Resolved per call: the active language changes from one request or mail to the next.
    return _locale((language or translation.get_language() or "en").lower())


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(_LOCALES.get(code, code.replace("-", "_")))


def _local(value: datetime, tz: str | None) -> datetime:
    if timezone.is_naive(value):
        return value
    return value.astimezone(zoneinfo.ZoneInfo(tz) if tz else timezone.get_current_timezone())


def format_date(
    value: date | datetime | None,
    style: str = "medium",
    language: str | None = None,
    tz: str | None = None,
) -> str:
    """A calendar date: style "short", "medium" (the default), "long", "full", or a CLDR
    skeleton such as "yMMMM" (a month and year) or "MMMd"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value, tz).date()
    loc = locale(language)
    if style in ("short", "medium", "long", "full"):
        return dates.format_date(value, style, locale=loc)
    return dates.format_skeleton(style, value, locale=loc)


def format_datetime(
    value: datetime | None,
    style: str = "medium",
    language: str | None = None,
    tz: str | None = None,
) -> str:
    """A date with its time of day (hours and minutes) in the viewer's zone; style is a date
    style or a CLDR date skeleton ("MMMEd": "Wed 2 Dec, 14:05", "12月2日周三 14:05")."""
    if value is None:
        return ""
    value = _local(value, tz)
    loc = locale(language)
    if style in ("short", "medium", "long", "full"):
        day = dates.format_date(value.date(), style, locale=loc)
    else:
        day = dates.format_skeleton(style, value.date(), locale=loc)
        style = "medium"
    pattern = str(loc.datetime_formats.get(style, "{1} {0}"))
    return pattern.replace("{1}", day).replace("{0}", _hm(value, loc))


def _hm(value: datetime, loc: Locale) -> str:
    return dates.format_skeleton("Hm", value, locale=loc)


def format_time(value: datetime | None, language: str | None = None, tz: str | None = None) -> str:
    if value is None:
        return ""
    return _hm(_local(value, tz), locale(language))


def weekday(index: int, language: str | None = None, width: str = "abbreviated") -> str:
    """A day of the week by its number, Monday being 0: "Mon", "周一", "Δευ"."""
    return str(locale(language).days["stand-alone"][width][index])


def format_number(
    value: int | float | Decimal | None, language: str | None = None, digits: int | None = None
) -> str:
    if value is None:
        return ""
    if digits is None:
        if isinstance(value, Decimal) and value.is_finite():
            # A stored 20.00 hours reads "20", 2.50 reads "2.5".
            value = (
                value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
            )
        return numbers.format_decimal(value, locale=locale(language))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return numbers.format_decimal(
        value, format=pattern, locale=locale(language), decimal_quantization=True
    )


def format_money(amount: Decimal | int | None, currency: str, language: str | None = None) -> str:
    """An amount with its currency as the language writes it ("€1,234.50", "1.234,50 €")."""
    if amount is None:
        return ""
    return numbers.format_currency(amount, currency, locale=locale(language))


def format_duration(
    value: timedelta | int | float | None,
    language: str | None = None,
    length: str = "",
    days: bool = True,
) -> str:
    """Days, hours and minutes in the language's own units: "1 h 20 min", "1 小时 20 分钟",
    "1 ώρα 20 λεπτά". A number is minutes; days=False counts hours past 24 ("50 h")."""
    if value is None:
        return ""
    minutes = int(round(value.total_seconds() / 60 if isinstance(value, timedelta) else value))
    sign = "-" if minutes < 0 else ""
    whole_days, rest = divmod(abs(minutes), 1440) if days else (0, abs(minutes))
    hours, mins = divmod(rest, 60)
    loc = locale(language)
    # Greek's short units are abbreviations ("ώ.", "λ."); its long ones read as the issue asks.
    length = length or ("long" if loc.language == "el" else "short")
    parts: list[str] = []
    for amount, unit in (
        (whole_days, "duration-day"),
        (hours, "duration-hour"),
        (mins, "duration-minute"),
    ):
        if amount or (unit == "duration-minute" and not parts):
            parts.append(_unit(amount, unit, loc, length))
    return sign + " ".join(parts)


def _unit(amount: int, unit: str, loc: Locale, length: str) -> str:
    from babel import units

    text = units.format_unit(amount, unit, length=length, locale=loc)  # type: ignore[arg-type]
    if loc.language == "en" and length == "short":
        # CLDR's English short units are "hr"/"min"/"day(s)"; an IT desk writes "h".
        text = text.replace(" hrs", " h").replace(" hr", " h").replace(" mins", " min")
        text = text.replace(" days", " d").replace(" day", " d")
    if loc.language == "zh":
        # "1 小时 20 分钟" reads better spaced when several units follow one another.
        text = f"{amount} {text.removeprefix(str(amount)).strip()}"
    return text
