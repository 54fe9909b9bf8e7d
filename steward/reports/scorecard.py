"""The scorecard of DESIGN.md (Reports API): the KPIs of kpis.py for one organization and a
period, held against the agreement's KPI targets, with the previous period beside them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from steward.accounts.models import Organization
from steward.reports.period import Period


def scorecard(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The API's shape exactly: {"organization", "from", "to", "tickets": {"opened",
    "resolved", "backlog"}, "kpis": {KEY: {"value", "target", "met", "n"}}, "previous":
    {KEY: {"value", "n"}}}; values as Decimal (or None), dates as ISO strings."""
    raise NotImplementedError
