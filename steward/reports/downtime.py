"""Downtime and what it cost (DESIGN.md, Reports API, `value`): intervals from the monitoring
flips and from incidents that stopped the business, merged, with maintenance windows apart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from steward.accounts.models import Organization
from steward.reports.period import Period


def value(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The API's shape exactly: {"downtime_minutes", "downtime": [{"start", "end", "source",
    "check" | "ticket"}], "maintenance_minutes", "cost_of_downtime", "billed_for_fixes",
    "currency", "caught_early", "maintenance": {"planned", "done_on_time", "late",
    "skipped"}}; money as Decimal, datetimes as aware datetimes."""
    raise NotImplementedError
