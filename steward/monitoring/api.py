"""API for checks, their pings and flips, and maintenance windows (DESIGN.md, Monitoring API)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.accounts.api import named_organization
from steward.accounts.models import User
from steward.lib.api import (
    ApiError,
    Id,
    Out,
    Page,
    Timestamp,
    api_user,
    check_page,
    get_visible,
    page,
    require,
)
from steward.monitoring import actions
from steward.monitoring.models import (
    Check,
    Flip,
    Kind,
    MaintenanceWindow,
    Ping,
    PingKind,
    Status,
)

router = Router(tags=["Monitoring"])


class CheckIn(Schema):
    organization: Id
    name: str = Field(..., max_length=200)
    kind: Kind
    impact: str = "medium"
    urgency: str = "medium"
    tags: list[str] = Field(default_factory=list, max_length=20)
    period: int | None = Field(
        None, ge=0, le=10**8, description="Heartbeat: seconds between pings."
    )
    grace: int | None = Field(None, ge=0, le=10**8, description="Heartbeat: seconds of lateness.")
    schedule: str = Field("", max_length=100, description="Heartbeat: a cron expression.")
    timezone: str = Field("UTC", max_length=64, description="The cron schedule's time zone.")
    target: str = Field("", max_length=500)
    interval: int | None = Field(None, ge=0, le=10**8)
    timeout: int | None = Field(None, ge=0, le=10**8)
    retries: int | None = Field(None, ge=0, le=10**4)
    expect: dict[str, Any] = Field(default_factory=dict)
    auto_resolve: bool = True
    reopen_within: int | None = Field(None, ge=0, le=10**8)
    asset: Id | None = Field(None, description="One of the organization's assets it watches.")


class CheckPatch(Schema):
    name: str | None = Field(None, max_length=200)
    impact: str | None = None
    urgency: str | None = None
    tags: list[str] | None = Field(None, max_length=20)
    period: int | None = Field(None, ge=0, le=10**8)
    grace: int | None = Field(None, ge=0, le=10**8)
    schedule: str | None = Field(None, max_length=100)
    timezone: str | None = Field(None, max_length=64)
    target: str | None = Field(None, max_length=500)
    interval: int | None = Field(None, ge=0, le=10**8)
    timeout: int | None = Field(None, ge=0, le=10**8)
    retries: int | None = Field(None, ge=0, le=10**4)
    expect: dict[str, Any] | None = None
    auto_resolve: bool | None = None
    reopen_within: int | None = Field(None, ge=0, le=10**8)
    asset: Id | None = Field(None, description="null: no asset.")


class CheckOut(Out):
    id: int
    organization: int
    name: str
    kind: Kind
    impact: str
    urgency: str
    tags: list[str]
    status: Status
    period: int | None
    grace: int | None
    schedule: str | None
    timezone: str | None
    ping_url: str | None = Field(description="Heartbeats: where the job pings.")
    target: str | None
    interval: int | None
    timeout: int | None
    retries: int | None
    expect: dict[str, Any]
    auto_resolve: bool
    reopen_within: int
    last_ping_at: Timestamp | None
    next_due: Timestamp | None
    open_ticket: int | None
    asset: int | None

    @classmethod
    def of(cls, check: Check) -> CheckOut:
        beat = check.is_heartbeat
        return cls(
            id=check.pk,
            organization=check.organization_id,
            name=check.name,
            kind=Kind(check.kind),
            impact=check.impact,
            urgency=check.urgency,
            tags=list(check.tags),
            status=Status(check.status),
            period=check.period if beat and not check.schedule else None,
            grace=check.grace if beat else None,
            schedule=check.schedule if beat and check.schedule else None,
            timezone=check.tz if beat else None,
            ping_url=check.ping_url if beat else None,
            target=None if beat else check.target,
            interval=None if beat else check.interval,
            timeout=None if beat else check.timeout,
            retries=None if beat else check.retries,
            expect=dict(check.expect),
            auto_resolve=check.auto_resolve,
            reopen_within=check.reopen_within,
            last_ping_at=check.last_ping_at,
            next_due=check.next_due,
            open_ticket=check.open_ticket_id,
            asset=check.asset_id,
        )


class PingOut(Out):
    at: Timestamp
    kind: PingKind
    exit_status: int | None
    body: str
    duration_ms: int | None


class FlipOut(Out):
    at: Timestamp
    from_: Status = Field(alias="from")
    to: Status
    reason: str

    @classmethod
    def of(cls, flip: Flip) -> FlipOut:
        return cls.model_validate(
            {"at": flip.at, "from": flip.old, "to": flip.new, "reason": flip.reason}
        )


class WindowIn(Schema):
    organization: Id
    checks: list[Id] = Field(default_factory=list, max_length=1000)
    starts: datetime
    ends: datetime
    rrule: str = Field("", max_length=500)
    reason: str = Field("", max_length=300)


class WindowOut(Out):
    id: int
    organization: int
    checks: list[int]
    starts: Timestamp
    ends: Timestamp
    rrule: str
    reason: str

    @classmethod
    def of(cls, window: MaintenanceWindow) -> WindowOut:
        return cls(
            id=window.pk,
            organization=window.organization_id,
            checks=sorted(c.pk for c in window.checks.all()),
            starts=window.starts,
            ends=window.ends,
            rrule=window.rrule,
            reason=window.reason,
        )


def _writer(user: User) -> None:
    require(user.is_provider, _("Only provider staff change checks."))


def _check(request: HttpRequest, check_id: int) -> Check:
    qs = Check.objects.select_related("organization")
    return get_visible(qs, api_user(request), "check", pk=check_id)


def _input(payload: CheckIn | CheckPatch, base: actions.CheckInput) -> actions.CheckInput:
    data = payload.dict(exclude_unset=True)
    for key, value in data.items():
        if value is None and key not in ("organization", "asset"):
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
    if "timezone" in data:
        data["tz"] = data.pop("timezone")
    if "asset" in data:
        data["asset_id"] = data.pop("asset")
    data.pop("organization", None)
    if "kind" in data:
        data["kind"] = str(data["kind"])
    return actions.CheckInput(**{**base.__dict__, **data})


@router.get("/checks", response=Page[CheckOut])
def list_checks(
    request: HttpRequest,
    limit: int = 100,
    offset: int = 0,
    organization: int | None = None,
    status: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
) -> Page[CheckOut]:
    user = api_user(request)
    check_page(limit, offset)
    qs = Check.objects.visible_to(user).order_by("organization_id", "name", "id")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    if status is not None:
        if status not in Status.values:
            raise ApiError(
                422,
                _("status: use one of %(values)s.") % {"values": ", ".join(Status.values)},
                "status",
            )
        qs = qs.filter(status=status)
    if kind is not None:
        if kind not in Kind.values:
            raise ApiError(
                422, _("kind: use one of %(values)s.") % {"values": ", ".join(Kind.values)}, "kind"
            )
        qs = qs.filter(kind=kind)
    if tag:
        qs = qs.tagged(tag)
    return page(qs, limit, offset, CheckOut.of)


@router.post("/checks", response={201: CheckOut})
def create_check(request: HttpRequest, payload: CheckIn) -> HttpStatus[CheckOut]:
    user = api_user(request)
    _writer(user)
    org = named_organization(user, payload.organization)
    data = _input(payload, actions.CheckInput(name=payload.name, kind=str(payload.kind)))
    check = actions.save_check(org, data)
    return HttpStatus(201, CheckOut.of(check))


@router.get("/checks/{check_id}", response=CheckOut)
def get_check(request: HttpRequest, check_id: int) -> CheckOut:
    return CheckOut.of(_check(request, check_id))


@router.patch("/checks/{check_id}", response=CheckOut)
def update_check(request: HttpRequest, check_id: int, payload: CheckPatch) -> CheckOut:
    user = api_user(request)
    check = _check(request, check_id)
    _writer(user)
    check = actions.save_check(check.organization, _input(payload, actions.input_of(check)), check)
    return CheckOut.of(check)


@router.delete("/checks/{check_id}", response={204: None})
def delete_check(request: HttpRequest, check_id: int) -> HttpStatus[None]:
    user = api_user(request)
    check = _check(request, check_id)
    _writer(user)
    actions.delete_check(check)
    return HttpStatus(204, None)


@router.post("/checks/{check_id}/pause", response=CheckOut)
def pause_check(request: HttpRequest, check_id: int) -> CheckOut:
    user = api_user(request)
    check = _check(request, check_id)
    _writer(user)
    return CheckOut.of(actions.pause(check, user))


@router.post("/checks/{check_id}/resume", response=CheckOut)
def resume_check(request: HttpRequest, check_id: int) -> CheckOut:
    user = api_user(request)
    check = _check(request, check_id)
    _writer(user)
    return CheckOut.of(actions.resume(check, user))


@router.get("/checks/{check_id}/pings", response=Page[PingOut])
def list_pings(
    request: HttpRequest, check_id: int, limit: int = 100, offset: int = 0
) -> Page[PingOut]:
    check = _check(request, check_id)
    qs = Ping.objects.filter(owner=check).order_by("-at", "-id")
    return page(qs, limit, offset, PingOut.from_orm)


# `from` is a Python keyword: the schema says it by its alias.
@router.get("/checks/{check_id}/flips", response=Page[FlipOut], by_alias=True)
def list_flips(
    request: HttpRequest, check_id: int, limit: int = 100, offset: int = 0
) -> Page[FlipOut]:
    check = _check(request, check_id)
    qs = Flip.objects.filter(owner=check).order_by("-at", "-id")
    return page(qs, limit, offset, FlipOut.of)


@router.get("/maintenance-windows", response=Page[WindowOut])
def list_windows(
    request: HttpRequest, limit: int = 100, offset: int = 0, organization: int | None = None
) -> Page[WindowOut]:
    qs = (
        MaintenanceWindow.objects.visible_to(api_user(request))
        .prefetch_related("checks")
        .order_by("-starts", "-id")
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, WindowOut.of)


@router.post("/maintenance-windows", response={201: WindowOut})
def create_window(request: HttpRequest, payload: WindowIn) -> HttpStatus[WindowOut]:
    user = api_user(request)
    _writer(user)
    org = named_organization(user, payload.organization)
    window = actions.save_window(
        org,
        actions.WindowInput(
            starts=payload.starts,
            ends=payload.ends,
            rrule=payload.rrule,
            reason=payload.reason,
            checks=list(payload.checks),
        ),
        user,
    )
    return HttpStatus(201, WindowOut.of(window))


@router.delete("/maintenance-windows/{window_id}", response={204: None})
def delete_window(request: HttpRequest, window_id: int) -> HttpStatus[None]:
    user = api_user(request)
    window = get_visible(MaintenanceWindow.objects.all(), user, "maintenance window", pk=window_id)
    _writer(user)
    window.delete()
    return HttpStatus(204, None)
