"""Money: Decimal only, one rounding rule, and lines that always add up to the total."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steward.lib.money import billable_minutes, hours, line_amount, money, total

prices = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False)
quantities = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


def test_it_refuses_floats() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]  # a float, on purpose
    with pytest.raises(ValueError):
        money("ten euros")


def test_it_rounds_half_up_to_the_cent() -> None:
    assert money("2.675") == Decimal("2.68")
    assert money("2.665") == Decimal("2.67")
    assert money("-2.675") == Decimal("-2.68")
    assert line_amount(Decimal("0.33"), Decimal("10.00")) == Decimal("3.30")
    assert line_amount(Decimal("1.25"), Decimal("85.50")) == Decimal("106.88")


def test_it_rounds_minutes_up_to_the_increment() -> None:
    assert [billable_minutes(m, 15) for m in (0, 1, 15, 16, 30, 31)] == [0, 15, 15, 30, 30, 45]
    assert billable_minutes(7, 6) == 12 and billable_minutes(7, 1) == 7
    assert hours(45) == Decimal("0.75") and hours(20) == Decimal("0.33")


@given(st.lists(st.tuples(quantities, prices), max_size=40))
def test_lines_always_add_up_to_the_total(lines: list[tuple[Decimal, Decimal]]) -> None:
    amounts = [line_amount(q, p) for q, p in lines]
    assert all(a == a.quantize(Decimal("0.01")) for a in amounts)
    assert total(amounts) == sum(amounts, Decimal("0.00"))
    assert isinstance(total(amounts), Decimal)


@given(quantities, prices)
def test_rounding_is_stable(quantity: Decimal, price: Decimal) -> None:
    once = line_amount(quantity, price)
    assert money(once) == once  # Rounding a rounded amount changes nothing.
    assert abs(once - quantity * price) <= Decimal("0.005")
