"""KPI definitions of the scorecard (DESIGN.md, Reports API), over tickets' stored SLA columns.
Pure over the rows given: the scorecard (proof of value) chooses which tickets to pass."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from steward.desk.models import Ticket

MET, MISSED = "met", "missed"


class Kpi(NamedTuple):
    value: Decimal | None  # None: nothing to count
    n: int


def first_response_outcome(t: Ticket, end: datetime) -> str | None:
    """met, missed, or None when undecided or withdrawn (resolved or closed before the
    target fell due without a response: the client withdrew it)."""
    due = t.first_response_due
    if due is None:
        return None
    if t.first_responded_at is not None:
        return MET if t.first_responded_at <= due else MISSED
    stopped = t.stopped_at
    if stopped is not None and stopped <= end:
        return MISSED if stopped > due else None  # a stopped clock stops; before due: withdrawn
    return MISSED if due < end else None


def resolution_outcome(t: Ticket, end: datetime) -> str | None:
    due = t.resolution_due
    if due is None:
        return None
    if t.resolved_at is not None:
        return MET if t.resolved_at <= due else MISSED
    return MISSED if due < end else None


def sla_compliance(tickets: Iterable[Ticket], end: datetime) -> Kpi:
    """Over tickets opened in the period: each decided first-response and resolution target
    counts once; value = 100 x met / counted, rounded half-up to one decimal."""
    outcomes = [
        outcome
        for t in tickets
        for outcome in (first_response_outcome(t, end), resolution_outcome(t, end))
        if outcome is not None
    ]
    if not outcomes:
        return Kpi(None, 0)
    met = sum(1 for o in outcomes if o == MET)
    value = (Decimal(100) * met / len(outcomes)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return Kpi(value, len(outcomes))
