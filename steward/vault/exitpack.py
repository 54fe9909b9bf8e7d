"""The exit pack: everything the provider knows about a client's IT, in one zip the client can
take to their next provider (issue 12, "Exit pack").

`vault.kdbx` (KeePass KDBX 4: every credential, grouped by vendor, asset, or "Other"),
`assets.csv`, `vendors.csv`, `documents/*.md`, `tickets.json`, `agreements.json`,
`audit.jsonl` (the chain's entries, then its signed checkpoints, one JSON object a line),
`verify_audit.py` and a `README.md` for the next provider, in the client's language with
English alongside.

The pack is streamed as it is zipped and never stored. Only `vault.kdbx` is made whole first
(in memory): it is the part that can fail, and it must fail before the response starts.

pykeepass reads and writes KDBX, but its `add_entry` searches the whole tree for a duplicate
title on every call (quadratic: minutes at 5,000 entries), and a database it "creates" is its
own template re-saved, with the template's name, root-group UUID and dates. So the template is
opened once per process (its key derivation remembered), its identity replaced, and the
groups and entries built directly as the XML elements KeePass reads."""

from __future__ import annotations

import base64
import io
import json
import re
import time
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml.builder import E  # type: ignore[import-untyped]
from lxml.etree import _Element  # type: ignore[import-untyped]
from pykeepass import PyKeePass  # type: ignore[import-untyped]
from pykeepass.kdbx_parsing.common import get_random_bytes  # type: ignore[import-untyped]
from pykeepass.kdbx_parsing.kdbx4 import compute_transformed  # type: ignore[import-untyped]
from pykeepass.pykeepass import BLANK_DATABASE_LOCATION, BLANK_DATABASE_PASSWORD  # type: ignore[import-untyped]

from steward.accounts.models import Organization, Role, User
from steward.contracts.models import Agreement
from steward.desk.models import Message, Ticket, TicketEvent
from steward.lib import formats
from steward.lib.errors import DomainError
from steward.vault import audit, csvio
from steward.vault.crypto import data_key, open_credential
from steward.vault.models import (
    Asset,
    AuditAction,
    AuditCheckpoint,
    AuditEntry,
    Credential,
    Document,
    Holder,
    Vendor,
)

MIN_PASSWORD = 12
# Who may take the pack: the client's admins and the provider's admins (issue 12).
TAKERS = frozenset({Role.CLIENT_ADMIN, Role.ADMIN})
VERIFIER = Path(__file__).with_name("verify_audit.py")
CHUNK = 64 * 1024

# --- The KeePass file ----------------------------------------------------------------------

# XML 1.0 refuses these characters; a secret holding one would make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EMPTY_UUID = base64.b64encode(bytes(16)).decode()
_template_key: bytes | None = None


@dataclass(frozen=True)
class Item:
    """One credential as the file holds it."""

    title: str
    username: str
    password: str
    url: str
    notes: str
    otp: str  # an otpauth:// URI (KeePassXC's `otp` attribute), or ""


@dataclass(frozen=True)
class Folder:
    """A group of the file: a vendor, an asset, or the rest."""

    name: str
    items: list[Item]
    folders: list[Folder]


@dataclass(frozen=True)
class Built:
    data: bytes
    kdf_seconds: float  # the deliberately slow key derivation, apart from the rest
    seconds: float


def otp_uri(seed: str, label: str, issuer: str) -> str:
    """The `otp` attribute KeePassXC reads: an otpauth:// URI (a seed already one is kept)."""
    seed = seed.strip()
    if not seed:
        return ""
    if seed.lower().startswith("otpauth://"):
        return seed
    secret = re.sub(r"[\s-]", "", seed).upper().rstrip("=")
    query = urlencode({"secret": secret, "period": 30, "digits": 6, "issuer": issuer})
    return f"otpauth://totp/{quote(label, safe='')}?{query}"


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _uuid() -> str:
    return base64.b64encode(uuid.uuid4().bytes).decode()


def _times(stamp: str) -> _Element:
    return E.Times(
        E.CreationTime(stamp),
        E.LastModificationTime(stamp),
        E.LastAccessTime(stamp),
        E.ExpiryTime(stamp),
        E.Expires("False"),
        E.UsageCount("0"),
        E.LocationChanged(stamp),
    )


def _string(key: str, value: str, protected: bool = False) -> _Element:
    attrs = {"Protected": "True"} if protected else {}
    return E.String(E.Key(key), E.Value(_text(value), **attrs))


def _entry(item: Item, stamp: str) -> _Element:
    entry = E.Entry(
        E.UUID(_uuid()),
        E.IconID("0"),
        E.ForegroundColor(),
        E.BackgroundColor(),
        E.OverrideURL(),
        E.Tags(),
        _times(stamp),
        _string("Title", item.title),
        _string("UserName", item.username),
        _string("Password", item.password, protected=True),
        _string("URL", item.url),
        _string("Notes", item.notes),
    )
    if item.otp:
        entry.append(_string("otp", item.otp, protected=True))
    entry.append(
        E.AutoType(
            E.Enabled("True"),
            E.DataTransferObfuscation("0"),
            E.DefaultSequence(),
        )
    )
    entry.append(E.History())
    return entry


def _group(folder: Folder, stamp: str) -> _Element:
    group = E.Group(
        E.UUID(_uuid()),
        E.Name(_text(folder.name)),
        E.Notes(),
        E.IconID("48"),
        _times(stamp),
        E.IsExpanded("True"),
        E.DefaultAutoTypeSequence(),
        E.EnableAutoType("null"),
        E.EnableSearching("null"),
        E.LastTopVisibleEntry(_EMPTY_UUID),
    )
    # KeePass writes a group's entries before its subgroups.
    group.extend(_entry(item, stamp) for item in folder.items)
    group.extend(_group(sub, stamp) for sub in folder.folders)
    return group


def _template() -> PyKeePass:
    global _template_key
    kp = PyKeePass(BLANK_DATABASE_LOCATION, BLANK_DATABASE_PASSWORD, transformed_key=_template_key)
    _template_key = kp.transformed_key
    return kp


def _set(kp: PyKeePass, path: str, value: str) -> None:
    element = kp._xpath(path, first=True)
    if element is not None:
        element.text = value


def build_kdbx(name: str, folders: Iterable[Folder], password: str, now: datetime) -> Built:
    """The KDBX 4 file: `folders` under a root group named `name`, opened with `password`."""
    started = time.perf_counter()
    kp = _template()
    stamp = kp._encode_time(now)
    meta = "/KeePassFile/Meta/"
    _set(kp, meta + "Generator", "Steward")
    kp.database_name = name
    for field in (
        "DatabaseNameChanged",
        "DatabaseDescriptionChanged",
        "DefaultUserNameChanged",
        "MasterKeyChanged",
        "RecycleBinChanged",
        "EntryTemplatesGroupChanged",
        "SettingsChanged",
    ):
        _set(kp, meta + field, stamp)
    _set(kp, meta + "RecycleBinEnabled", "False")
    _set(
        kp,
        meta + "CustomData/Item[Key='_LAST_MODIFIED']/Value",
        now.strftime("%a %b %d %H:%M:%S %Y GMT"),
    )
    root = kp.root_group._element
    # The root group's UUID is what KeePass clients know a database by: a fresh one per file.
    root.find("UUID").text = _uuid()
    root.find("Name").text = _text(name)
    root.replace(root.find("Times"), _times(stamp))
    last = root.find("LastTopVisibleEntry")
    position = list(root).index(last) + 1 if last is not None else len(root)
    for offset, folder in enumerate(folders):
        root.insert(position + offset, _group(folder, stamp))

    kp.password = password
    header: Any = kp.kdbx.header.value.dynamic_header
    header.kdf_parameters.data.dict["S"].value = get_random_bytes(32)
    kdf_started = time.perf_counter()
    context: Any = type("Context", (), {})()
    context._ = type("Outer", (), {})()
    context._.header = kp.kdbx.header
    context._._ = type("Args", (), {"password": password, "keyfile": None})()
    context._._.transformed_key = None
    transformed = compute_transformed(context)
    kdf_seconds = time.perf_counter() - kdf_started
    out = io.BytesIO()
    # Given the key, pykeepass keeps the salt just set and rotates every other seed and IV.
    kp.save(out, transformed_key=transformed)
    return Built(out.getvalue(), kdf_seconds, time.perf_counter() - started)


# --- What goes in ---------------------------------------------------------------------------


def may_take(user: User, org: Organization) -> bool:
    """Whether this person may take the organization's exit pack (they see it already)."""
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.CLIENT_ADMIN and user.organization_id == org.pk


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            _("password: at least %(n)s characters.") % {"n": MIN_PASSWORD}, field="password"
        )


def pack_name(org: Organization, now: datetime) -> str:
    return f"steward-exit-{slugify(org.code) or org.pk}-{now:%Y%m%d}.zip"


def database_name(org: Organization) -> str:
    return f"{org.name} — Steward exit pack"


def vault_folders(org: Organization) -> tuple[list[Folder], int]:
    """The credentials as the KeePass file groups them: under their vendor, else their asset,
    else "Other"; and how many."""
    keys: dict[int, bytes] = {}
    by_vendor: dict[int, list[Item]] = {}
    by_asset: dict[int, list[Item]] = {}
    other: list[Item] = []
    count = 0
    issuer = org.name
    rows = Credential.objects.filter(organization=org).order_by("name", "id")
    for credential in rows.iterator(chunk_size=2000):
        if credential.key_version not in keys:
            keys[credential.key_version] = data_key(org.pk, credential.key_version)[1]
        plain = open_credential(credential, keys[credential.key_version])
        item = Item(
            title=credential.name,
            username=credential.username,
            password=plain["secret"],
            url=credential.url,
            notes=plain["notes"],
            otp=otp_uri(plain["totp"], credential.name, issuer),
        )
        if credential.vendor_id:
            by_vendor.setdefault(credential.vendor_id, []).append(item)
        elif credential.asset_id:
            by_asset.setdefault(credential.asset_id, []).append(item)
        else:
            other.append(item)
        count += 1
    folders = []
    if by_vendor:
        vendors = Vendor.objects.filter(pk__in=by_vendor).order_by("name", "id")
        folders.append(
            Folder(_("Vendors"), [], [Folder(v.name, by_vendor[v.pk], []) for v in vendors])
        )
    if by_asset:
        assets = Asset.objects.filter(pk__in=by_asset).order_by("name", "id")
        folders.append(
            Folder(_("Assets"), [], [Folder(a.name, by_asset[a.pk], []) for a in assets])
        )
    if other:
        folders.append(Folder(_("Other"), other, []))
    return folders, count


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, Decimal)):
        return str(value.isoformat() if isinstance(value, date) else value)
    raise TypeError(type(value).__name__)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default, indent=None)


def _who(user: User | None) -> str:
    return audit.actor_label(user) if user is not None else ""


def ticket_record(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.pk,
        "number": ticket.number,
        "title": ticket.title,
        "description": ticket.description,
        "kind": ticket.kind,
        "status": ticket.status,
        "priority": ticket.priority,
        "impact": ticket.impact,
        "urgency": ticket.urgency,
        "source": ticket.source,
        "requester": _who(ticket.requester) or ticket.requester_email,
        "assignee": _who(ticket.assignee) or None,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "first_response_due": ticket.first_response_due,
        "first_responded_at": ticket.first_responded_at,
        "resolution_due": ticket.resolution_due,
        "resolved_at": ticket.resolved_at,
        "closed_at": ticket.closed_at,
        "sla_breached": ticket.sla_breached,
        "messages": [
            {
                "at": m.created_at,
                "author": _who(m.author) or m.author_email,
                "public": m.public,
                "by_staff": m.by_staff,
                "source": m.source,
                "body": m.body,
                "attachments": [
                    {"name": a.name, "size": a.size, "content_type": a.content_type}
                    for a in m.attachments.all()
                ],
            }
            for m in ticket.messages.all()
        ],
        "events": [
            {"at": e.at, "kind": e.kind, "actor": _who(e.actor) or None, "data": e.data}
            for e in ticket.events.all()
        ],
    }


def tickets_json(org: Organization) -> Iterator[str]:
    """Every ticket of the organization with its messages and events, as one JSON array."""
    messages: QuerySet[Message] = (
        Message.objects.select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "id")
    )
    tickets = (
        Ticket.objects.filter(organization=org)
        .select_related("requester", "assignee")
        .prefetch_related(
            Prefetch("messages", messages),
            Prefetch("events", TicketEvent.objects.select_related("actor").order_by("at", "id")),
        )
        .order_by("created_at", "id")
    )
    yield "["
    first = True
    for ticket in tickets.iterator(chunk_size=500):
        yield ("\n" if first else ",\n") + _dumps(ticket_record(ticket))
        first = False
    yield "\n]\n"


def agreements_json(org: Organization) -> str:
    agreements = (
        Agreement.objects.filter(organization=org)
        .select_related("sla_policy")
        .prefetch_related("covered__service", "versions")
        .order_by("starts", "id")
    )
    return (
        json.dumps(
            [
                {
                    "id": a.pk,
                    "name": a.name,
                    "starts": a.starts,
                    "ends": a.ends,
                    "sla_policy": {"name": a.sla_policy.name, "targets": a.sla_policy.targets},
                    "billing": a.billing,
                    "currency": a.currency,
                    "monthly_fee": a.monthly_fee,
                    "unit_price": a.unit_price,
                    "devices": a.devices,
                    "hourly_rate": a.hourly_rate,
                    "out_of_hours_multiplier": a.out_of_hours_multiplier,
                    "included_hours": a.included_hours,
                    "block_hours": a.block_hours,
                    "rollover": a.rollover,
                    "increment_minutes": a.increment_minutes,
                    "exclusions": a.exclusions,
                    "kpi_targets": a.kpi_targets,
                    "services": [
                        {"name": c.service.name, "price": c.price} for c in a.covered.all()
                    ],
                    "versions": [
                        {
                            "number": v.number,
                            "terms": v.terms,
                            "changes": v.changes,
                            "note": v.note,
                            "created_at": v.created_at,
                        }
                        for v in a.versions.all()
                    ],
                }
                for a in agreements
            ],
            ensure_ascii=False,
            default=_json_default,
            indent=2,
        )
        + "\n"
    )


def audit_jsonl(org: Organization) -> Iterator[str]:
    """The chain as verify_audit.py reads it: each entry a line (`"type": "entry"`), in
    sequence, then each signed checkpoint a line (`"type": "checkpoint"`)."""
    entries = (
        AuditEntry.objects.filter(organization=org)
        .order_by("seq")
        .values_list("seq", "at", "actor_label", "action", "object", "reason", "prev_hash", "hash")
    )
    for seq, at, actor, action, obj, reason, prev, digest in entries.iterator(chunk_size=5000):
        line = {
            "type": "entry",
            "org": org.pk,
            "seq": seq,
            "at": audit.stamp(at),
            "actor": actor,
            "action": action,
            "object": obj,
            "reason": reason,
            "prev_hash": prev,
            "hash": digest,
        }
        yield json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
    for mark in AuditCheckpoint.objects.filter(organization=org).order_by("seq"):
        line = {
            "type": "checkpoint",
            "org": org.pk,
            "seq": mark.seq,
            "head": mark.head,
            "at": audit.stamp(mark.at),
            "public_key": mark.public_key,
            "signature": mark.signature,
        }
        yield json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


def document_files(org: Organization) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of each document: its title as a heading, then its text."""
    used: set[str] = set()
    for doc in Document.objects.filter(organization=org).order_by("title", "id").iterator():
        slug = slugify(doc.title, allow_unicode=True)[:80] or f"document-{doc.pk}"
        name, n = slug, 1
        while name in used:
            n += 1
            name = f"{slug}-{n}"
        used.add(name)
        yield f"documents/{name}.md", f"# {doc.title}\n\n{doc.body.rstrip()}\n"


# --- The README -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Handover:
    """What the next provider should take over first."""

    held: list[Vendor]  # accounts the provider holds on the client's behalf
    third: list[Vendor]  # accounts a third party holds
    at_risk: list[Credential]  # revealed since their last change


def handover(org: Organization) -> Handover:
    vendors = list(Vendor.objects.filter(organization=org).order_by("name", "id"))
    at_risk = list(
        Credential.objects.for_org(org)
        .at_risk()
        .select_related("last_revealed_by")
        .order_by("-last_revealed_at", "id")
    )
    return Handover(
        held=[v for v in vendors if v.account_holder == Holder.PROVIDER],
        third=[v for v in vendors if v.account_holder == Holder.THIRD_PARTY],
        at_risk=at_risk,
    )


def _readme_part(org: Organization, now: datetime, hand: Handover, counts: dict[str, int]) -> str:
    """The README in the active language."""
    tz = org.timezone
    lines = [
        "# " + _("Exit pack of %(org)s") % {"org": org.name},
        "",
        _("Made on %(when)s by Steward. Everything your IT provider knew about your IT is in it.")
        % {"when": formats.format_datetime(now, "long", tz=tz)},
        "",
        "## " + _("What is inside"),
        "",
        "| " + _("File") + " | " + _("What it holds") + " |",
        "| --- | --- |",
        "| `vault.kdbx` | "
        + ngettext(
            '%(n)s password (KeePass KDBX 4), grouped by vendor, by asset, and "Other".',
            '%(n)s passwords (KeePass KDBX 4), grouped by vendor, by asset, and "Other".',
            counts["credentials"],
        )
        % {"n": counts["credentials"]}
        + " |",
        "| `assets.csv` | "
        + ngettext(
            "%(n)s asset (computers, network devices, services).",
            "%(n)s assets (computers, network devices, services).",
            counts["assets"],
        )
        % {"n": counts["assets"]}
        + " |",
        "| `vendors.csv` | "
        + ngettext(
            "%(n)s third party, and who holds its account.",
            "%(n)s third parties, and who holds each account.",
            counts["vendors"],
        )
        % {"n": counts["vendors"]}
        + " |",
        "| `documents/` | "
        + ngettext(
            "%(n)s document, in Markdown.", "%(n)s documents, in Markdown.", counts["documents"]
        )
        % {"n": counts["documents"]}
        + " |",
        "| `tickets.json` | "
        + ngettext(
            "%(n)s ticket, with its messages and history.",
            "%(n)s tickets, with their messages and history.",
            counts["tickets"],
        )
        % {"n": counts["tickets"]}
        + " |",
        "| `agreements.json` | " + _("The service agreements and their versions.") + " |",
        "| `audit.jsonl` | "
        + _(
            'The access log: one entry a line ("type": "entry"), then the signed '
            'checkpoints ("type": "checkpoint").'
        )
        + " |",
        "| `verify_audit.py` | " + _("Checks the access log (Python 3 and `cryptography`).") + " |",
        "",
        "## " + _("Opening the passwords"),
        "",
        _(
            "Open vault.kdbx in KeePassXC (keepassxc.org) or any KeePass 2 application, with "
            "the password chosen when the pack was made. Steward does not keep that password."
        ),
        "",
        "## " + _("Checking the access log"),
        "",
        _(
            "Every look at a password, every change and every export is an entry of a hash "
            "chain. Check that none was changed, removed or reordered:"
        ),
        "",
        "```",
        "pip install cryptography",
        f"python verify_audit.py audit.jsonl --key {audit.public_key_hex()}",
        "```",
        "",
        _(
            "It ends with 0 and says OK when the log is whole; otherwise it names the first "
            "entry at fault. Compare the key with the one in the checkpoint mails you received."
        ),
        "",
        "## " + _("Take over these accounts first"),
        "",
    ]
    if hand.held:
        lines += [_("Accounts your previous provider holds on your behalf:"), ""]
        for v in hand.held:
            extra = ", ".join(x for x in (v.get_kind_display(), v.account, v.registered_to) if x)
            lines.append(f"- **{v.name}**" + (f" ({extra})" if extra else ""))
        lines.append("")
    if hand.third:
        lines += [_("Accounts a third party holds:"), ""]
        lines += [f"- **{v.name}**" + (f" ({v.account})" if v.account else "") for v in hand.third]
        lines.append("")
    if hand.at_risk:
        lines += [_("Passwords seen by your previous provider since they last changed:"), ""]
        for c in hand.at_risk:
            seen = formats.format_datetime(c.last_revealed_at, "medium", tz=tz)
            who = audit.actor_label(c.last_revealed_by) if c.last_revealed_by else ""
            lines.append(
                f"- **{c.name}**"
                + (f" ({c.username})" if c.username else "")
                + " — "
                + (_("seen %(when)s by %(who)s") % {"when": seen, "who": who} if who else seen)
            )
        lines.append("")
    if not (hand.held or hand.third or hand.at_risk):
        lines += [
            _("Nothing: every account is yours, and no password was seen since it changed."),
            "",
        ]
    lines += [_("Then change every password in the vault that your previous provider knew."), ""]
    return "\n".join(lines)


def readme(org: Organization, now: datetime, hand: Handover, counts: dict[str, int]) -> str:
    """The README in the client's language, with English after it when that is another."""
    language = (org.language or "en").lower()
    with translation.override(language):
        text = _readme_part(org, now, hand, counts)
    if not language.startswith("en"):
        with translation.override("en"):
            text += "\n---\n\n" + _readme_part(org, now, hand, counts)
    return text


# --- The pack ------------------------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """A write-only stream the zip writes into and the response reads from, chunk by chunk:
    zipfile, finding it cannot seek, writes each member with a data descriptor."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


@dataclass
class Pack:
    """A pack ready to stream: its file name, the vault already built, and the rest to come."""

    filename: str
    chunks: Iterator[bytes]
    kdf_seconds: float
    kdbx_seconds: float


def _members(
    org: Organization, now: datetime, vault: bytes, count: int
) -> Iterator[tuple[str, Iterable[str] | bytes]]:
    assets = Asset.objects.filter(organization=org).order_by("name", "id")
    vendors = Vendor.objects.filter(organization=org).order_by("name", "id")
    counts = {
        "credentials": count,
        "assets": assets.count(),
        "vendors": vendors.count(),
        "documents": Document.objects.filter(organization=org).count(),
        "tickets": Ticket.objects.filter(organization=org).count(),
    }
    yield "README.md", [readme(org, now, handover(org), counts)]
    yield "vault.kdbx", vault
    yield "assets.csv", [csvio.write_assets(assets.iterator())]
    yield "vendors.csv", [csvio.write_vendors(vendors)]
    for path, text in document_files(org):
        yield path, [text]
    yield "tickets.json", tickets_json(org)
    yield "agreements.json", [agreements_json(org)]
    yield "audit.jsonl", audit_jsonl(org)
    yield "verify_audit.py", VERIFIER.read_bytes()


def _zip(org: Organization, now: datetime, vault: bytes, count: int) -> Iterator[bytes]:
    pipe = _Pipe()
    stamp = timezone.localtime(now, timezone.get_fixed_timezone(0)).timetuple()[:6]
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in _members(org, now, vault, count):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = (
                zipfile.ZIP_STORED if name == "vault.kdbx" else zipfile.ZIP_DEFLATED
            )
            info.external_attr = 0o644 << 16
            with archive.open(info, "w") as member:
                if isinstance(content, bytes):
                    member.write(content)
                else:
                    buffered = 0
                    for text in content:
                        data = text.encode()
                        member.write(data)
                        buffered += len(data)
                        if buffered >= CHUNK:
                            buffered = 0
                            yield pipe.take()
            yield pipe.take()
    yield pipe.take()


def start(org: Organization, actor: User, password: str, now: datetime | None = None) -> Pack:
    """Take the organization's exit pack: the password checked, the export written to the
    audit log (before anything is returned: no pack leaves without its entry), the vault built;
    the rest is zipped as the caller reads `chunks`."""
    if not may_take(actor, org):
        raise DomainError(
            _("Only the client's admins and provider admins may take the exit pack."),
            forbidden=True,
        )
    check_password(password)
    now = now or timezone.now()
    audit.append(org, AuditAction.EXPORT, actor, f"organization:{org.pk} {org.name}", "exit pack")
    language = (org.language or "en").lower()
    with translation.override(language):
        folders, count = vault_folders(org)
    built = build_kdbx(database_name(org), folders, password, now)
    return Pack(
        filename=pack_name(org, now),
        chunks=_zip(org, now, built.data, count),
        kdf_seconds=built.kdf_seconds,
        kdbx_seconds=built.seconds,
    )
