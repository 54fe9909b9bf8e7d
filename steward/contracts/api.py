"""API for the service catalogue, agreements and their versions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from django.db.models import Max
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from steward.accounts.api import named_organization
from steward.accounts.models import Organization
from steward.contracts import actions
from steward.contracts.models import (
    Agreement,
    AgreementVersion,
    Billing,
    OrganizationTax,
    Service,
    TaxTreatment,
)
from steward.lib.api import (
    Amount,
    ApiError,
    DecimalString,
    Id,
    Items,
    Money,
    Out,
    Page,
    Timestamp,
    api_user,
    get_for_write,
    get_visible,
    page,
    require,
)
from steward.sla.models import SlaPolicy

router = Router(tags=["Agreements"])


class ServiceIn(Schema):
    code: str = Field(..., min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(..., min_length=1, max_length=120)
    description: str = Field("", max_length=5000)
    monthly_price: Decimal = Field(Decimal("0.00"), ge=0, max_digits=12, decimal_places=2)


class TermsIn(Schema):
    billing: Billing | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    monthly_fee: Decimal | None = Amount
    unit_price: Decimal | None = Amount
    devices: int | None = Field(None, ge=0, le=1_000_000)
    hourly_rate: Decimal | None = Amount
    out_of_hours_multiplier: Decimal | None = Field(None, ge=1, le=10, decimal_places=2)
    included_hours: Decimal | None = Field(None, ge=0, le=10_000, decimal_places=2)
    block_hours: Decimal | None = Field(None, ge=0, le=10_000, decimal_places=2)
    rollover: bool | None = None
    increment_minutes: int | None = Field(None, ge=1, le=240)
    exclusions: str | None = Field(None, max_length=10_000)
    kpi_targets: dict[str, Any] | None = None  # checked against KPIS by the model
    tax_treatment: TaxTreatment | Literal[""] | None = Field(
        None, description="Empty: the client's tax setting applies."
    )
    tax_rate: Decimal | None = Field(None, ge=0, le=100, decimal_places=2)
    tax_note: str | None = Field(None, max_length=300)
    services: dict[str, Money] | None = None


class AgreementIn(TermsIn):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    starts: date
    ends: date | None = None
    sla_policy: Id


class AgreementPatch(TermsIn):
    name: str | None = Field(None, min_length=1, max_length=200)
    ends: date | None = None
    sla_policy: Id | None = None
    note: str = Field("", max_length=500)


# Services


class ServiceOut(Out):
    id: int
    code: str
    name: str
    description: str
    monthly_price: DecimalString
    active: bool


@router.get("/services", response=Page[ServiceOut])
def list_services(request: HttpRequest, limit: int = 50, offset: int = 0) -> Page[ServiceOut]:
    """The provider's service catalogue (every signed-in user may read it)."""
    return page(Service.objects.filter(active=True), limit, offset, ServiceOut.from_orm)


@router.post("/services", response={201: ServiceOut})
def create_service(request: HttpRequest, payload: ServiceIn) -> Status[ServiceOut]:
    require(api_user(request).can_manage_settings)
    if Service.objects.filter(code=payload.code).exists():
        raise ApiError(409, _("code: a service %(code)s exists.") % {"code": payload.code}, "code")
    service = Service.objects.create(**payload.dict())
    return Status(201, ServiceOut.from_orm(service))


# Agreements


class AgreementOut(Out):
    """An agreement's terms as they stand, and the number of the version that recorded them."""

    id: int
    organization: int
    name: str
    starts: date
    ends: date | None
    sla_policy: int
    sla_targets: dict[str, Any] = Field(description="The SLA policy's targets, by priority.")
    billing: Billing
    currency: str
    monthly_fee: DecimalString
    unit_price: DecimalString
    devices: int
    hourly_rate: DecimalString
    out_of_hours_multiplier: DecimalString
    included_hours: DecimalString
    block_hours: DecimalString
    rollover: bool
    increment_minutes: int
    exclusions: str
    kpi_targets: dict[str, Any]
    tax_treatment: TaxTreatment | Literal[""] = Field(
        "", description="The agreement's own VAT; empty: the client's tax setting applies."
    )
    tax_rate: DecimalString | None = None
    tax_note: str = ""
    services: dict[str, DecimalString] = Field(description="Monthly price by service code.")
    version: int | None

    @classmethod
    def of(cls, agreement: Agreement) -> AgreementOut:
        if hasattr(agreement, "version_number"):  # annotated by the list
            number = agreement.version_number
        else:
            current = agreement.current_version()
            number = current.number if current else None
        # The terms a version records, so that an answer and a version read the same.
        return cls(
            id=agreement.pk,
            organization=agreement.organization_id,
            **agreement.terms(),
            version=number,
        )


def _terms(payload: TermsIn) -> tuple[dict[str, Any], dict[str, Decimal] | None]:
    data = payload.dict(exclude_unset=True)
    services = data.pop("services", None)
    data.pop("note", None)
    return data, services


@router.get("/agreements", response=Page[AgreementOut])
def list_agreements(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> Page[AgreementOut]:
    qs = (
        Agreement.objects.visible_to(api_user(request))
        .select_related("sla_policy")
        .prefetch_related("covered__service")
        .annotate(version_number=Max("versions__number"))
        .order_by("-starts", "-pk")
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, AgreementOut.of)


@router.post("/agreements", response={201: AgreementOut})
def create_agreement(request: HttpRequest, payload: AgreementIn) -> Status[AgreementOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    require(user.can_manage_settings)
    terms, services = _terms(payload)
    for key in ("organization", "sla_policy"):
        terms.pop(key, None)
    agreement = Agreement(organization=org, sla_policy=_policy(payload.sla_policy), **terms)
    actions.create_agreement(agreement, user, services)
    return Status(201, AgreementOut.of(agreement))


def _policy(pk: int) -> SlaPolicy:
    policy = SlaPolicy.objects.filter(pk=pk).first()
    if policy is None:
        raise ApiError(422, _("sla_policy: no such SLA policy."), "sla_policy")
    return policy


def _agreement(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_visible(Agreement.objects.all(), api_user(request), "agreement", pk=agreement_id)


def _agreement_to_change(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_for_write(Agreement.objects.all(), api_user(request), "agreement", pk=agreement_id)


@router.get("/agreements/{agreement_id}", response=AgreementOut)
def get_agreement(request: HttpRequest, agreement_id: int) -> AgreementOut:
    return AgreementOut.of(_agreement(request, agreement_id))


@router.patch("/agreements/{agreement_id}", response=AgreementOut)
def revise_agreement(
    request: HttpRequest, agreement_id: int, payload: AgreementPatch
) -> AgreementOut:
    """Change the terms: a new version recording who, when and what changed."""
    user = api_user(request)
    agreement = _agreement_to_change(request, agreement_id)
    require(user.can_manage_settings)
    changes, services = _terms(payload)
    if "sla_policy" in changes:
        changes["sla_policy"] = _policy(changes["sla_policy"])
    actions.revise(agreement, user, changes, services, payload.note)
    return AgreementOut.of(agreement)


class VersionOut(Out):
    """The terms from one change to the next: who changed what, and the terms after."""

    number: int
    created_at: Timestamp
    created_by: str | None
    note: str
    changes: list[dict[str, Any]] = Field(description='`{"field", "from", "to"}` each.')
    terms: dict[str, Any]

    @staticmethod
    def resolve_created_by(version: AgreementVersion) -> str | None:
        return str(version.created_by) if version.created_by else None


@router.get("/agreements/{agreement_id}/versions", response=Items[VersionOut])
def list_versions(request: HttpRequest, agreement_id: int) -> Items[VersionOut]:
    agreement = _agreement(request, agreement_id)
    versions = agreement.versions.select_related("created_by").order_by("number")
    return Items(items=[VersionOut.from_orm(v) for v in versions])


# A client's tax setting: what its agreements' invoices carry unless an agreement says otherwise


class OrganizationTaxIn(Schema):
    treatment: TaxTreatment
    rate: Decimal = Field(Decimal("0.00"), ge=0, le=100, decimal_places=2)
    note: str = Field("", max_length=300)


class OrganizationTaxOut(Out):
    """`treatment` `standard` (VAT at `rate`), `exempt` or `reverse_charge`; `note` is the
    exemption reason or legal note printed on the invoice."""

    organization: int
    treatment: TaxTreatment
    rate: DecimalString
    note: str


def _tax_out(org: Organization) -> OrganizationTaxOut:
    row = OrganizationTax.objects.filter(organization=org).first() or OrganizationTax(
        organization=org
    )
    return OrganizationTaxOut(
        organization=org.pk, treatment=TaxTreatment(row.treatment), rate=row.rate, note=row.note
    )


@router.get("/organizations/{org_id}/tax", response=OrganizationTaxOut)
def get_organization_tax(request: HttpRequest, org_id: int) -> OrganizationTaxOut:
    user = api_user(request)
    require(OrganizationTax.objects.readable_by(user))
    return _tax_out(get_visible(Organization.objects.all(), user, "organization", pk=org_id))


@router.put("/organizations/{org_id}/tax", response=OrganizationTaxOut)
def set_organization_tax(
    request: HttpRequest, org_id: int, payload: OrganizationTaxIn
) -> OrganizationTaxOut:
    """Set the client's tax (provider admins and managers); issued invoices keep theirs."""
    user = api_user(request)
    org = get_visible(Organization.objects.all(), user, "organization", pk=org_id)
    require(user.can_manage_settings)
    actions.set_organization_tax(org, payload.treatment, payload.rate, payload.note)
    return _tax_out(org)
