"""API for agreements."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from steward.accounts.models import Organization
from steward.contracts.models import Agreement
from steward.lib.api import ApiError, api_user, get_visible, paginate, require

router = Router(tags=["Agreements"])


class AgreementIn(Schema):
    organization: int
    name: str = Field(..., min_length=1, max_length=200)
    starts: date
    ends: date | None = None
    sla_policy: int


class AgreementOut(Schema):
    id: int
    organization: int
    name: str
    starts: date
    ends: date | None
    sla_policy: int


def _out(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.pk,
        "organization": agreement.organization_id,
        "name": agreement.name,
        "starts": agreement.starts,
        "ends": agreement.ends,
        "sla_policy": agreement.sla_policy_id,
    }


@router.get("/agreements", response=dict[str, Any])
def list_agreements(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> dict[str, Any]:
    qs = Agreement.objects.visible_to(api_user(request)).order_by("-starts", "-pk")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return paginate(qs, limit, offset, _out)


@router.post("/agreements", response={201: AgreementOut})
def create_agreement(request: HttpRequest, payload: AgreementIn) -> Status[dict[str, Any]]:
    from steward.sla.models import SlaPolicy

    user = api_user(request)
    org = Organization.objects.visible_to(user).filter(pk=payload.organization).first()
    if org is None:
        raise ApiError(422, "organization: no such organization.", "organization")
    require(user.can_manage_settings)
    policy = SlaPolicy.objects.filter(pk=payload.sla_policy).first()
    if policy is None:
        raise ApiError(422, "sla_policy: no such SLA policy.", "sla_policy")
    if payload.ends is not None and payload.ends < payload.starts:
        raise ApiError(422, "ends: an agreement cannot end before it starts.", "ends")
    agreement = Agreement(
        organization=org,
        name=payload.name,
        starts=payload.starts,
        ends=payload.ends,
        sla_policy=policy,
    )
    agreement.full_clean()
    agreement.save()
    return Status(201, _out(agreement))


@router.get("/agreements/{agreement_id}", response=AgreementOut)
def get_agreement(request: HttpRequest, agreement_id: int) -> dict[str, Any]:
    return _out(
        get_visible(Agreement.objects.all(), api_user(request), "agreement", pk=agreement_id)
    )
