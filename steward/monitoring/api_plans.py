"""API for preventive-maintenance plans: each occurrence opens a service request with the
plan's checklist (ticked through `POST /tickets/{id}/checklist/{item_id}`)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.accounts.api import named_organization
from steward.accounts.models import Organization, User
from steward.desk.models import Queue
from steward.lib.api import (
    ApiError,
    Id,
    Out,
    Page,
    Timestamp,
    api_user,
    get_for_write,
    get_visible,
    page,
    require,
)
from steward.monitoring import plans
from steward.monitoring.models import Check, MaintenancePlan
from steward.vault.models import Asset

router = Router(tags=["Maintenance"])

# What a 404 of these routes names, for the catalogs.
gettext_noop("maintenance plan")

RRULE_HELP = (
    "An RFC 5545 RRULE (`FREQ=MONTHLY;BYDAY=1MO`) repeating the wall-clock time of `starts` "
    "in the organization's time zone."
)
STARTS_HELP = "The first occurrence, ISO 8601; without an offset, the organization's local time."
CHECKLIST_HELP = "The steps each ticket carries, in order (1-100 steps of <= 200 characters)."


class PlanIn(Schema):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    rrule: str = Field(..., max_length=500, description=RRULE_HELP)
    starts: datetime = Field(..., description=STARTS_HELP)
    checklist: list[str] = Field(..., description=CHECKLIST_HELP)
    assignee: Id | None = None
    queue: Id | None = None
    check: Id | None = Field(None, description="A check of the organization it looks after.")
    asset: Id | None = Field(None, description="An asset of the organization it looks after.")
    estimated_minutes: int = 30
    active: bool = True


class PlanPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    rrule: str | None = Field(None, max_length=500, description=RRULE_HELP)
    starts: datetime | None = Field(None, description=STARTS_HELP)
    checklist: list[str] | None = Field(None, description=CHECKLIST_HELP)
    assignee: Id | None = None
    queue: Id | None = None
    check: Id | None = None
    asset: Id | None = None
    estimated_minutes: int | None = None
    active: bool | None = None


class RecordOut(Out):
    planned: int
    done_on_time: int
    late: int
    skipped: int
    open: int


class PlanOut(Out):
    id: int
    organization: int
    name: str
    rrule: str
    starts: Timestamp
    checklist: list[str]
    assignee: int | None
    queue: int | None
    check: int | None
    asset: int | None
    estimated_minutes: int
    active: bool
    next_at: Timestamp | None = Field(description="The next occurrence that has no ticket yet.")

    @classmethod
    def of(cls, plan: MaintenancePlan) -> PlanOut:
        return cls(
            id=plan.pk,
            organization=plan.organization_id,
            name=plan.name,
            rrule=plan.rrule,
            starts=plan.starts,
            checklist=list(plan.checklist),
            assignee=plan.assignee_id,
            queue=plan.queue_id,
            check=plan.linked_check_id,
            asset=plan.asset_id,
            estimated_minutes=plan.estimated_minutes,
            active=plan.active,
            next_at=plan.next_at,
        )


class OccurrenceOut(Out):
    due_at: Timestamp
    ticket: int | None
    ticket_number: str | None
    outcome: str = Field(description="`on_time`, `late`, `skipped` or `open`.")


class PlanRecordOut(Out):
    record: RecordOut
    occurrences: list[OccurrenceOut] = Field(description="Newest first.")


def _aware(value: datetime, org: Organization) -> datetime:
    if timezone.is_naive(value):
        return value.replace(tzinfo=zoneinfo.ZoneInfo(org.timezone))
    return value


def _apply(plan: MaintenancePlan, data: dict[str, Any]) -> None:
    """Put the fields a body sent on the plan, each looked up and named when it is wrong."""
    for key in ("name", "rrule", "checklist", "estimated_minutes", "active", "starts"):
        if key in data and data[key] is None:
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
    for key in ("name", "rrule", "checklist", "estimated_minutes", "active"):
        if key in data:
            setattr(plan, key, data[key])
    if "starts" in data:
        plan.starts = _aware(data["starts"], plan.organization)
    if "assignee" in data:
        plan.assignee = None
        if data["assignee"] is not None:
            staff = User.objects.staff().filter(pk=data["assignee"]).first()
            if staff is None:
                raise ApiError(422, _("assignee: no such provider staff member."), "assignee")
            plan.assignee = staff
    if "queue" in data:
        plan.queue = None
        if data["queue"] is not None:
            queue = Queue.objects.filter(pk=data["queue"]).first()
            if queue is None:
                raise ApiError(422, _("queue: no such queue."), "queue")
            plan.queue = queue
    if "check" in data:
        plan.linked_check = None
        if data["check"] is not None:
            check = Check.objects.filter(pk=data["check"], organization=plan.organization).first()
            if check is None:
                raise ApiError(422, _("check: no such check of this organization."), "check")
            plan.linked_check = check
    if "asset" in data:
        plan.asset = None
        if data["asset"] is not None:
            asset = Asset.objects.filter(pk=data["asset"], organization=plan.organization).first()
            if asset is None:
                raise ApiError(422, _("asset: no such asset of this organization."), "asset")
            plan.asset = asset


def _save(plan: MaintenancePlan) -> None:
    try:
        plans.save_plan(plan)
    except plans.PlanError as e:
        raise ApiError(422, str(e), e.field) from None


@router.get("/maintenance-plans", response=Page[PlanOut])
def list_plans(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> Page[PlanOut]:
    """The plans of the organizations the caller sees (a client reads its own)."""
    qs = MaintenancePlan.objects.visible_to(api_user(request)).order_by(
        "organization_id", "name", "id"
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, PlanOut.of)


@router.post("/maintenance-plans", response={201: PlanOut})
def create_plan(request: HttpRequest, payload: PlanIn) -> HttpStatus[PlanOut]:
    """A plan: each occurrence of its rule opens a service request (source `maintenance`)
    carrying its checklist. Provider staff who look after the organization."""
    user = api_user(request)
    org = named_organization(user, payload.organization)
    require(user.is_provider, _("Only provider staff change maintenance plans."))
    plan = MaintenancePlan(organization=org)
    _apply(plan, payload.dict(exclude={"organization"}))
    _save(plan)
    return HttpStatus(201, PlanOut.of(plan))


@router.get("/maintenance-plans/{plan_id}", response=PlanOut)
def get_plan(request: HttpRequest, plan_id: int) -> PlanOut:
    return PlanOut.of(
        get_visible(
            MaintenancePlan.objects.all(), api_user(request), "maintenance plan", pk=plan_id
        )
    )


@router.patch("/maintenance-plans/{plan_id}", response=PlanOut)
def update_plan(request: HttpRequest, plan_id: int, payload: PlanPatch) -> PlanOut:
    """Change a plan; a new rule, start or `active` starts its occurrences again from now."""
    user = api_user(request)
    plan = get_for_write(
        MaintenancePlan.objects.select_related("organization"),
        user,
        "maintenance plan",
        pk=plan_id,
    )
    require(user.is_provider, _("Only provider staff change maintenance plans."))
    _apply(plan, payload.dict(exclude_unset=True))
    _save(plan)
    return PlanOut.of(plan)


@router.get("/maintenance-plans/{plan_id}/occurrences", response=PlanRecordOut)
def plan_record(request: HttpRequest, plan_id: int) -> PlanRecordOut:
    """What became of each occurrence: `on_time` (its ticket resolved by the next occurrence,
    and within 7 days), `late`, `skipped` (missed while the worker was down), `open`."""
    plan = get_visible(
        MaintenancePlan.objects.select_related("organization"),
        api_user(request),
        "maintenance plan",
        pk=plan_id,
    )
    items = plans.outcomes([plan])[plan.pk]
    counts = plans.Record.of(result for _o, result in items)
    return PlanRecordOut(
        record=RecordOut(
            planned=counts.planned,
            done_on_time=counts.on_time,
            late=counts.late,
            skipped=counts.skipped,
            open=counts.open,
        ),
        occurrences=[
            OccurrenceOut(
                due_at=o.due_at,
                ticket=o.ticket_id,
                ticket_number=o.ticket.number if o.ticket else None,
                outcome=result,
            )
            for o, result in items
        ],
    )
