"""The vault's API: the exit pack and the security posture (DESIGN.md, "Vault API")."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from steward.accounts.models import PROVIDER_ROLES, Organization, User
from steward.lib.api import ApiError, Out, Timestamp, api_user, get_visible, require
from steward.vault import exitpack, posture
from steward.vault.models import VAULT_READERS, PostureControl, PostureStatus

router = Router(tags=["vault"])

# The posture shows a client's weak points: provider staff and the client's admins read it.
POSTURE_READERS = VAULT_READERS


class ExitPackIn(Schema):
    password: str = Field(
        ...,
        max_length=1000,
        description="Opens vault.kdbx; at least 12 characters. Steward does not keep it.",
    )


def _org(user: User, org_id: int) -> Organization:
    return get_visible(Organization.objects.all(), user, "organization", pk=org_id)


@router.post(
    "/organizations/{org_id}/exit-pack",
    response={200: None},
    openapi_extra={
        "responses": {
            200: {
                "description": "The exit pack (a zip), streamed.",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def exit_pack(request: HttpRequest, org_id: int, payload: ExitPackIn) -> StreamingHttpResponse:
    """Everything about the client's IT in one zip: the vault as a KeePass file, assets,
    vendors, documents, tickets, agreements, the audit log and its verifier, and a README for
    the next provider. Client admins of the organization and provider admins; the export is
    written to the audit log before the pack is returned."""
    user = api_user(request)
    org = _org(user, org_id)
    pack = exitpack.start(org, user, payload.password)
    response = StreamingHttpResponse(pack.chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}"'
    response["Cache-Control"] = "no-store"
    return response


# --- Posture ----------------------------------------------------------------------------


class ControlOut(Out):
    key: str
    framework: str
    ref: str
    title: str
    guidance: str
    status: PostureStatus
    owner: str
    evidence: str
    computed_evidence: str = Field(description="What Steward's records say about it, if any.")
    assets: list[int]
    review_by: date | None
    overdue: bool = Field(description="The review date has passed.")
    updated_at: Timestamp

    @classmethod
    def of(cls, row: PostureControl, facts: dict[str, str], today: date) -> ControlOut:
        control = posture.BY_KEY[row.control]
        return cls(
            key=control.key,
            framework=control.framework,
            ref=control.ref,
            title=str(control.title),
            guidance=str(control.guidance),
            status=PostureStatus(row.status),
            owner=row.owner,
            evidence=row.evidence,
            computed_evidence=facts.get(row.control, ""),
            assets=sorted(a.pk for a in row.assets.all()),
            review_by=row.review_by,
            overdue=posture.overdue(row, today),
            updated_at=row.updated_at,
        )


class MfaOut(Out):
    user: int
    name: str
    email: str
    role: str
    totp: bool
    webauthn: bool


class PostureOut(Out):
    organization: int
    controls: list[ControlOut]
    mfa: list[MfaOut]


class ControlPatch(Schema):
    status: str | None = Field(None, description="met, partial, not_met or not_applicable")
    owner: str | None = Field(None, max_length=200)
    evidence: str | None = Field(None, max_length=5000)
    review_by: date | None = None
    assets: list[int] | None = Field(None, max_length=500)


def _posture_org(user: User, org_id: int) -> Organization:
    org = _org(user, org_id)
    require(user.role in POSTURE_READERS)
    return org


def _controls(org: Organization) -> list[ControlOut]:
    today = timezone.localdate()
    facts = posture.computed_evidence(org)
    rows = posture.controls_of(org)
    prefetch_related_objects(rows, "assets")
    return [ControlOut.of(row, facts, today) for row in rows]


@router.get("/organizations/{org_id}/posture", response=PostureOut)
def get_posture(request: HttpRequest, org_id: int) -> PostureOut:
    """The organization's security checklist (Cyber Essentials and ISO/IEC 27001:2022 Annex A
    themes) and which of its Steward users sign in with a second factor."""
    org = _posture_org(api_user(request), org_id)
    return PostureOut(
        organization=org.pk,
        controls=_controls(org),
        mfa=[
            MfaOut(
                user=m.user.pk,
                name=m.user.name,
                email=m.user.email,
                role=m.user.role,
                totp=m.totp,
                webauthn=m.webauthn,
            )
            for m in posture.mfa_status(org)
        ],
    )


@router.patch("/organizations/{org_id}/posture/{control}", response=ControlOut)
def patch_control(
    request: HttpRequest, org_id: int, control: str, payload: ControlPatch
) -> ControlOut:
    """Record a review of one control (provider staff): status, owner, evidence, review date,
    the assets the evidence names."""
    user = api_user(request)
    org = _org(user, org_id)
    if control not in posture.BY_KEY:
        raise ApiError(404, _("No such control."), "control")
    require(user.role in PROVIDER_ROLES, _("Only the provider's staff review the posture."))
    data: dict[str, Any] = payload.dict(exclude_unset=True)
    row = posture.update(org, control, user, data)
    return ControlOut.of(row, posture.computed_evidence(org), timezone.localdate())
