"""Envelope encryption for the vault. Each organization has a data key (32 random bytes),
stored wrapped by the master key (`MASTER_KEY`, kept outside the database); each secret is
sealed with AES-256-GCM under its organization's data key, and its associated data binds it to
(organization, model, record, field, key version), so a ciphertext copied to another row,
field or organization does not open. The plaintext is never stored.

`steward vault rotate-key` re-wraps the data keys under a new master key (the old one listed in
`OLD_MASTER_KEYS` while it runs) and can re-encrypt an organization under a new data key."""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import IntegrityError, transaction

from steward.vault.models import Credential, DataKey

_PREFIX = "v1:"


class KeyUnavailable(Exception):
    """A data key is wrapped by a master key this installation does not have."""


class Undecryptable(Exception):
    """A sealed value does not open: the wrong key, or it was moved from another record."""


def master_from(raw: str) -> bytes:
    """The 32-byte master key from the configured string."""
    return hashlib.sha256(b"steward.vault.master:" + raw.encode()).digest()


def fingerprint(master: bytes) -> str:
    """Names a master key without revealing it: which key wraps a data key."""
    return hashlib.sha256(b"steward.vault.fingerprint:" + master).hexdigest()[:16]


def current_master() -> bytes:
    return master_from(settings.MASTER_KEY)


def known_masters() -> dict[str, bytes]:
    """The current master key and the old ones still configured, by fingerprint."""
    masters = [current_master()] + [
        master_from(raw) for raw in getattr(settings, "OLD_MASTER_KEYS", ())
    ]
    return {fingerprint(key): key for key in masters}


def _key_aad(org_id: int, version: int) -> bytes:
    return f"steward.vault.datakey|{org_id}|{version}".encode()


def wrap(data_key: bytes, master: bytes, org_id: int, version: int) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(master).encrypt(nonce, data_key, _key_aad(org_id, version))
    return base64.b64encode(nonce + sealed).decode()


def unwrap(row: DataKey) -> bytes:
    master = known_masters().get(row.master)
    if master is None:
        raise KeyUnavailable(
            f"the data key v{row.version} of organization {row.organization_id} is wrapped by "
            f"master key {row.master}, which is not configured (MASTER_KEY, OLD_MASTER_KEYS)"
        )
    raw = base64.b64decode(row.wrapped)
    try:
        return AESGCM(master).decrypt(
            raw[:12], raw[12:], _key_aad(row.organization_id, row.version)
        )
    except InvalidTag as error:
        raise Undecryptable(f"data key v{row.version} of {row.organization_id}") from error


def new_data_key(org_id: int, version: int) -> DataKey:
    """Make and store version `version` of the organization's data key."""
    master = current_master()
    return DataKey.objects.create(
        organization_id=org_id,
        version=version,
        wrapped=wrap(os.urandom(32), master, org_id, version),
        master=fingerprint(master),
    )


def data_key(org_id: int, version: int | None = None) -> tuple[int, bytes]:
    """(version, key): the given version of the organization's data key, or its newest, made
    on first use."""
    rows = DataKey.objects.filter(organization_id=org_id)
    row = (rows.filter(version=version) if version else rows.order_by("-version")).first()
    if row is None:
        if version not in (None, 1):
            raise KeyUnavailable(f"organization {org_id} has no data key v{version}")
        try:
            with transaction.atomic():
                row = new_data_key(org_id, 1)
        except IntegrityError:  # Another request made it first.
            row = rows.get(version=1)
    return row.version, unwrap(row)


def aad(org_id: int, model: str, pk: int, field: str, version: int) -> bytes:
    """What a sealed value is bound to: open it anywhere else and it fails."""
    return f"steward.vault|{org_id}|{model}|{pk}|{field}|{version}".encode()


def seal(plaintext: str, key: bytes, bound: bytes) -> str:
    """`plaintext` sealed under `key`, bound to `bound`; the empty string stays empty."""
    if not plaintext:
        return ""
    nonce = os.urandom(12)
    return (
        _PREFIX
        + base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plaintext.encode(), bound)).decode()
    )


def unseal(sealed: str, key: bytes, bound: bytes) -> str:
    if not sealed:
        return ""
    if not sealed.startswith(_PREFIX):
        raise Undecryptable("not a sealed value")
    raw = base64.b64decode(sealed[len(_PREFIX) :])
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], bound).decode()
    except InvalidTag as error:
        raise Undecryptable("the value does not open here") from error


# A credential's sealed fields: `secret` is stored in `secret_sealed`, and so on.
FIELDS = ("secret", "notes", "totp")


def seal_credential(credential: Credential, **values: str) -> None:
    """Seal the given fields (secret=, notes=, totp=) onto the instance, under its
    organization's newest data key; the caller saves. The row must exist (its id is bound)."""
    assert credential.pk is not None, "save the credential before sealing its fields"
    version, key = data_key(credential.organization_id)
    if version != credential.key_version:
        # Re-encrypted since: the fields not given are carried over to the new key.
        kept = open_credential(credential)
        kept.update(values)
        values = kept
        credential.key_version = version
    for field, value in values.items():
        assert field in FIELDS, field
        bound = aad(credential.organization_id, "credential", credential.pk, field, version)
        setattr(credential, f"{field}_sealed", seal(value, key, bound))


def open_credential(credential: Credential, key: bytes | None = None) -> dict[str, str]:
    """The plaintext of every sealed field: for a reveal (audited first), or an exit pack."""
    if key is None:
        _version, key = data_key(credential.organization_id, credential.key_version)
    return {
        field: unseal(
            getattr(credential, f"{field}_sealed"),
            key,
            aad(
                credential.organization_id,
                "credential",
                credential.pk,
                field,
                credential.key_version,
            ),
        )
        for field in FIELDS
    }
