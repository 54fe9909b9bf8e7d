"""API for business calendars and SLA policies."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from steward.lib.api import (
    ApiError,
    Id,
    Out,
    Page,
    Timestamp,
    api_user,
    not_found,
    page,
    require,
)
from steward.lib.formats import format_date, format_datetime, format_duration, format_time
from steward.sla.models import DEFAULT_MATRIX, BusinessCalendar, SlaPolicy, default_pause_statuses

router = Router(tags=["SLA"])

MAX_BUSINESS_MINUTES = 60 * 24 * 366 * 5


class CalendarIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    timezone: str = "UTC"
    weekly: dict[str, list[tuple[str, str]]] = Field(default_factory=dict)
    holiday_country: str = ""
    holiday_subdivision: str = ""
    closed_dates: list[date] = Field(default_factory=list)
    extra_working_dates: list[date] = Field(default_factory=list)


class CalendarPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    timezone: str | None = None
    weekly: dict[str, list[tuple[str, str]]] | None = None
    holiday_country: str | None = None
    holiday_subdivision: str | None = None
    closed_dates: list[date] | None = None
    extra_working_dates: list[date] | None = None


class CalendarOut(Out):
    id: int
    name: str
    timezone: str
    weekly: dict[str, list[list[str]]]
    holiday_country: str
    holiday_subdivision: str
    closed_dates: list[str]
    extra_working_dates: list[str]


class DueIn(Schema):
    start: datetime
    business_minutes: int = Field(..., ge=0, le=MAX_BUSINESS_MINUTES)


class DueOut(Out):
    due: Timestamp
    explanation: list[str]


class PolicyIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    calendar: Id | None = None
    targets: dict[str, dict[str, int | None]]
    pause_statuses: list[str] | dict[str, list[str]] | None = None
    warning_percent: int = Field(80, ge=1, le=99)
    matrix: dict[str, dict[str, str]] | None = None


class PolicyOut(Out):
    id: int
    name: str
    calendar: int | None = Field(validation_alias="calendar_id")
    targets: dict[str, dict[str, int | None]]
    pause_statuses: list[str] | dict[str, list[str]]
    warning_percent: int
    matrix: dict[str, dict[str, str]]


def visible_calendars(request: HttpRequest) -> QuerySet[BusinessCalendar]:
    user = api_user(request)
    qs = BusinessCalendar.objects.all()
    if user.is_provider:
        return qs
    # A client sees the calendars its own agreements and organization use, nobody else's.
    org = user.organization
    own = [org.calendar_id] if org is not None and org.calendar_id else []
    return qs.filter(
        Q(policies__agreements__organization_id=user.organization_id or 0) | Q(pk__in=own)
    ).distinct()


def visible_policies(request: HttpRequest) -> QuerySet[SlaPolicy]:
    user = api_user(request)
    qs = SlaPolicy.objects.all()
    if user.is_provider:
        return qs
    return qs.filter(agreements__organization_id=user.organization_id or 0).distinct()


def _save(obj: BusinessCalendar | SlaPolicy) -> None:
    obj.full_clean()
    obj.save()


@router.get("/calendars", response=Page[CalendarOut])
def list_calendars(request: HttpRequest, limit: int = 50, offset: int = 0) -> Page[CalendarOut]:
    qs = visible_calendars(request).order_by("name", "pk")
    return page(qs, limit, offset, CalendarOut.from_orm)


@router.post("/calendars", response={201: CalendarOut})
def create_calendar(request: HttpRequest, payload: CalendarIn) -> Status[CalendarOut]:
    require(api_user(request).can_manage_settings)
    data = payload.dict()
    data["weekly"] = {d: [list(p) for p in v] for d, v in data["weekly"].items()}
    data["closed_dates"] = [d.isoformat() for d in data["closed_dates"]]
    data["extra_working_dates"] = [d.isoformat() for d in data["extra_working_dates"]]
    if BusinessCalendar.objects.filter(name=data["name"]).exists():
        raise ApiError(409, _("name: a calendar with this name exists."), "name")
    cal = BusinessCalendar(**data)
    _save(cal)
    return Status(201, CalendarOut.from_orm(cal))


def _get_calendar(request: HttpRequest, calendar_id: int) -> BusinessCalendar:
    cal = visible_calendars(request).filter(pk=calendar_id).first()
    if cal is None:
        raise not_found("calendar")
    return cal


@router.get("/calendars/{calendar_id}", response=CalendarOut)
def get_calendar(request: HttpRequest, calendar_id: int) -> CalendarOut:
    return CalendarOut.from_orm(_get_calendar(request, calendar_id))


@router.patch("/calendars/{calendar_id}", response=CalendarOut)
def update_calendar(request: HttpRequest, calendar_id: int, payload: CalendarPatch) -> CalendarOut:
    cal = _get_calendar(request, calendar_id)
    require(api_user(request).can_manage_settings)
    for key, value in payload.dict(exclude_unset=True).items():
        if value is None:
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
        if key == "weekly":
            value = {d: [list(p) for p in v] for d, v in value.items()}
        elif key in ("closed_dates", "extra_working_dates"):
            value = [d.isoformat() for d in value]
        setattr(cal, key, value)
    _save(cal)
    return CalendarOut.from_orm(cal)


@router.post("/calendars/{calendar_id}/due", response=DueOut)
def calendar_due(request: HttpRequest, calendar_id: int, payload: DueIn) -> DueOut:
    cal = _get_calendar(request, calendar_id)
    if payload.start.tzinfo is None or payload.start.utcoffset() is None:
        raise ApiError(
            422, _("start: include a UTC offset, e.g. 2026-03-02T09:00:00+02:00."), "start"
        )
    compiled = cal.compiled()
    try:
        due = compiled.add(payload.start, payload.business_minutes)
    except (ValueError, OverflowError) as exc:
        raise ApiError(422, f"business_minutes: {exc}", "business_minutes") from None
    return DueOut(
        due=due, explanation=due_explanation(cal, payload.start, due, payload.business_minutes)
    )


def due_explanation(
    cal: BusinessCalendar, start: datetime, due: datetime, minutes: int
) -> list[str]:
    compiled = cal.compiled()
    tz_start = start.astimezone(due.tzinfo)
    lines = [
        _(
            "%(minutes)s of business time (%(n)s minutes) from %(start)s in %(cal)s "
            "(%(tz)s, %(hours)s)."
        )
        % {
            "minutes": format_duration(minutes),
            "n": minutes,
            "start": format_datetime(start, "yMMMEd", tz=cal.timezone),
            "cal": cal.name,
            "tz": cal.timezone,
            "hours": cal.describe_hours(),
        }
    ]
    opening = compiled.next_opening(start)
    if opening != start:
        lines.append(
            _("Closed at the start; counting from the next opening, %(open)s.")
            % {"open": format_datetime(opening, "yMMMEd", tz=cal.timezone)}
        )
    segments = compiled.segments(start, minutes)
    for begin, end in segments[:14]:
        lines.append(
            _("Counted %(from)s-%(to)s (%(len)s).")
            % {
                "from": format_datetime(begin, "yMMMEd", tz=cal.timezone),
                "to": format_time(end, tz=cal.timezone),
                "len": format_duration(end - begin),
            }
        )
    if len(segments) > 14:
        lines.append(_("... and %(n)s more working periods.") % {"n": len(segments) - 14})
    skipped = _closed_days(cal, tz_start.date(), due.date())
    if skipped:
        lines.append(_("Closed days skipped: %(days)s.") % {"days": ", ".join(skipped[:20])})
    due_text = f"{format_datetime(due, 'yMMMEd', tz=cal.timezone)} {due.tzname()}"
    lines.append(_("Due %(due)s.") % {"due": due_text})
    return lines


def _closed_days(cal: BusinessCalendar, first: date, last: date) -> list[str]:
    if (last - first).days > 400:
        return []
    names = cal.public_holidays(range(first.year, last.year + 1))
    closed = set(cal.closed_dates)
    out = []
    day = first
    while day <= last:
        if day in names:
            out.append(f"{format_date(day)} {names[day]}")
        elif day.isoformat() in closed:
            out.append(format_date(day))
        day += timedelta(days=1)
    return out


@router.get("/sla-policies", response=Page[PolicyOut])
def list_policies(request: HttpRequest, limit: int = 50, offset: int = 0) -> Page[PolicyOut]:
    qs = visible_policies(request).order_by("name", "pk")
    return page(qs, limit, offset, PolicyOut.from_orm)


def _pause_statuses(value: list[str] | dict[str, list[str]] | None) -> Any:
    return default_pause_statuses() if value is None else value


@router.post("/sla-policies", response={201: PolicyOut})
def create_policy(request: HttpRequest, payload: PolicyIn) -> Status[PolicyOut]:
    require(api_user(request).can_manage_settings)
    calendar = None
    if payload.calendar is not None:
        calendar = BusinessCalendar.objects.filter(pk=payload.calendar).first()
        if calendar is None:
            raise ApiError(422, _("calendar: no such calendar."), "calendar")
    if SlaPolicy.objects.filter(name=payload.name).exists():
        raise ApiError(409, _("name: a policy with this name exists."), "name")
    policy = SlaPolicy(
        name=payload.name,
        calendar=calendar,
        targets=payload.targets,
        pause_statuses=_pause_statuses(payload.pause_statuses),
        warning_percent=payload.warning_percent,
        matrix=payload.matrix or {},
    )
    if not policy.matrix:
        policy.matrix = DEFAULT_MATRIX
    _save(policy)
    return Status(201, PolicyOut.from_orm(policy))


@router.get("/sla-policies/{policy_id}", response=PolicyOut)
def get_policy(request: HttpRequest, policy_id: int) -> PolicyOut:
    policy = visible_policies(request).filter(pk=policy_id).first()
    if policy is None:
        raise not_found("SLA policy")
    return PolicyOut.from_orm(policy)
