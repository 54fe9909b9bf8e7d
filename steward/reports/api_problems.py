"""The problems endpoints of the Reports API (DESIGN.md): recurring groups of tickets and the
Problems opened for them. Provider staff write problems; the client's people read their
organization's (known errors and their workarounds help them too); another organization's
problem is a 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.accounts.api import named_organization
from steward.lib.api import (
    ApiError,
    Id,
    Items,
    Out,
    Page,
    Timestamp,
    api_user,
    get_for_write,
    get_visible,
    page,
)
from steward.lib.errors import DomainError
from steward.reports import problems as actions
from steward.reports import recurring
from steward.reports.api_period import organization_and_period
from steward.reports.models import Problem, ProblemStatus

router = Router(tags=["Reports: problems"])

gettext_noop("problem")


class ClusterOut(Out):
    label: str
    tickets: list[int]
    since: Timestamp


class ProblemIn(Schema):
    organization: Id
    title: str = Field(..., max_length=200)
    tickets: list[Id] = Field(default_factory=list)
    root_cause: str = Field("", max_length=100_000)
    workaround: str = Field("", max_length=100_000)
    status: str = ProblemStatus.OPEN.value
    owner: Id | None = None


class ProblemPatch(Schema):
    title: str | None = Field(None, max_length=200)
    tickets: list[Id] | None = None
    root_cause: str | None = Field(None, max_length=100_000)
    workaround: str | None = Field(None, max_length=100_000)
    status: str | None = None
    owner: Id | None = None


class ProblemOut(Out):
    id: int
    organization: int
    title: str
    tickets: list[int]
    root_cause: str
    workaround: str
    status: str
    owner: int | None
    created_at: Timestamp
    updated_at: Timestamp
    resolved_at: Timestamp | None

    @classmethod
    def of(cls, problem: Problem) -> ProblemOut:
        return cls(
            id=problem.pk,
            organization=problem.organization_id,
            title=problem.title,
            tickets=sorted(t.pk for t in problem.tickets.all()),
            root_cause=problem.root_cause,
            workaround=problem.workaround,
            status=problem.status,
            owner=problem.owner_id,
            created_at=problem.created_at,
            updated_at=problem.updated_at,
            resolved_at=problem.resolved_at,
        )


def _save(problem: Problem, payload: Schema, request: HttpRequest) -> Problem:
    data: dict[str, Any] = payload.dict(exclude_unset=True, exclude={"organization"})
    changes = actions.Changes(
        title=data.get("title"),
        root_cause=data.get("root_cause"),
        workaround=data.get("workaround"),
        status=data.get("status"),
        owner=data.get("owner"),
        owner_set="owner" in data,
        tickets=data.get("tickets"),
    )
    try:
        return actions.save_problem(problem, changes, api_user(request))
    except DomainError as error:
        # A ticket of another client is a bad reference in the body (400), as DESIGN says.
        status = 400 if error.field == "tickets" else 422
        raise ApiError(status, f"{error.field}: {error}", error.field) from None


@router.get("/organizations/{org_id}/recurring", response=Items[ClusterOut])
def list_recurring(
    request: HttpRequest,
    org_id: int,
    from_: str | None = Query(None, alias="from"),  # type: ignore[type-arg]
    to: str | None = None,
) -> Items[ClusterOut]:
    """Groups of at least 3 tickets created in the period that say the same thing or concern
    the same asset or check (`from`, `to`: dates, both included; default the last 90 days),
    largest first. Provider staff and the client's administrators."""
    # The client's administrators see every ticket of theirs, so they may read this too; a
    # client user sees only their own tickets, and labels quote other people's.
    org, period = organization_and_period(request, org_id, from_, to)
    found = recurring.clusters(org, period)
    return Items(items=[ClusterOut(label=c.label, tickets=c.tickets, since=c.since) for c in found])


@router.get("/problems", response=Page[ProblemOut])
def list_problems(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    status: str | None = None,
) -> Page[ProblemOut]:
    """The problems of the organizations the caller sees, newest first."""
    qs = Problem.objects.visible_to(api_user(request)).prefetch_related("tickets")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    if status is not None:
        if status not in ProblemStatus.values:
            raise ApiError(
                422,
                _("status: use one of %(values)s.") % {"values": ", ".join(ProblemStatus.values)},
                "status",
            )
        qs = qs.filter(status=status)
    return page(qs.order_by("-created_at", "-id"), limit, offset, ProblemOut.of)


@router.post("/problems", response={201: ProblemOut})
def create_problem(request: HttpRequest, payload: ProblemIn) -> HttpStatus[ProblemOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    actions.require_writer(user)
    problem = _save(Problem(organization=org), payload, request)
    return HttpStatus(201, ProblemOut.of(problem))


@router.get("/problems/{problem_id}", response=ProblemOut)
def get_problem(request: HttpRequest, problem_id: int) -> ProblemOut:
    qs = Problem.objects.prefetch_related("tickets")
    return ProblemOut.of(get_visible(qs, api_user(request), "problem", pk=problem_id))


@router.patch("/problems/{problem_id}", response=ProblemOut)
def update_problem(request: HttpRequest, problem_id: int, payload: ProblemPatch) -> ProblemOut:
    user = api_user(request)
    qs = Problem.objects.select_related("organization")
    problem = get_for_write(qs, user, "problem", pk=problem_id)
    actions.require_writer(user)
    return ProblemOut.of(_save(problem, payload, request))
