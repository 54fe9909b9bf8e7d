"""The vault's API: credentials, their reveal, who may reveal, and the audit log
(DESIGN.md, "Vault API"). `secret` and `totp_secret` are write-only: no answer carries them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.accounts.api import named_organization
from steward.accounts.models import Organization, User
from steward.lib.api import (
    ApiError,
    Id,
    Out,
    Page,
    Timestamp,
    api_user,
    get_for_write,
    get_visible,
    not_found,
    page,
    require,
)
from steward.vault import access, audit
from steward.vault import actions_secrets as actions
from steward.vault.models import VAULT_READERS, AccessMode, AuditEntry, Credential

router = Router(tags=["Vault"])


class CredentialIn(Schema):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    username: str = Field("", max_length=200)
    secret: str = Field("", max_length=4000, description="Write-only.")
    url: str = Field("", max_length=500)
    notes: str = Field("", max_length=20000)
    totp_secret: str = Field("", max_length=200, description="Write-only: a base32 seed.")
    asset: Id | None = None
    vendor: Id | None = None


class CredentialPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    username: str | None = Field(None, max_length=200)
    secret: str | None = Field(None, max_length=4000, description="A new one is a rotation.")
    url: str | None = Field(None, max_length=500)
    notes: str | None = Field(None, max_length=20000)
    totp_secret: str | None = Field(None, max_length=200)
    asset: Id | None = None
    vendor: Id | None = None


class CredentialOut(Out):
    id: int
    organization: int
    name: str
    username: str
    url: str
    notes: str | None = Field(description="In clear on a single credential; null in lists.")
    asset: int | None
    vendor: int | None
    changed_at: Timestamp
    last_revealed_at: Timestamp | None
    last_revealed_by: int | None
    at_risk: bool

    @classmethod
    def of(cls, credential: Credential, notes: str | None = None) -> CredentialOut:
        return cls(
            id=credential.pk,
            organization=credential.organization_id,
            name=credential.name,
            username=credential.username,
            url=credential.url,
            notes=notes,
            asset=credential.asset_id,
            vendor=credential.vendor_id,
            changed_at=credential.changed_at,
            last_revealed_at=credential.last_revealed_at,
            last_revealed_by=credential.last_revealed_by_id,
            at_risk=credential.at_risk,
        )

    @classmethod
    def whole(cls, credential: Credential) -> CredentialOut:
        return cls.of(credential, actions.notes_of(credential))


class RevealIn(Schema):
    reason: str = Field(..., max_length=1000)


class RevealOut(Out):
    secret: str
    username: str
    totp: str | None


class AccessIO(Schema):
    mode: AccessMode
    people: list[Id] = Field(default_factory=list, max_length=500)


class AuditOut(Out):
    seq: int
    at: Timestamp
    actor: str
    action: str
    object: str
    reason: str
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor_label,
            action=entry.action,
            object=entry.object,
            reason=entry.reason,
            prev_hash=entry.prev_hash,
            hash=entry.hash,
        )


class VerifyOut(Out):
    ok: bool
    entries: int
    first_bad: int | None
    checkpoints: int


def _credential(request: HttpRequest, credential_id: int) -> Credential:
    qs = Credential.objects.select_related("organization")
    return get_visible(qs, api_user(request), "credential", pk=credential_id)


def _writable(request: HttpRequest, credential_id: int) -> Credential:
    qs = Credential.objects.select_related("organization")
    credential = get_for_write(qs, api_user(request), "credential", pk=credential_id)
    require(api_user(request).role in VAULT_READERS)
    return credential


def _org(user: User, org_id: int) -> Organization:
    """An organization of the URL this user sees (else 404), if their role reads the vault."""
    org = Organization.objects.visible_to(user).filter(pk=org_id).first()
    if org is None:
        raise not_found("organization")
    require(user.role in VAULT_READERS, _("Your role does not read the vault."))
    return org


def _values(payload: CredentialIn | CredentialPatch) -> dict[str, Any]:
    data = payload.dict(exclude_unset=True)
    data.pop("organization", None)
    for key, value in data.items():
        if value is None and key not in ("asset", "vendor"):
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
    if "totp_secret" in data:
        data["totp"] = data.pop("totp_secret")
    return data


@router.get("/credentials", response=Page[CredentialOut])
def list_credentials(
    request: HttpRequest, limit: int = 100, offset: int = 0, organization: int | None = None
) -> Page[CredentialOut]:
    qs = Credential.objects.visible_to(api_user(request)).order_by("organization_id", "name", "id")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, CredentialOut.of)


@router.post("/credentials", response={201: CredentialOut})
def create_credential(request: HttpRequest, payload: CredentialIn) -> HttpStatus[CredentialOut]:
    user = api_user(request)
    require(user.role in VAULT_READERS)
    org = named_organization(user, payload.organization)
    credential = actions.create_credential(org, user, **_values(payload))
    return HttpStatus(201, CredentialOut.whole(credential))


@router.get("/credentials/{credential_id}", response=CredentialOut)
def get_credential(request: HttpRequest, credential_id: int) -> CredentialOut:
    return CredentialOut.whole(_credential(request, credential_id))


@router.patch("/credentials/{credential_id}", response=CredentialOut)
def update_credential(
    request: HttpRequest, credential_id: int, payload: CredentialPatch
) -> CredentialOut:
    credential = _writable(request, credential_id)
    credential = actions.update_credential(credential, api_user(request), **_values(payload))
    return CredentialOut.whole(credential)


@router.delete("/credentials/{credential_id}", response={204: None})
def delete_credential(request: HttpRequest, credential_id: int) -> HttpStatus[None]:
    credential = _writable(request, credential_id)
    actions.delete_credential(credential, api_user(request))
    return HttpStatus(204, None)


@router.post("/credentials/{credential_id}/reveal", response=RevealOut)
def reveal_credential(request: HttpRequest, credential_id: int, payload: RevealIn) -> RevealOut:
    credential = _credential(request, credential_id)
    try:
        shown = actions.reveal(credential, api_user(request), payload.reason, seen=True)
    except actions.AuditUnavailable as error:
        raise ApiError(503, str(error)) from None
    return RevealOut(secret=shown.secret, username=shown.username, totp=shown.totp)


def _access(org: Organization) -> AccessIO:
    return AccessIO(
        mode=AccessMode(access.mode_of(org)), people=[u.pk for u in access.people_of(org)]
    )


@router.get("/organizations/{org_id}/vault-access", response=AccessIO)
def get_vault_access(request: HttpRequest, org_id: int) -> AccessIO:
    user = api_user(request)
    org = _org(user, org_id)
    require(access.may_read_access(user, org))
    return _access(org)


@router.put("/organizations/{org_id}/vault-access", response=AccessIO)
def put_vault_access(request: HttpRequest, org_id: int, payload: AccessIO) -> AccessIO:
    user = api_user(request)
    org = Organization.objects.visible_to(user).filter(pk=org_id).first()
    if org is None:
        raise not_found("organization")
    require(
        access.may_change_access(user, org),
        _("Only the client's administrators decide who may reveal."),
    )
    access.set_access(org, user, str(payload.mode), payload.people)
    return _access(org)


@router.get("/organizations/{org_id}/audit", response=Page[AuditOut])
def list_audit(
    request: HttpRequest, org_id: int, limit: int = 100, offset: int = 0
) -> Page[AuditOut]:
    org = _org(api_user(request), org_id)
    qs = AuditEntry.objects.filter(organization=org).order_by("seq")
    return page(qs, limit, offset, AuditOut.of)


@router.get("/organizations/{org_id}/audit/verify", response=VerifyOut)
def verify_audit(request: HttpRequest, org_id: int) -> VerifyOut:
    org = _org(api_user(request), org_id)
    verdict = audit.verify(org)
    return VerifyOut(
        ok=verdict.ok,
        entries=verdict.entries,
        first_bad=verdict.first_bad,
        checkpoints=verdict.checkpoints,
    )
