"""The scorecard endpoint of the Reports API (DESIGN.md): provider staff who see the
organization, and the client's administrators, read it; a client user is refused (403), as
the portal shows the scorecard to administrators only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from steward.lib.api import Out
from steward.reports.api_period import organization_and_period
from steward.reports.scorecard import scorecard

router = Router(tags=["reports"])

Number = int | float | None


class TicketsOut(Schema):
    opened: int
    resolved: int
    backlog: int


class KpiOut(Schema):
    value: Number = Field(description="null when there is nothing to count")
    target: float | None = Field(description="the agreement's target, null without one")
    met: bool | None = Field(description="value against target; null without either")
    n: int = Field(description="how many tickets (or targets, or surveys) were counted")


class CsatOut(KpiOut):
    response_rate: float | None = Field(description="surveys answered / sent, percent")


class KpisOut(Schema):
    opened: KpiOut
    resolved: KpiOut
    backlog: KpiOut
    sla_compliance: KpiOut
    median_first_response_minutes: KpiOut
    median_resolution_hours: KpiOut
    reopened_percent: KpiOut
    first_contact_resolution_percent: KpiOut
    csat: CsatOut


class PreviousKpiOut(Schema):
    value: Number
    n: int


class PreviousOut(Schema):
    opened: PreviousKpiOut
    resolved: PreviousKpiOut
    backlog: PreviousKpiOut
    sla_compliance: PreviousKpiOut
    median_first_response_minutes: PreviousKpiOut
    median_resolution_hours: PreviousKpiOut
    reopened_percent: PreviousKpiOut
    first_contact_resolution_percent: PreviousKpiOut
    csat: PreviousKpiOut


class ScorecardOut(Out):
    organization: int
    start: str = Field(alias="from", description="YYYY-MM-DD, included")
    end: str = Field(alias="to", description="YYYY-MM-DD, included")
    tickets: TicketsOut
    kpis: KpisOut
    previous: PreviousOut


def numbers(value: Any) -> Any:
    """Decimals as JSON numbers (97.5, not "97.5"), all the way down."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: numbers(item) for key, item in value.items()}
    return value


@router.get(
    "/organizations/{org_id}/scorecard",
    response=ScorecardOut,
    by_alias=True,
    openapi_extra={
        "parameters": [
            {
                "name": "from",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "format": "date"},
                "description": "First day, in the organization's time zone (default: 90 "
                "days before `to`).",
            },
            {
                "name": "to",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "format": "date"},
                "description": "Last day, included (default: today).",
            },
        ]
    },
)
def get_scorecard(request: HttpRequest, org_id: int) -> ScorecardOut:
    """The organization's KPIs over a period (DESIGN.md, Reports API) against its
    agreement's targets, with the same period just before. Provider staff who see the
    organization and its client administrators."""
    org, period = organization_and_period(
        request, org_id, request.GET.get("from"), request.GET.get("to")
    )
    return ScorecardOut.model_validate(numbers(scorecard(org, period)))
