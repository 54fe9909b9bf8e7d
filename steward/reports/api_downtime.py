"""The downtime endpoints of the Reports API (DESIGN.md): `GET organizations/{id}/value`.

Read by provider staff who see the organization and by that organization's client admins;
a client user is refused (403): the report prices the organization's hours."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from steward.lib.api import DecimalString, Timestamp
from steward.reports import downtime
from steward.reports.api_period import organization_and_period

router = Router(tags=["reports"])


class RefOut(Schema):
    """One check's or one incident's down time inside a merged interval."""

    source: str
    check: int | None = None
    ticket: int | None = None
    start: Timestamp
    end: Timestamp


class IntervalOut(Schema):
    """Down time, merged where checks and incidents overlap; named by the one that opened it."""

    start: Timestamp
    end: Timestamp
    source: str
    check: int | None = None
    ticket: int | None = None
    ongoing: bool
    merged: list[RefOut]


class MaintenanceOut(Schema):
    planned: int
    done_on_time: int
    late: int
    skipped: int


class ValueOut(Schema):
    downtime_minutes: int
    downtime: list[IntervalOut]
    maintenance_minutes: int
    cost_of_downtime: DecimalString
    billed_for_fixes: DecimalString
    currency: str
    caught_early: int
    maintenance: MaintenanceOut


@router.get(
    "/organizations/{org_id}/value",
    response=ValueOut,
    exclude_none=True,
    openapi_extra={"responses": {422: {"description": "A bad `from` or `to`."}}},
)
def organization_value(
    request: HttpRequest,
    org_id: int,
    from_: str | None = Query(None, alias="from"),  # type: ignore[type-arg]
    to: str | None = None,
) -> ValueOut:
    """Downtime from the checks' flips and the incidents that stopped the business (merged,
    maintenance windows apart), its cost, what the fixes were billed, the incidents monitoring
    caught before anyone called, and the preventive maintenance done on time."""
    org, period = organization_and_period(request, org_id, from_, to)
    return ValueOut.model_validate(downtime.value(org, period))
