"""The client's documentation: assets, vendors (and who holds their accounts), documents with
their revisions, the CSV import of assets, and the renewal warnings. Pages, API and the
daily task call these functions; one place changes these rows."""

from __future__ import annotations

import csv
import io
import json
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Role, User
from steward.lib import formats
from steward.lib.errors import DomainError
from steward.mail.outbound import queue
from steward.vault.csvio import ASSET_COLUMNS
from steward.vault.models import Asset, Document, DocumentRevision, Holder, Vendor

# How far ahead a renewal or expiry is announced, and shown as "soon" on the pages.
WARN_AHEAD = timedelta(days=30)
MAX_IMPORT_ROWS = 10_000
DATE_FIELDS = ("purchased", "warranty_ends")
ASSET_FIELDS = tuple(c for c in ASSET_COLUMNS)
VENDOR_FIELDS = (
    "name",
    "kind",
    "account",
    "account_holder",
    "registered_to",
    "support_contact",
    "renews",
    "expires",
    "notes",
)


def can_write(user: User) -> bool:
    """Provider staff and the client's administrators keep the documentation; client users
    read it."""
    return user.is_provider or user.role == Role.CLIENT_ADMIN


def require_writer(user: User) -> None:
    if not can_write(user):
        raise DomainError(
            _("Only provider staff and the client's administrators change this."),
            forbidden=True,
        )


def _first_error(exc: ValidationError) -> DomainError:
    field, messages = next(iter(exc.message_dict.items()))
    field = "" if field == "__all__" else field
    return DomainError(f"{field}: {messages[0]}" if field else messages[0], field)


def _errors(exc: ValidationError) -> list[tuple[str, str]]:
    return [
        ("" if field == "__all__" else field, message)
        for field, messages in exc.message_dict.items()
        for message in messages
    ]


def check_custom(value: object) -> dict[str, str]:
    """The client's own fields: an object of strings to strings."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise DomainError(_("custom: send an object whose values are strings."), "custom")
    if len(value) > 50 or any(len(k) > 100 or len(v) > 1000 for k, v in value.items()):
        raise DomainError(
            _("custom: at most 50 fields, names of 100 and values of 1,000 characters."),
            "custom",
        )
    return {k.strip(): v for k, v in value.items() if k.strip()}


def _aware(value: datetime, org: Organization) -> datetime:
    if timezone.is_naive(value):
        return value.replace(tzinfo=zoneinfo.ZoneInfo(org.timezone))
    return value


# --- Assets -----------------------------------------------------------------------------


def apply_asset(asset: Asset, data: dict[str, Any]) -> None:
    """Put the fields a body or a form sent on the asset (not saved)."""
    for key, value in data.items():
        if key not in ASSET_FIELDS:
            continue
        if value is None and key not in (*DATE_FIELDS, "last_seen"):
            raise DomainError(_("%(key)s: may not be null.") % {"key": key}, key)
        if key == "custom":
            value = check_custom(value)
        elif key == "last_seen" and value is not None:
            value = _aware(value, asset.organization)
        elif isinstance(value, str):
            value = value.strip()
        setattr(asset, key, value)


@transaction.atomic
def save_asset(asset: Asset, data: dict[str, Any]) -> Asset:
    """Create or change an asset; a refused value is named, nothing is written."""
    apply_asset(asset, data)
    try:
        asset.full_clean(exclude=["organization"])
    except ValidationError as exc:
        raise _first_error(exc) from None
    asset.updated_at = timezone.now()
    asset.save()
    return asset


def delete_asset(asset: Asset) -> None:
    asset.delete()


@dataclass(frozen=True)
class LineError:
    """One refused cell of an imported file: the line (1 = the header), the column, why."""

    line: int
    field: str
    message: str


class ImportRefused(Exception):
    """An import with errors: nothing was written; `errors` lists every one of them."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _cell_value(org: Organization, column: str, raw: str) -> object:
    raw = raw.strip()
    if column in DATE_FIELDS:
        if not raw:
            return None
        try:
            day = parse_date(raw)
        except ValueError:
            day = None
        if day is None:
            raise ValueError(_("not a date (YYYY-MM-DD)."))
        return day
    if column == "last_seen":
        if not raw:
            return None
        try:
            moment = parse_datetime(raw) or (
                datetime.combine(d, datetime.min.time()) if (d := parse_date(raw)) else None
            )
        except ValueError:
            moment = None
        if moment is None:
            raise ValueError(_("not a date and time (ISO 8601)."))
        return _aware(moment, org)
    if column == "custom":
        if not raw:
            return {}
        try:
            value = json.loads(raw)
        except ValueError:
            raise ValueError(_("not a JSON object of strings.")) from None
        try:
            return check_custom(value)
        except DomainError:
            raise ValueError(_("not a JSON object of strings.")) from None
    return raw


def read_assets(org: Organization, text: str) -> list[Asset]:
    """The assets a CSV file describes (not saved), or ImportRefused naming every bad cell.
    The columns are the export's (csvio.ASSET_COLUMNS), in any order; `name` and `kind` are
    required."""
    errors: list[LineError] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ImportRefused([LineError(1, "", _("The file is empty."))]) from None
    except csv.Error as exc:
        raise ImportRefused([LineError(1, "", str(exc))]) from None
    for column in header:
        # An export of several organizations names each row's; the import's is the caller's.
        if column not in ASSET_FIELDS and column != "organization":
            errors.append(LineError(1, column, _("unknown column.")))
    for column in ("name", "kind"):
        if column not in header:
            errors.append(LineError(1, column, _("this column is required.")))
    if len(set(header)) != len(header):
        errors.append(LineError(1, "", _("a column is named twice.")))
    if errors:
        raise ImportRefused(errors)
    assets: list[Asset] = []
    order = {column: i for i, column in enumerate(header)}
    line = reader.line_num + 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(assets) >= MAX_IMPORT_ROWS:
                message = _("at most %(n)s assets per file.") % {"n": f"{MAX_IMPORT_ROWS:,}"}
                errors.append(LineError(start, "", message))
                break
            if len(row) != len(header):
                message = _("%(n)s cells where the header has %(m)s.") % {
                    "n": len(row),
                    "m": len(header),
                }
                errors.append(LineError(start, "", message))
                continue
            asset = Asset(organization=org)
            found: list[LineError] = []
            for column, raw in zip(header, row, strict=True):
                if column == "organization":
                    continue
                try:
                    setattr(asset, column, _cell_value(org, column, raw))
                except ValueError as exc:
                    found.append(LineError(start, column, str(exc)))
            try:
                asset.full_clean(exclude=["organization", *(e.field for e in found)])
            except ValidationError as exc:
                found.extend(LineError(start, f, m) for f, m in _errors(exc))
            # In the file's own column order, as the reader looks along the line.
            errors.extend(sorted(found, key=lambda e: order.get(e.field, -1)))
            assets.append(asset)
    except csv.Error as exc:
        errors.append(LineError(line, "", str(exc)))
    if errors:
        raise ImportRefused(errors)
    return assets


@transaction.atomic
def import_assets(org: Organization, text: str) -> list[Asset]:
    """Add every asset of the file to the organization, or none (ImportRefused)."""
    assets = read_assets(org, text)
    now = timezone.now()
    for asset in assets:
        asset.created_at = asset.updated_at = now
    return Asset.objects.bulk_create(assets)


# --- Vendors ----------------------------------------------------------------------------


@transaction.atomic
def save_vendor(vendor: Vendor, data: dict[str, Any]) -> Vendor:
    """Create or change a vendor; a refused value is named, nothing is written."""
    for key, value in data.items():
        if key not in VENDOR_FIELDS:
            continue
        if value is None and key not in ("renews", "expires"):
            raise DomainError(_("%(key)s: may not be null.") % {"key": key}, key)
        setattr(vendor, key, value.strip() if isinstance(value, str) else value)
    try:
        vendor.full_clean(exclude=["organization"])
    except ValidationError as exc:
        raise _first_error(exc) from None
    vendor.updated_at = timezone.now()
    vendor.save()
    return vendor


def delete_vendor(vendor: Vendor) -> None:
    vendor.delete()


def provider_held(org: Organization | int) -> QuerySet[Vendor]:
    """The accounts the provider holds on the client's behalf: the hostage list, made visible."""
    return Vendor.objects.for_org(org).filter(account_holder=Holder.PROVIDER).order_by("name")


def local_today(org: Organization, now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(org.timezone)).date()


def is_soon(day: date | None, today: date) -> bool:
    """A renewal or expiry within the warning period (or already past)."""
    return day is not None and day <= today + WARN_AHEAD


def dates_to_warn(vendor: Vendor, today: date) -> list[date]:
    """The renewal and expiry dates of the vendor that fall in the next 30 days and have not
    been announced: dates after the last one warned of (a date warned of covers every earlier
    one, so a vendor is never warned twice of the same date)."""
    days = {d for d in (vendor.renews, vendor.expires) if d is not None}
    return sorted(
        d
        for d in days
        if today <= d <= today + WARN_AHEAD and (vendor.warned_for is None or d > vendor.warned_for)
    )


def warn_renewals(now: datetime | None = None) -> int:
    """Tell each organization's client admins, by mail in their language, of vendors renewing
    or expiring within 30 days: once per date. Returns the number of vendors warned of."""
    now = now or timezone.now()
    utc_today = now.date()
    window = (utc_today - timedelta(days=1), utc_today + WARN_AHEAD + timedelta(days=1))
    candidates = (
        Vendor.objects.filter(Q(renews__range=window) | Q(expires__range=window))
        .select_related("organization")
        .order_by("organization_id", "id")
    )
    warned = 0
    for vendor in candidates:
        days = dates_to_warn(vendor, local_today(vendor.organization, now))
        if days and _claim_and_mail(vendor, days):
            warned += 1
    return warned


@transaction.atomic
def _claim_and_mail(vendor: Vendor, days: list[date]) -> bool:
    # The conditional UPDATE claims the warning: of two workers, one writes and mails.
    claimed = Vendor.objects.filter(pk=vendor.pk, warned_for=vendor.warned_for).update(
        warned_for=days[-1]
    )
    if claimed != 1:
        return False
    vendor.warned_for = days[-1]
    org = vendor.organization
    url = settings.SITE_URL + reverse("vault_portal:vendors")
    for person in User.objects.filter(organization=org, role=Role.CLIENT_ADMIN, is_active=True):
        language, tz = person.preferred_language(), person.preferred_timezone()
        with translation.override(language):
            subject = _("Renewal coming up: %(vendor)s") % {"vendor": vendor.name}
            lines = []
            for day in days:
                when = formats.format_date(day, "long", language)
                if day == vendor.renews:
                    lines.append(_("Renews on %(date)s") % {"date": when})
                if day == vendor.expires:
                    lines.append(_("Expires on %(date)s") % {"date": when})
            holder = Holder(vendor.account_holder).label
        queue(
            "vault_renewal",
            [person.email],
            # queue() renders mail/email/<template>; the vault's mail lives with its pages.
            "../../vault/docs/email/renewal",
            {
                "vendor": vendor,
                "lines": lines,
                "holder": holder,
                "provider_holds": vendor.account_holder == Holder.PROVIDER,
                "url": url,
            },
            subject,
            language,
            tz,
            organization=org,
        )
    return True


# --- Documents --------------------------------------------------------------------------


@transaction.atomic
def save_document(doc: Document, title: str, body: object, user: User | None) -> Document:
    """Create or change a document; a change keeps the text it replaced as the next
    revision (1, 2, ...), with its author and time."""
    title = title.strip()
    if not title:
        raise DomainError(_("title: may not be blank."), "title")
    if len(title) > 200:
        raise DomainError(_("title: at most 200 characters."), "title")
    if not isinstance(body, str):
        raise DomainError(_("body: send the text as a string."), "body")
    if len(body) > 1_000_000:
        raise DomainError(_("body: at most 1,000,000 characters."), "body")
    now = timezone.now()
    if doc.pk is not None:
        # Locked, so that two edits at once number their revisions 1 and 2, not 1 and 1.
        old = Document.objects.select_for_update().get(pk=doc.pk)
        if old.title == title and old.body == body:
            return doc
        last = old.revisions.aggregate(n=Max("number"))["n"] or 0
        DocumentRevision.objects.create(
            document=old,
            number=last + 1,
            title=old.title,
            body=old.body,
            at=old.updated_at,
            author=old.updated_by,
        )
    doc.title, doc.body, doc.updated_at, doc.updated_by = title, body, now, user
    doc.save()
    return doc


def delete_document(doc: Document) -> None:
    doc.delete()
