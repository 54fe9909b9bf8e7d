"""Each organization's audit log: an append-only hash chain. Entry n's hash is SHA-256 over the
canonical encoding (`canonical`) of its fields and entry n-1's hash, so an entry edited,
deleted or moved no longer matches the entries after it. Checkpoints (a sequence number and the
head hash there) are signed with the provider's Ed25519 key and mailed to the client admins:
a history rewritten whole, hashes and all, no longer matches what the client already holds.

The exit pack's `verify_audit.py` repeats `canonical` and `verify` with only the standard
library and `cryptography`: keep the two the same."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from json.encoder import encode_basestring as _quote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import Func, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from steward.accounts.models import Organization, User
from steward.vault.models import AuditCheckpoint, AuditEntry

GENESIS = "0" * 64


def stamp(at: datetime) -> str:
    """A time as the chain writes it: UTC, to the microsecond ("2026-03-02T09:00:00.000000Z")."""
    if at.tzinfo is not UTC:
        at = at.astimezone(UTC)
    # isoformat is several times cheaper than strftime; both give this form for years >= 1000.
    return at.isoformat(timespec="microseconds")[:-6] + "Z"


def canonical(
    org: int, seq: int, at: str, actor: str, action: str, obj: str, reason: str, prev: str
) -> bytes:
    """The bytes an entry's hash covers: a JSON array in a fixed order, UTF-8, no spaces:
    `json.dumps([org, seq, at, ...], ensure_ascii=False, separators=(",", ":"))`, written out
    with json's own string encoder (a million entries verify in seconds, not tens of them)."""
    return (
        f"[{int(org)},{int(seq)},{_quote(at)},{_quote(actor)},{_quote(action)},{_quote(obj)},"
        f"{_quote(reason)},{_quote(prev)}]"
    ).encode()


def chain_hash(
    org: int, seq: int, at: str, actor: str, action: str, obj: str, reason: str, prev: str
) -> str:
    return hashlib.sha256(canonical(org, seq, at, actor, action, obj, reason, prev)).hexdigest()


def actor_label(user: User | None) -> str:
    """Who, as the log writes it: a name and address that outlive the account."""
    if user is None:
        return "Steward"
    name = user.get_full_name() or user.email
    return f"{name} <{user.email}>" if name != user.email else user.email


def append(
    org: Organization | int,
    action: str,
    actor: User | None,
    obj: str = "",
    reason: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    """Add an entry at the head of the organization's chain. Raises if it cannot be written:
    the caller's change (a reveal) must not happen without its entry."""
    org_id = org if isinstance(org, int) else org.pk
    at = at or timezone.now()
    # As the column holds it (300 characters): a long name and address must not fail the entry
    # (and the reveal it guards) on PostgreSQL, nor hash other text than is stored on SQLite.
    label = actor_label(actor)[:300]
    for _attempt in range(20):
        head = (
            AuditEntry.objects.filter(organization_id=org_id)
            .order_by("-seq")
            .values_list("seq", "hash")
            .first()
        )
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
        try:
            # Two writers at one head: the unique (organization, seq) lets one in; the other
            # reads the new head and tries again.
            with transaction.atomic():
                return AuditEntry.objects.create(
                    organization_id=org_id,
                    seq=seq,
                    at=at,
                    actor=actor,
                    actor_label=label,
                    action=action,
                    object=obj[:300],
                    reason=reason,
                    prev_hash=prev,
                    hash=chain_hash(org_id, seq, stamp(at), label, action, obj[:300], reason, prev),
                )
        except IntegrityError:
            continue
    raise RuntimeError(f"could not append to the audit chain of organization {org_id}")


# --- Checkpoints ---------------------------------------------------------------------------


def signing_key() -> Ed25519PrivateKey:
    """The provider's checkpoint key, derived from the master key (kept outside the database)."""
    seed = hashlib.sha256(b"steward.audit.signing:" + settings.MASTER_KEY.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_hex(key: Ed25519PrivateKey | None = None) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = key or signing_key()
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def checkpoint_message(org: int, seq: int, head: str) -> bytes:
    return json.dumps(["steward-audit-checkpoint", org, seq, head], separators=(",", ":")).encode()


def checkpoint(org: Organization | int) -> AuditCheckpoint | None:
    """Sign the chain's current head, unless it is signed already (or empty)."""
    org_id = org if isinstance(org, int) else org.pk
    head = (
        AuditEntry.objects.filter(organization_id=org_id)
        .order_by("-seq")
        .values_list("seq", "hash")
        .first()
    )
    if head is None or AuditCheckpoint.objects.filter(organization_id=org_id, seq=head[0]).exists():
        return None
    key = signing_key()
    try:
        with transaction.atomic():
            return AuditCheckpoint.objects.create(
                organization_id=org_id,
                seq=head[0],
                head=head[1],
                public_key=public_key_hex(key),
                signature=key.sign(checkpoint_message(org_id, head[0], head[1])).hex(),
            )
    except IntegrityError:  # Another worker signed it first.
        return None


# --- Verification --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    first_bad: int | None
    checkpoints: int
    problem: str = ""


Row = tuple[int, datetime, str, str, str, str, str, str]  # seq, at, actor, ... prev, hash
Stamped = tuple[int, str, str, str, str, str, str, str]  # the same, `at` as `stamp` writes it
Mark = tuple[int, str, str, str]  # seq, head, public key hex, signature hex


def check_rows(org: int, rows: Iterable[Row], marks: Iterable[Mark], trusted: str = "") -> Verdict:
    """Walk the chain: each entry's sequence follows the last, its `prev_hash` is the last
    hash, its hash is its own; then each checkpoint's head is the chain's hash at its
    sequence and its signature is good (by `trusted`'s key, if given). The first entry that
    breaks a rule is named."""
    stamped = ((seq, stamp(at), *rest) for seq, at, *rest in rows)
    return _walk(org, stamped, list(marks), trusted)  # type: ignore[arg-type]


def _walk(org: int, rows: Iterable[Stamped], marks: list[Mark], trusted: str = "") -> Verdict:
    prev, expected = GENESIS, 1
    # Only the hashes a checkpoint names are kept: a million entries need not all stay.
    wanted = {mark[0] for mark in marks}
    hashes: dict[int, str] = {}
    count = 0
    # `canonical`, written out: this loop runs a million times for a big chain.
    sha256, quote, opening = hashlib.sha256, _quote, f"[{int(org)},"
    for seq, at, actor, action, obj, reason, prev_hash, digest in rows:
        count += 1
        if seq != expected:
            bad = min(seq, expected)
            return Verdict(False, count, bad, 0, f"entry {expected} is missing or out of order")
        if prev_hash != prev:
            return Verdict(False, count, seq, 0, f"entry {seq} does not follow entry {seq - 1}")
        # prev_hash is the previous hash (hex, nothing to escape), checked just above.
        encoded = (
            f"{opening}{seq},{quote(at)},{quote(actor)},{quote(action)},{quote(obj)},"
            f'{quote(reason)},"{prev_hash}"]'
        ).encode()
        if sha256(encoded).hexdigest() != digest:
            return Verdict(False, count, seq, 0, f"entry {seq} was changed")
        if seq in wanted:
            hashes[seq] = digest
        prev, expected = digest, seq + 1
    signed = 0
    for seq, head, public, signature in marks:
        signed += 1
        if seq >= expected:
            return Verdict(
                False, count, expected, signed, f"the chain ends before checkpoint {seq}"
            )
        if hashes.get(seq) != head:
            return Verdict(False, count, seq, signed, f"checkpoint {seq} does not match")
        if trusted and public != trusted:
            return Verdict(False, count, seq, signed, f"checkpoint {seq} is signed by another key")
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
                bytes.fromhex(signature), checkpoint_message(org, seq, head)
            )
        except (InvalidSignature, ValueError):
            return Verdict(False, count, seq, signed, f"checkpoint {seq}'s signature is forged")
    return Verdict(True, count, None, signed)


_COLUMNS = ("actor_label", "action", "object", "reason", "prev_hash", "hash")


class _PgStamp(Func):
    """PostgreSQL writes the stamp itself, as `stamp` would (in the database's process, on
    another core, and no datetime made per row)."""

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
    output_field = TextField()


def _stored(org_id: int) -> Iterator[Stamped]:
    """The organization's entries in sequence order, `at` stamped. SQLite keeps a time as UTC
    text ("2026-03-02 09:00:00.000001", the fraction left out when it is zero): read as text,
    it becomes a stamp by slicing, instead of being parsed into a datetime and formatted again
    (half the cost of verifying); any other text is parsed as the ORM would. PostgreSQL
    formats the stamp in the query."""
    rows = AuditEntry.objects.filter(organization_id=org_id).order_by("seq")
    connection = connections[rows.db]
    if connection.vendor == "postgresql":
        stamped = rows.annotate(stamp=_PgStamp("at")).values_list("seq", "stamp", *_COLUMNS)
        yield from stamped.iterator(10_000)
        return
    if connection.vendor != "sqlite" or not settings.USE_TZ or connection.timezone_name != "UTC":
        for seq, at, actor, action, obj, reason, prev, digest in rows.values_list(
            "seq", "at", *_COLUMNS
        ).iterator(10_000):
            yield seq, stamp(at), actor, action, obj, reason, prev, digest
        return
    texts = rows.annotate(at_text=Cast("at", TextField())).values_list("seq", "at_text", *_COLUMNS)
    for seq, at, actor, action, obj, reason, prev, digest in texts.iterator(10_000):
        if len(at) == 26 and at[10] == " " and at[19] == "." and at[20:].isdigit():
            text = f"{at[:10]}T{at[11:]}Z"
        elif len(at) == 19 and at[10] == " ":
            text = f"{at[:10]}T{at[11:]}.000000Z"
        else:
            text = _restamp(at)
        yield seq, text, actor, action, obj, reason, prev, digest


def _restamp(text: str) -> str:
    """A stored time in another form (written by hand?): parsed as the ORM would; text that is
    no time at all is kept as it is, so that its entry no longer matches its hash."""
    from django.utils.dateparse import parse_datetime

    try:
        parsed = parse_datetime(text)
    except ValueError:
        parsed = None
    if parsed is None:
        return text
    return stamp(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))


def verify(org: Organization | int) -> Verdict:
    """Check the organization's chain as stored, against its checkpoints."""
    org_id = org if isinstance(org, int) else org.pk
    marks = list(
        AuditCheckpoint.objects.filter(organization_id=org_id)
        .order_by("seq")
        .values_list("seq", "head", "public_key", "signature")
    )
    return _walk(org_id, _stored(org_id), marks)
