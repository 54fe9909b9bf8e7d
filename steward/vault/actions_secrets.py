"""The credentials: made, changed, rotated, deleted and revealed, each time with its entry in
the organization's audit chain. The one place their state changes; pages and API call it."""

from __future__ import annotations

import base64
import binascii
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from steward.accounts.models import Organization, User
from steward.lib.errors import DomainError
from steward.vault import audit, crypto
from steward.vault.access import may_reveal
from steward.vault.models import VAULT_READERS, Asset, AuditAction, Credential, Vendor

log = logging.getLogger(__name__)

# Longest values, as the columns hold them (the sealed ones: what a person types).
LIMITS = {"name": 200, "username": 200, "url": 500, "secret": 4000, "notes": 20000, "totp": 200}
# The API's name of each field, so that an error names what the client sent.
API_NAMES = {"totp": "totp_secret"}


class AuditUnavailable(Exception):
    """The reveal's audit entry could not be written: the secret is not shown."""


@dataclass(frozen=True)
class Revealed:
    secret: str
    username: str
    totp: str | None


def _field(name: str) -> str:
    return API_NAMES.get(name, name)


def object_label(credential: Credential) -> str:
    """What the audit log names: the credential's id and name as they were."""
    return f"credential:{credential.pk} {credential.name}"


def seed_key(seed: str) -> bytes:
    """The key of a base32 TOTP seed as authenticator apps show it (spaces, any case)."""
    text = "".join(seed.split()).upper().rstrip("=")
    return base64.b32decode(text + "=" * (-len(text) % 8))


def totp_code(seed: str, at: datetime) -> str | None:
    """The current 6-digit code (RFC 6238: SHA-1, 30 s), or None without a seed."""
    if not seed:
        return None
    totp = TOTP(seed_key(seed), 6, SHA1(), 30, enforce_key_length=False)
    return totp.generate(at.timestamp()).decode()


def _clean(values: dict[str, Any], org: Organization) -> dict[str, Any]:
    """The values checked: lengths, a TOTP seed that decodes, an asset or vendor of the same
    organization. A DomainError names the field at fault."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("asset", "vendor"):
            out[key] = _linked(key, value, org)
            continue
        if not isinstance(value, str):
            raise DomainError(_("%(field)s: send text.") % {"field": _field(key)}, _field(key))
        if key in ("name", "username", "url"):
            value = value.strip()
        if len(value) > LIMITS[key]:
            raise DomainError(
                _("%(field)s: at most %(n)s characters.")
                % {"field": _field(key), "n": LIMITS[key]},
                _field(key),
            )
        if key == "totp" and value:
            value = "".join(value.split()).upper()
            try:
                if not seed_key(value):
                    raise ValueError
            except (binascii.Error, ValueError):
                raise DomainError(
                    _("totp_secret: not a base32 seed (letters A-Z and digits 2-7)."),
                    "totp_secret",
                ) from None
        out[key] = value
    if "name" in out and not out["name"]:
        raise DomainError(_("name: give the credential a name."), "name")
    return out


def _linked(key: str, value: Any, org: Organization) -> Asset | Vendor | None:
    if value is None:
        return None
    model: type[Asset] | type[Vendor] = Asset if key == "asset" else Vendor
    if isinstance(value, model):
        value = value.pk
    row = (
        model.objects.filter(organization=org, pk=value).first() if isinstance(value, int) else None
    )
    if row is None:
        raise DomainError(
            _("%(field)s: no such %(field)s in this organization.") % {"field": key}, key
        )
    return row


def _may_write(user: User, org: Organization) -> None:
    if user.role not in VAULT_READERS:
        raise DomainError(_("Your role does not allow this."), "", True)


@sensitive_variables("values", "data", "sealed")
def create_credential(
    org: Organization, by: User, at: datetime | None = None, **values: Any
) -> Credential:
    """A new credential: the row first (its id is sealed into the ciphertext), then its
    secrets sealed, then its audit entry, all in one transaction. `at`: the demo's history."""
    _may_write(by, org)
    data = _clean({"name": "", **values}, org)
    sealed = {key: data.pop(key) for key in crypto.FIELDS if key in data}
    now = at or timezone.now()
    with transaction.atomic():
        credential = Credential.objects.create(
            organization=org, changed_at=now, created_at=now, updated_at=now, **data
        )
        crypto.seal_credential(credential, **sealed)
        credential.save(
            update_fields=["secret_sealed", "notes_sealed", "totp_sealed", "key_version"]
        )
        audit.append(org, AuditAction.CREATE, by, obj=object_label(credential), at=now)
    return credential


@sensitive_variables("values", "data", "sealed")
def update_credential(
    credential: Credential, by: User, at: datetime | None = None, **values: Any
) -> Credential:
    """Change the given fields. A new `secret` is a rotation: `changed_at` moves to now, so a
    credential revealed before is no longer at risk."""
    org = credential.organization
    _may_write(by, org)
    data = _clean(values, org)
    sealed = {key: data.pop(key) for key in crypto.FIELDS if key in data}
    now = at or timezone.now()
    with transaction.atomic():
        for key, value in data.items():
            setattr(credential, key, value)
        if sealed:
            crypto.seal_credential(credential, **sealed)
        rotated = "secret" in sealed
        if rotated:
            credential.changed_at = now
        credential.updated_at = now
        credential.save()
        changed = sorted(_field(key) for key in (*data, *sealed))
        audit.append(
            org,
            AuditAction.ROTATE if rotated else AuditAction.CHANGE,
            by,
            obj=object_label(credential),
            reason=", ".join(changed),
            at=now,
        )
    return credential


def delete_credential(credential: Credential, by: User) -> None:
    _may_write(by, credential.organization)
    with transaction.atomic():
        audit.append(
            credential.organization_id, AuditAction.DELETE, by, obj=object_label(credential)
        )
        credential.delete()


@sensitive_variables("opened")
def reveal(
    credential: Credential, by: User, reason: str, at: datetime | None = None, seen: bool = False
) -> Revealed:
    """The secret, its username and current TOTP code, for a person with a grant and a reason.
    The audit entry is written and committed first: if it cannot be, nothing is opened.
    `seen`: the caller found the credential through `visible_to(by)`."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("reason: say why you need this secret."), "reason")
    if len(reason) > 1000:
        raise DomainError(_("reason: at most %(n)s characters.") % {"n": 1000}, "reason")
    if not may_reveal(by, credential.organization_id, seen=seen):
        raise DomainError(
            _("The client has not allowed you to reveal this organization's secrets."), "", True
        )
    at = at or timezone.now()
    try:
        # append() is its own transaction (committed on return unless the caller holds one).
        audit.append(
            credential.organization_id,
            AuditAction.REVEAL,
            by,
            obj=object_label(credential),
            reason=reason,
            at=at,
        )
    except Exception as error:
        # The reveal is refused, loudly; the error names no secret (none was opened).
        log.error(
            "reveal of credential %s refused: audit log not written: %r", credential.pk, error
        )
        raise AuditUnavailable(
            _("The audit log cannot be written just now, so the secret is not shown. Try again.")
        ) from error
    Credential.objects.filter(pk=credential.pk).update(last_revealed_at=at, last_revealed_by=by)
    credential.last_revealed_at, credential.last_revealed_by = at, by
    opened = crypto.open_credential(credential)
    return Revealed(opened["secret"], credential.username, totp_code(opened["totp"], at))


def notes_of(credential: Credential) -> str:
    """The notes in clear, for the detail page and answer (never a list)."""
    return crypto.open_credential(credential)["notes"]


def has_totp(credential: Credential) -> bool:
    return bool(credential.totp_sealed)


def at_risk(org: Organization | int) -> QuerySet[Credential]:
    """The organization's credentials revealed since their secret last changed."""
    return Credential.objects.for_org(org).at_risk()
