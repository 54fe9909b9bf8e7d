"""Key rotation (`steward vault rotate-key`).

Re-wrapping: every data key wrapped by a master key other than `MASTER_KEY` (an old one still
listed in `OLD_MASTER_KEYS`) is wrapped again under `MASTER_KEY`; the credentials it seals are
not touched. Re-encrypting: an organization gets a new data key version and its credentials are
sealed again under it, a batch per transaction; each row records its `key_version`, so a run
that stops part way is finished by running it again. The small secrets that `steward.lib.crypto`
seals with keys derived from `MASTER_KEY` itself (mailbox passwords and tokens, MFA seeds) have
no wrapped key to re-wrap: they are opened with the old master and sealed again."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeGuard

from allauth.mfa.models import Authenticator
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import IntegrityError, transaction

from steward.accounts.adapters import encrypt_secret
from steward.accounts.models import Organization, User

# The mailbox's own table of its sealed fields, so that a field added there is re-sealed too.
from steward.mail.models import _SEALS as MAILBOX_SEALS
from steward.mail.models import Mailbox
from steward.vault import audit, crypto
from steward.vault.models import AuditAction, Credential, DataKey

# --- Re-wrapping data keys -----------------------------------------------------------------


@dataclass
class Rewrapped:
    """What a re-wrap did: keys moved to the current master, keys already there, and keys
    that could not be moved (their master is not configured, or they do not open)."""

    moved: list[DataKey] = field(default_factory=list)
    current: int = 0
    failed: list[tuple[DataKey, str]] = field(default_factory=list)


def rewrap_all() -> Rewrapped:
    """Wrap every data key under the current master key. Idempotent; safe beside a running
    site (a key is replaced by a conditional UPDATE on the master it was read with)."""
    master = crypto.current_master()
    current = crypto.fingerprint(master)
    done = Rewrapped(current=DataKey.objects.filter(master=current).count())
    stale = DataKey.objects.exclude(master=current).select_related("organization")
    for row in stale.order_by("organization_id", "version"):
        try:
            key = crypto.unwrap(row)
        except (crypto.KeyUnavailable, crypto.Undecryptable) as error:
            done.failed.append((row, str(error)))
            continue
        wrapped = crypto.wrap(key, master, row.organization_id, row.version)
        moved = DataKey.objects.filter(pk=row.pk, master=row.master).update(
            wrapped=wrapped, master=current
        )
        if moved:
            done.moved.append(row)
        else:  # Another run re-wrapped it in between.
            done.current += 1
    return done


# --- Re-encrypting an organization ---------------------------------------------------------


@dataclass
class Reencrypted:
    version: int
    resumed: bool
    credentials: int
    batches: int
    behind: int = 0


def _target(org: Organization, actor: User | None) -> tuple[int, bool]:
    """(version, resumed): the newest data key if credentials are still behind it (a run that
    stopped part way), else a new version, made with its `rekey` audit entry."""
    newest = (
        DataKey.objects.filter(organization=org).order_by("-version").values_list("version").first()
    )
    if newest is not None:
        behind = Credential.objects.filter(organization=org, key_version__lt=newest[0])
        if behind.exists():
            return newest[0], True
    version = (newest[0] if newest else 0) + 1
    count = Credential.objects.filter(organization=org).count()
    try:
        with transaction.atomic():
            # Written with the key it announces: from this commit on, every credential saved
            # is sealed under the new version, whether or not this run gets to it.
            crypto.new_data_key(org.pk, version)
            audit.append(
                org,
                AuditAction.REKEY,
                actor,
                f"data key v{version}",
                f"{count} credential(s) to re-encrypt",
            )
    except IntegrityError:  # Another run made this version a moment ago: help it finish.
        return version, True
    return version, False


def reencrypt(
    org: Organization,
    batch: int = 500,
    actor: User | None = None,
    after_batch: Callable[[int], None] | None = None,
) -> Reencrypted:
    """Seal every credential of `org` again under a new data key version, `batch` rows per
    transaction; run again after an interruption, it carries on with the same version."""
    version, resumed = _target(org, actor)
    _v, new_key = crypto.data_key(org.pk, version)
    old_keys: dict[int, bytes] = {}
    done = Reencrypted(version, resumed, 0, 0)
    while True:
        with transaction.atomic():
            # Rows another run holds are left to it (PostgreSQL); SQLite runs one writer.
            rows = list(
                Credential.objects.select_for_update(skip_locked=True)
                .filter(organization=org, key_version__lt=version)
                .order_by("pk")[:batch]
            )
            if not rows:
                break
            for row in rows:
                if row.key_version not in old_keys:
                    old_keys[row.key_version] = crypto.data_key(org.pk, row.key_version)[1]
                plain = crypto.open_credential(row, old_keys[row.key_version])
                row.key_version = version
                for name, value in plain.items():
                    bound = crypto.aad(org.pk, "credential", row.pk, name, version)
                    setattr(row, f"{name}_sealed", crypto.seal(value, new_key, bound))
            Credential.objects.bulk_update(
                rows, [f"{name}_sealed" for name in crypto.FIELDS] + ["key_version"]
            )
        done.credentials += len(rows)
        done.batches += 1
        if after_batch is not None:
            after_batch(done.batches)
    # Not 0 only while another run still holds rows it is moving.
    done.behind = Credential.objects.filter(organization=org, key_version__lt=version).count()
    return done


# --- The small secrets steward.lib.crypto seals --------------------------------------------


def _lib_open(stored: str, label: str, bound: str, raw_master: str) -> str:
    """Open a value `steward.lib.crypto.seal` made while `raw_master` was MASTER_KEY (its
    derivation, repeated here so that lib.crypto keeps one master; tests seal with lib.crypto
    and open with this)."""
    key = hashlib.sha256(label.encode() + b":" + raw_master.encode()).digest()
    raw = base64.urlsafe_b64decode(stored.split(":", 1)[1])
    return AESGCM(key).decrypt(raw[:12], raw[12:], bound.encode()).decode()


def _reopen(stored: str, label: str, bound: str) -> str | None:
    """The plaintext of a value sealed under an old master key, or None when it already opens
    under the current one. Raises InvalidTag when no configured master opens it."""
    for raw in [settings.MASTER_KEY, *getattr(settings, "OLD_MASTER_KEYS", ())]:
        try:
            text = _lib_open(stored, label, bound, raw)
        except InvalidTag:
            continue
        return None if raw == settings.MASTER_KEY else text
    raise InvalidTag


@dataclass
class Resealed:
    mailbox_secrets: int = 0
    mfa_secrets: int = 0
    failed: list[str] = field(default_factory=list)


def _sealed(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value.startswith("aesgcm1:")


def _mailbox_values(box: Mailbox) -> Iterator[tuple[str, str, str]]:
    for name, (label, suffix) in MAILBOX_SEALS.items():
        stored = getattr(box, name)
        if _sealed(stored):
            yield name, label, f"mailbox:{box.address}{suffix}"


def reseal_small_secrets() -> Resealed:
    """Seal again under the current MASTER_KEY the mailbox secrets and MFA seeds still sealed
    under an old one. Idempotent: what opens under the current key is left alone."""
    done = Resealed()
    for box in Mailbox.objects.order_by("pk"):
        changed = []
        for name, label, bound in _mailbox_values(box):
            try:
                text = _reopen(getattr(box, name), label, bound)
            except InvalidTag:
                done.failed.append(f"mailbox {box.address}: {name}")
                continue
            if text is not None:
                box.seal(name, text)
                changed.append(name)
        if changed:
            Mailbox.objects.filter(pk=box.pk).update(**{n: getattr(box, n) for n in changed})
            done.mailbox_secrets += len(changed)
    for device in Authenticator.objects.order_by("pk"):
        data = dict(device.data)
        moved = 0
        for name in ("secret", "seed", "migrated_codes"):
            value = data.get(name)
            listed = value if isinstance(value, list) else [value]
            values = [v for v in listed if _sealed(v)]
            if not values or len(values) != len(listed):
                continue
            try:
                opened = [_reopen(v, "steward.mfa.v1", "mfa") for v in values]
            except InvalidTag:
                done.failed.append(f"MFA device {device.pk} of user {device.user_id}: {name}")
                continue
            if all(text is None for text in opened):
                continue
            resealed = [
                v if text is None else encrypt_secret(text, "mfa")
                for v, text in zip(values, opened, strict=True)
            ]
            data[name] = resealed if isinstance(value, list) else resealed[0]
            moved += 1
        if moved:
            Authenticator.objects.filter(pk=device.pk).update(data=data)
            done.mfa_secrets += moved
    return done
