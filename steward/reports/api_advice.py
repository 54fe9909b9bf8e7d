"""The advice endpoints of the Reports API (DESIGN.md). Provider staff write recommendations
and may re-propose one (`status: "proposed"`); the client's administrator answers through
`/decision`, each answer kept. Client users read no advice (404)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.accounts.api import named_organization
from steward.lib.api import (
    Amount,
    ApiError,
    DecimalString,
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
from steward.lib.errors import DomainError
from steward.reports import advice
from steward.reports.models import AdviceStatus, Recommendation

router = Router(tags=["reports"])

gettext_noop("recommendation")

INTEREST_HELP = 'Required, plainly: "we resell this at 15% margin", or "none".'


class RecommendationIn(Schema):
    organization: Id
    title: str = Field(..., max_length=200)
    rationale: str = Field(..., max_length=100_000)
    risk_if_declined: str = Field("", max_length=100_000)
    cost_once: Decimal | None = Amount
    cost_monthly: Decimal | None = Amount
    provider_interest: str | None = Field(None, description=INTEREST_HELP)
    control: Id | None = None
    asset: Id | None = None
    problem: Id | None = None


class RecommendationPatch(Schema):
    title: str | None = Field(None, max_length=200)
    rationale: str | None = Field(None, max_length=100_000)
    risk_if_declined: str | None = Field(None, max_length=100_000)
    cost_once: Decimal | None = Amount
    cost_monthly: Decimal | None = Amount
    provider_interest: str | None = Field(None, description=INTEREST_HELP)
    control: Id | None = None
    asset: Id | None = None
    problem: Id | None = None
    status: AdviceStatus | None = Field(
        None, description='Only "proposed" (re-propose); the client decides through /decision.'
    )


class DecisionIn(Schema):
    decision: str = Field(..., description='"accepted", "declined" or "deferred".')
    note: str = Field("", max_length=100_000)


class DecisionOut(Out):
    decision: str
    note: str
    by: int | None
    at: Timestamp


class RecommendationOut(Out):
    id: int
    organization: int
    title: str
    rationale: str
    risk_if_declined: str
    cost_once: DecimalString | None
    cost_monthly: DecimalString | None
    currency: str
    provider_interest: str
    control: int | None
    asset: int | None
    problem: int | None
    status: str
    created_by: int | None
    created_at: Timestamp
    updated_at: Timestamp
    decisions: list[DecisionOut] = Field(description="Every answer, newest first.")

    @classmethod
    def of(cls, rec: Recommendation) -> RecommendationOut:
        return cls(
            id=rec.pk,
            organization=rec.organization_id,
            title=rec.title,
            rationale=rec.rationale,
            risk_if_declined=rec.risk_if_declined,
            cost_once=rec.cost_once,
            cost_monthly=rec.cost_monthly,
            currency=rec.currency,
            provider_interest=rec.provider_interest,
            control=rec.control_id,
            asset=rec.asset_id,
            problem=rec.problem_id,
            status=rec.status,
            created_by=rec.created_by_id,
            created_at=rec.created_at,
            updated_at=rec.updated_at,
            decisions=[
                DecisionOut(decision=d.decision, note=d.note, by=d.by_id, at=d.at)
                for d in rec.decisions.all()
            ],
        )


def _saved(rec: Recommendation, data: dict[str, Any], request: HttpRequest) -> Recommendation:
    try:
        return advice.save(rec, data, api_user(request))
    except DomainError as exc:
        raise ApiError(403 if exc.forbidden else 400, str(exc), exc.field) from None


@router.get("/recommendations", response=Page[RecommendationOut])
def list_recommendations(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    status: str | None = None,
) -> Page[RecommendationOut]:
    """The advice of the organizations the caller sees, newest first."""
    qs = Recommendation.objects.visible_to(api_user(request)).prefetch_related("decisions")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    if status is not None:
        if status not in AdviceStatus.values:
            values = ", ".join(AdviceStatus.values)
            raise ApiError(422, _("status: use one of %(values)s.") % {"values": values}, "status")
        qs = qs.filter(status=status)
    return page(qs.order_by("-created_at", "-id"), limit, offset, RecommendationOut.of)


@router.post("/recommendations", response={201: RecommendationOut})
def create_recommendation(
    request: HttpRequest, payload: RecommendationIn
) -> HttpStatus[RecommendationOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    require(advice.may_write(user))
    data = payload.dict(exclude={"organization"})
    rec = _saved(Recommendation(organization=org), data, request)
    return HttpStatus(201, RecommendationOut.of(rec))


@router.get("/recommendations/{rec_id}", response=RecommendationOut)
def get_recommendation(request: HttpRequest, rec_id: int) -> RecommendationOut:
    rec = get_visible(Recommendation.objects.all(), api_user(request), "recommendation", pk=rec_id)
    return RecommendationOut.of(rec)


@router.patch("/recommendations/{rec_id}", response=RecommendationOut)
def update_recommendation(
    request: HttpRequest, rec_id: int, payload: RecommendationPatch
) -> RecommendationOut:
    user = api_user(request)
    rec = get_for_write(
        Recommendation.objects.select_related("organization"), user, "recommendation", pk=rec_id
    )
    require(advice.may_write(user))
    data = payload.dict(exclude_unset=True)
    if "status" in data and data["status"] is not None:
        data["status"] = str(data["status"].value)
    return RecommendationOut.of(_saved(rec, data, request))


@router.post("/recommendations/{rec_id}/decision", response={201: RecommendationOut})
def decide(request: HttpRequest, rec_id: int, payload: DecisionIn) -> HttpStatus[RecommendationOut]:
    """The client administrator's answer; answers the recommendation with its decisions."""
    user = api_user(request)
    rec = get_for_write(Recommendation.objects.all(), user, "recommendation", pk=rec_id)
    try:
        advice.decide(rec, user, payload.decision, payload.note)
    except DomainError as exc:
        raise ApiError(403 if exc.forbidden else 400, str(exc), exc.field) from None
    return HttpStatus(201, RecommendationOut.of(rec))
