"""Stand-ins for the scorecard, the downtime value and the recurring clusters, in the shapes
DESIGN.md gives them, for the review pack's tests and its benchmark: the pack is tested on
numbers it must print, whatever the real computations make of a database."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from steward.accounts.models import Organization
from steward.reports.period import Period
from steward.reports.recurring import Cluster


def scorecard(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    return {
        "organization": org.pk,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "tickets": {"opened": 412, "resolved": 398, "backlog": 17},
        "kpis": {
            "sla_compliance": {"value": Decimal("96.4"), "target": Decimal("95"), "met": True,
                               "n": 790},
            "median_first_response_minutes": {"value": Decimal("23"), "target": Decimal("30"),
                                              "met": True, "n": 405},
            "median_resolution_hours": {"value": Decimal("5.25"), "target": Decimal("8"),
                                        "met": True, "n": 380},
            "reopened_percent": {"value": Decimal("3.8"), "target": Decimal("5"), "met": True,
                                 "n": 398},
            "first_contact_resolution_percent": {"value": Decimal("71.9"), "target": None,
                                                 "met": None, "n": 398},
            "csat": {"value": Decimal("4.6"), "target": Decimal("4.5"), "met": True, "n": 131,
                     "response_rate": Decimal("32.9")},
        },
        "previous": {
            "sla_compliance": {"value": Decimal("93.1"), "n": 702},
            "median_first_response_minutes": {"value": Decimal("31"), "n": 360},
            "median_resolution_hours": {"value": Decimal("6.5"), "n": 340},
            "reopened_percent": {"value": Decimal("4.4"), "n": 350},
            "first_contact_resolution_percent": {"value": Decimal("68.0"), "n": 350},
            "csat": {"value": Decimal("4.4"), "n": 101},
        },
    }  # fmt: skip


def value(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    first, _last = period.bounds(org.timezone)
    day = 86400
    return {
        "downtime_minutes": 317,
        "downtime": [
            {"start": datetime.fromtimestamp(first.timestamp() + 9 * day + 3600, UTC),
             "end": datetime.fromtimestamp(first.timestamp() + 9 * day + 3600 + 192 * 60, UTC),
             "source": "check", "check": 0},
            {"start": datetime.fromtimestamp(first.timestamp() + 40 * day, UTC),
             "end": datetime.fromtimestamp(first.timestamp() + 40 * day + 125 * 60, UTC),
             "source": "ticket", "ticket": 0},
        ],
        "maintenance_minutes": 95,
        "cost_of_downtime": Decimal("4870.00"),
        "billed_for_fixes": Decimal("612.50"),
        "currency": "EUR",
        "caught_early": 14,
        "maintenance": {"planned": 26, "done_on_time": 22, "late": 3, "skipped": 1},
    }  # fmt: skip


def clusters(org: Organization, period: Period) -> list[Cluster]:
    first, _last = period.bounds(org.timezone)
    return [Cluster("Printer on 2F does not print", [1, 2, 3, 4], first)]


def empty_value(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    return {
        "downtime_minutes": 0, "downtime": [], "maintenance_minutes": 0,
        "cost_of_downtime": Decimal("0.00"), "billed_for_fixes": Decimal("0.00"),
        "currency": "EUR", "caught_early": 0,
        "maintenance": {"planned": 0, "done_on_time": 0, "late": 0, "skipped": 0},
    }  # fmt: skip
