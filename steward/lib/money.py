"""Money as Decimal, never float, with one documented rounding rule.

Each invoice line's amount is its quantity times its unit price, rounded half-up to the cent
(commercial rounding, as invoices are read); an invoice's total is the sum of its rounded
lines, so lines always add up to the total. Hours are quantities with two decimals, rounded
half-up, after the minutes were rounded up to the agreement's billing increment.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value: Decimal | int | str) -> Decimal:
    """A amount rounded half-up to the cent. Floats are refused: they cannot hold cents."""
    if isinstance(value, float):
        raise TypeError("Money is never a float; pass a Decimal, an int or a string.")
    try:
        return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"Not an amount: {value!r}") from exc


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return money(quantity * unit_price)


def billable_minutes(minutes: int, increment: int) -> int:
    """Minutes rounded up to the billing increment (15: 1-15 -> 15, 16-30 -> 30)."""
    if minutes <= 0:
        return 0
    increment = max(increment, 1)
    return -(-minutes // increment) * increment


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / Decimal(60)).quantize(CENT, rounding=ROUND_HALF_UP)


def total(amounts: list[Decimal]) -> Decimal:
    return money(sum(amounts, ZERO))
