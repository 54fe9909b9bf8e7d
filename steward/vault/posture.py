"""The security posture checklist: the five Cyber Essentials controls and a chosen set of
ISO/IEC 27001:2022 Annex A themes, each reviewed per organization (PostureControl rows, made on
first read) with a status, an owner, evidence and a review date; and the MFA status of the
organization's Steward users.

Control keys are stable (`ce.firewalls`, `iso.8.13`): the API, the provider's
recommendations and the demo name controls by them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steward.accounts.models import Organization, User
from steward.lib.errors import DomainError
from steward.vault.models import (
    Asset,
    AssetKind,
    AuditEntry,
    Holder,
    PostureControl,
    PostureStatus,
    Vendor,
    VendorKind,
)


@dataclass(frozen=True)
class Control:
    key: str
    framework: str  # "Cyber Essentials" or "ISO/IEC 27001:2022"
    ref: str  # the framework's own number or name
    title: Promise
    guidance: Promise


CE = "Cyber Essentials"
ISO = "ISO/IEC 27001:2022"

CATALOGUE: tuple[Control, ...] = (
    Control(
        "ce.firewalls",
        CE,
        "CE 1",
        gettext_lazy("Firewalls"),
        gettext_lazy(
            "Every device that reaches the internet sits behind a firewall with its default "
            "password changed, and only the services the business needs are let in."
        ),
    ),
    Control(
        "ce.secure_configuration",
        CE,
        "CE 2",
        gettext_lazy("Secure configuration"),
        gettext_lazy(
            "Computers and network devices are set up to do only what they must: unused "
            "accounts and software removed, default passwords changed, auto-run off."
        ),
    ),
    Control(
        "ce.user_access",
        CE,
        "CE 3",
        gettext_lazy("User access control"),
        gettext_lazy(
            "Each person has their own account with only the access their work needs; "
            "administrator accounts are separate and used only for administration."
        ),
    ),
    Control(
        "ce.malware",
        CE,
        "CE 4",
        gettext_lazy("Malware protection"),
        gettext_lazy(
            "Anti-malware is installed and up to date on every computer, or only approved "
            "applications may run."
        ),
    ),
    Control(
        "ce.updates",
        CE,
        "CE 5",
        gettext_lazy("Security update management"),
        gettext_lazy(
            "Operating systems and software are supported by their makers and high-risk "
            "security updates are installed within 14 days."
        ),
    ),
    Control(
        "iso.5.15",
        ISO,
        "A.5.15",
        gettext_lazy("Access control"),
        gettext_lazy(
            "Rules for who may reach which information and systems are written down, "
            "granted on need and reviewed."
        ),
    ),
    Control(
        "iso.5.23",
        ISO,
        "A.5.23",
        gettext_lazy("Information security for use of cloud services"),
        gettext_lazy(
            "Cloud services are chosen, run and left by rule: who holds each account, where "
            "the data lives, how it comes back at the end."
        ),
    ),
    Control(
        "iso.5.30",
        ISO,
        "A.5.30",
        gettext_lazy("ICT readiness for business continuity"),
        gettext_lazy(
            "The systems the business cannot work without are known, with a plan and a "
            "tested way to bring them back in the time the business can bear."
        ),
    ),
    Control(
        "iso.6.3",
        ISO,
        "A.6.3",
        gettext_lazy("Information security awareness, education and training"),
        gettext_lazy(
            "Staff learn to spot phishing and to handle information safely, when they join "
            "and at least once a year."
        ),
    ),
    Control(
        "iso.8.7",
        ISO,
        "A.8.7",
        gettext_lazy("Protection against malware"),
        gettext_lazy("Malware is detected and stopped, and people know what to do if it gets in."),
    ),
    Control(
        "iso.8.8",
        ISO,
        "A.8.8",
        gettext_lazy("Management of technical vulnerabilities"),
        gettext_lazy(
            "Weaknesses in the systems in use are found (updates, advisories, scans), judged "
            "and fixed in time."
        ),
    ),
    Control(
        "iso.8.13",
        ISO,
        "A.8.13",
        gettext_lazy("Information backup"),
        gettext_lazy(
            "Backups of data and systems are taken as agreed, kept apart from the originals, "
            "and restored in a test regularly."
        ),
    ),
    Control(
        "iso.8.15",
        ISO,
        "A.8.15",
        gettext_lazy("Logging"),
        gettext_lazy(
            "Activity, faults and security events are logged, the logs are protected from "
            "change and looked at."
        ),
    ),
    Control(
        "iso.8.20",
        ISO,
        "A.8.20",
        gettext_lazy("Network security"),
        gettext_lazy(
            "Networks and their devices are secured, managed and watched; guest and office "
            "networks are kept apart."
        ),
    ),
)
BY_KEY = {c.key: c for c in CATALOGUE}
ORDER = {c.key: n for n, c in enumerate(CATALOGUE)}
# The statuses a review may set ("unknown" is a row no one has reviewed yet).
REVIEWED = (
    PostureStatus.MET,
    PostureStatus.PARTIAL,
    PostureStatus.NOT_MET,
    PostureStatus.NOT_APPLICABLE,
)

# Operating systems their makers no longer update (as of 2026): (os, version prefix). A
# computer without an OS recorded counts as unknown, not unsupported.
UNSUPPORTED = (
    ("windows", "xp"),
    ("windows", "vista"),
    ("windows", "7"),
    ("windows", "8"),
    ("windows", "10"),
    ("windows server", "2008"),
    ("windows server", "2012"),
    ("windows server", "2016"),
    ("macos", "10."),
    ("macos", "11"),
    ("macos", "12"),
    ("macos", "13"),
    ("ubuntu", "18.04"),
    ("ubuntu", "20.04"),
    ("debian", "9"),
    ("debian", "10"),
    ("debian", "11"),
)
COMPUTERS = (AssetKind.WORKSTATION, AssetKind.LAPTOP, AssetKind.SERVER)


def supported(os: str, version: str) -> bool | None:
    """Whether an operating system is still updated by its maker (None: not recorded)."""
    name = os.strip().lower()
    if not name:
        return None
    version = version.strip().lower()
    for family, prefix in UNSUPPORTED:
        if name == family and (version == prefix or version.startswith(prefix)):
            return False
    return True


def controls_of(org: Organization) -> list[PostureControl]:
    """The organization's checklist in catalogue order; its rows made on first read."""
    rows = {p.control: p for p in PostureControl.objects.filter(organization=org)}
    missing = [k for k in BY_KEY if k not in rows]
    if missing:
        # Two first reads at once: the unique (organization, control) keeps one row each.
        PostureControl.objects.bulk_create(
            [PostureControl(organization=org, control=k) for k in missing],
            ignore_conflicts=True,
        )
        rows = {p.control: p for p in PostureControl.objects.filter(organization=org)}
    return sorted((p for p in rows.values() if p.control in BY_KEY), key=lambda p: ORDER[p.control])


def overdue(row: PostureControl, today: date) -> bool:
    """Its review date has passed."""
    return row.review_by is not None and row.review_by < today


def update(
    org: Organization, key: str, actor: User, data: dict[str, Any], now: datetime | None = None
) -> PostureControl:
    """Record a review of one control: the fields given in `data` (status, owner, evidence,
    review_by, assets). Raises DomainError naming the field at fault; nothing is written then."""
    if key not in BY_KEY:
        raise LookupError(key)
    controls_of(org)
    changes: dict[str, Any] = {}
    if "status" in data:
        status = data["status"]
        if status not in REVIEWED:
            raise DomainError(
                _("status: use one of %(values)s.") % {"values": ", ".join(REVIEWED)}, "status"
            )
        changes["status"] = status
    for field, limit in (("owner", 200), ("evidence", 5000)):
        if field in data:
            value = data[field]
            if value is None:
                value = ""
            if not isinstance(value, str) or len(value) > limit:
                raise DomainError(
                    _("%(field)s: text of at most %(n)s characters.")
                    % {"field": field, "n": limit},
                    field,
                )
            changes[field] = value.strip()
    if "review_by" in data:
        changes["review_by"] = data["review_by"]
    assets: list[Asset] | None = None
    if "assets" in data and data["assets"] is not None:
        ids = list(dict.fromkeys(data["assets"]))
        if any(not isinstance(i, int) or not 0 < i < 2**63 for i in ids):
            raise DomainError(_("assets: no such asset in this organization."), "assets")
        assets = list(Asset.objects.filter(organization=org, pk__in=ids))
        if len(assets) != len(ids):
            raise DomainError(_("assets: no such asset in this organization."), "assets")
    with transaction.atomic():
        row = PostureControl.objects.select_for_update().get(organization=org, control=key)
        for field, value in changes.items():
            setattr(row, field, value)
        row.updated_at = now or timezone.now()
        row.updated_by = actor
        row.save()
        if assets is not None:
            row.assets.set(assets)
    return row


# --- Evidence Steward can compute ----------------------------------------------------------


def computed_evidence(org: Organization) -> dict[str, str]:
    """Facts from the organization's records that bear on a control, by control key."""
    facts: dict[str, str] = {}
    computers = list(
        Asset.objects.filter(organization=org, kind__in=COMPUTERS).values_list("os", "os_version")
    )
    if computers:
        known = [supported(os, version) for os, version in computers]
        good = sum(1 for k in known if k)
        text = _("%(good)s of %(total)s computers on an operating system still updated.") % {
            "good": good,
            "total": len(computers),
        }
        unknown = sum(1 for k in known if k is None)
        if unknown:
            text += " " + _("%(n)s without an operating system recorded.") % {"n": unknown}
        facts["ce.updates"] = facts["iso.8.8"] = text
    users = mfa_status(org)
    if users:
        facts["ce.user_access"] = facts["iso.5.15"] = _(
            "%(mfa)s of %(total)s Steward users sign in with a second factor."
        ) % {"mfa": sum(1 for u in users if u.totp or u.webauthn), "total": len(users)}
    cloud = Vendor.objects.filter(
        Q(kind__in=(VendorKind.HOSTING, VendorKind.EMAIL, VendorKind.DNS)), organization=org
    )
    total = cloud.count()
    if total:
        facts["iso.5.23"] = _("%(held)s of %(total)s cloud accounts are held by the client.") % {
            "held": cloud.filter(account_holder=Holder.CLIENT).count(),
            "total": total,
        }
    entries = AuditEntry.objects.filter(organization=org).count()
    if entries:
        facts["iso.8.15"] = _(
            "Every look at a password is logged in a signed hash chain (%(n)s entries)."
        ) % {"n": entries}
    return facts


@dataclass(frozen=True)
class Mfa:
    user: User
    totp: bool
    webauthn: bool


def mfa_status(org: Organization) -> list[Mfa]:
    """The organization's active Steward users and which second factors each has set up."""
    from allauth.mfa.models import Authenticator

    users = list(User.objects.filter(organization=org, is_active=True).order_by("name", "email"))
    kinds: dict[int, set[str]] = {}
    for user_id, kind in Authenticator.objects.filter(
        user__in=users, type__in=(Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
    ).values_list("user_id", "type"):
        kinds.setdefault(user_id, set()).add(kind)
    return [
        Mfa(
            u,
            Authenticator.Type.TOTP in kinds.get(u.pk, set()),
            Authenticator.Type.WEBAUTHN in kinds.get(u.pk, set()),
        )
        for u in users
    ]
