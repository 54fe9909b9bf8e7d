"""The vault's API: assets, vendors and documents (DESIGN.md, "Vault API"). Everyone of an
organization reads them; provider staff and the client's administrators write them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
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
)
from steward.vault import actions_docs as actions
from steward.vault import csvio
from steward.vault.models import Asset, AssetKind, Document, Holder, Vendor, VendorKind

router = Router(tags=["Vault: documentation"])

# What a 404 of these routes names, for the catalogs.
gettext_noop("asset")
gettext_noop("vendor")
gettext_noop("document")

CUSTOM_HELP = "The client's own fields: an object whose values are strings."
S200 = Field(None, max_length=200)
S100 = Field(None, max_length=100)


class AssetIn(Schema):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    kind: AssetKind
    make: str = Field("", max_length=100)
    model: str = Field("", max_length=100)
    serial: str = Field("", max_length=100)
    location: str = Field("", max_length=200)
    user_name: str = Field("", max_length=200)
    purchased: date | None = None
    warranty_ends: date | None = None
    os: str = Field("", max_length=100)
    os_version: str = Field("", max_length=100)
    last_seen: datetime | None = None
    notes: str = Field("", max_length=100_000)
    custom: Any = Field(None, description=CUSTOM_HELP)


class AssetPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: AssetKind | None = None
    make: str | None = S100
    model: str | None = S100
    serial: str | None = S100
    location: str | None = S200
    user_name: str | None = S200
    purchased: date | None = None
    warranty_ends: date | None = None
    os: str | None = S100
    os_version: str | None = S100
    last_seen: datetime | None = None
    notes: str | None = Field(None, max_length=100_000)
    custom: Any = Field(None, description=CUSTOM_HELP)


class AssetOut(Out):
    id: int
    organization: int
    name: str
    kind: str
    make: str
    model: str
    serial: str
    location: str
    user_name: str
    purchased: date | None
    warranty_ends: date | None
    os: str
    os_version: str
    last_seen: Timestamp | None
    notes: str
    custom: dict[str, str]

    @classmethod
    def of(cls, asset: Asset) -> AssetOut:
        return cls(
            id=asset.pk,
            organization=asset.organization_id,
            **{f: getattr(asset, f) for f in csvio.ASSET_COLUMNS if f != "custom"},
            custom=dict(asset.custom or {}),
        )


class VendorIn(Schema):
    organization: Id
    name: str = Field(..., min_length=1, max_length=200)
    kind: VendorKind
    account: str = Field("", max_length=200)
    account_holder: Holder = Holder.CLIENT
    registered_to: str = Field("", max_length=200)
    support_contact: str = Field("", max_length=300)
    renews: date | None = None
    expires: date | None = None
    notes: str = Field("", max_length=100_000)


class VendorPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: VendorKind | None = None
    account: str | None = S200
    account_holder: Holder | None = None
    registered_to: str | None = S200
    support_contact: str | None = Field(None, max_length=300)
    renews: date | None = None
    expires: date | None = None
    notes: str | None = Field(None, max_length=100_000)


class VendorOut(Out):
    id: int
    organization: int
    name: str
    kind: str
    account: str
    account_holder: str
    registered_to: str
    support_contact: str
    renews: date | None
    expires: date | None
    notes: str

    @classmethod
    def of(cls, vendor: Vendor) -> VendorOut:
        return cls(
            id=vendor.pk,
            organization=vendor.organization_id,
            **{f: getattr(vendor, f) for f in csvio.VENDOR_COLUMNS},
        )


class DocumentIn(Schema):
    organization: Id
    title: str = Field(..., min_length=1, max_length=200)
    # Any, and checked by the action: ninja's error would name the field "" (it drops "body").
    body: Any = Field("", description="Markdown (CommonMark), at most 1,000,000 characters.")


class DocumentPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    body: Any = Field(None, description="Markdown (CommonMark).")


class DocumentOut(Out):
    id: int
    organization: int
    title: str
    body: str
    updated_at: Timestamp
    revisions: int = Field(description="How many earlier versions are kept.")

    @classmethod
    def of(cls, doc: Document) -> DocumentOut:
        count = getattr(doc, "revision_count", None)
        return cls(
            id=doc.pk,
            organization=doc.organization_id,
            title=doc.title,
            body=doc.body,
            updated_at=doc.updated_at,
            revisions=count if count is not None else doc.revisions.count(),
        )


class ImportOut(Out):
    imported: int
    ids: list[int]


class LineErrorOut(Out):
    line: int
    field: str
    message: str


class ImportRefusedOut(Out):
    detail: str
    field: str
    errors: list[LineErrorOut] = Field(description="Every refused cell, by line (1 = header).")


def _writer(user: User) -> None:
    actions.require_writer(user)


def _data(payload: Schema, exclude_unset: bool) -> dict[str, Any]:
    data = payload.dict(exclude_unset=exclude_unset, exclude={"organization"})
    for key, value in data.items():
        if hasattr(value, "value"):  # an enum member: its stored value
            data[key] = value.value
    return data


def _org_param(user: User, organization: int | None) -> Organization:
    """The organization of `?organization=`, which an import or export needs."""
    if organization is None:
        raise ApiError(422, _("organization: this parameter is required."), "organization")
    org = Organization.objects.visible_to(user).filter(pk=organization).first()
    if org is None:
        raise not_found("organization")
    return org


def _filtered[Q_: QuerySet[Any]](
    qs: Q_, organization: int | None, kind: str | None, values: list[str]
) -> Q_:
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    if kind is not None:
        if kind not in values:
            raise ApiError(
                422, _("kind: use one of %(values)s.") % {"values": ", ".join(values)}, "kind"
            )
        qs = qs.filter(kind=kind)
    return qs


# --- Assets ---------------------------------------------------------------------------------


@router.get("/assets", response=Page[AssetOut])
def list_assets(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    kind: str | None = None,
    q: str | None = None,
) -> Page[AssetOut]:
    """The assets of the organizations the caller sees; `q` searches names, users, serials."""
    qs = Asset.objects.visible_to(api_user(request)).order_by("organization_id", "name", "id")
    qs = _filtered(qs, organization, kind, AssetKind.values)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(user_name__icontains=q) | Q(serial__icontains=q))
    return page(qs, limit, offset, AssetOut.of)


@router.post("/assets", response={201: AssetOut})
def create_asset(request: HttpRequest, payload: AssetIn) -> HttpStatus[AssetOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    _writer(user)
    data = _data(payload, exclude_unset=False)
    if data.get("custom") is None:
        data["custom"] = {}
    asset = actions.save_asset(Asset(organization=org), data)
    return HttpStatus(201, AssetOut.of(asset))


@router.post("/assets/import", response={201: ImportOut, 422: ImportRefusedOut})
def import_assets(
    request: HttpRequest, organization: int | None = None
) -> HttpStatus[ImportOut] | HttpStatus[ImportRefusedOut]:
    """A CSV file (the export's columns, `name` and `kind` required) added to the
    organization: every row or none. A refusal lists every bad cell with its line."""
    user = api_user(request)
    _writer(user)
    org = _org_param(user, organization)
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(422, _("body: the file is not UTF-8 text."), "body") from None
    try:
        assets = actions.import_assets(org, text)
    except actions.ImportRefused as exc:
        first = exc.errors[0]
        return HttpStatus(
            422,
            ImportRefusedOut(
                detail=_("%(n)s problems in the file; nothing was imported.")
                % {"n": len(exc.errors)},
                field=first.field or "body",
                errors=[
                    LineErrorOut(line=e.line, field=e.field, message=e.message) for e in exc.errors
                ],
            ),
        )
    return HttpStatus(201, ImportOut(imported=len(assets), ids=[a.pk for a in assets]))


@router.get("/assets/export", response={200: None})
def export_assets(request: HttpRequest, organization: int | None = None) -> HttpResponse:
    """The organization's assets as CSV, the columns the import reads. Without
    `organization`: every organization the caller sees, with a first `organization` column
    (its code)."""
    user = api_user(request)
    if organization is None:
        qs = Asset.objects.visible_to(user).select_related("organization")
        text = csvio.write_assets(qs.order_by("organization__code", "name", "id"), org_code=True)
        name = "assets.csv"
    else:
        org = _org_param(user, organization)
        text = csvio.write_assets(Asset.objects.for_org(org).order_by("name", "id"))
        name = f"assets-{org.code}.csv"
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/assets/{asset_id}", response=AssetOut)
def get_asset(request: HttpRequest, asset_id: int) -> AssetOut:
    return AssetOut.of(get_visible(Asset.objects.all(), api_user(request), "asset", pk=asset_id))


@router.patch("/assets/{asset_id}", response=AssetOut)
def update_asset(request: HttpRequest, asset_id: int, payload: AssetPatch) -> AssetOut:
    user = api_user(request)
    asset = get_for_write(Asset.objects.select_related("organization"), user, "asset", pk=asset_id)
    _writer(user)
    return AssetOut.of(actions.save_asset(asset, _data(payload, exclude_unset=True)))


@router.delete("/assets/{asset_id}", response={204: None})
def delete_asset(request: HttpRequest, asset_id: int) -> HttpStatus[None]:
    user = api_user(request)
    asset = get_for_write(Asset.objects.all(), user, "asset", pk=asset_id)
    _writer(user)
    actions.delete_asset(asset)
    return HttpStatus(204, None)


# --- Vendors --------------------------------------------------------------------------------


@router.get("/vendors", response=Page[VendorOut])
def list_vendors(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    kind: str | None = None,
    account_holder: str | None = None,
) -> Page[VendorOut]:
    """The vendors of the organizations the caller sees; `account_holder=provider` is the list
    of accounts the provider holds for the client."""
    qs = Vendor.objects.visible_to(api_user(request)).order_by("organization_id", "name", "id")
    qs = _filtered(qs, organization, kind, VendorKind.values)
    if account_holder is not None:
        if account_holder not in Holder.values:
            raise ApiError(
                422,
                _("account_holder: use one of %(values)s.") % {"values": ", ".join(Holder.values)},
                "account_holder",
            )
        qs = qs.filter(account_holder=account_holder)
    return page(qs, limit, offset, VendorOut.of)


@router.post("/vendors", response={201: VendorOut})
def create_vendor(request: HttpRequest, payload: VendorIn) -> HttpStatus[VendorOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    _writer(user)
    vendor = actions.save_vendor(Vendor(organization=org), _data(payload, exclude_unset=False))
    return HttpStatus(201, VendorOut.of(vendor))


@router.get("/vendors/{vendor_id}", response=VendorOut)
def get_vendor(request: HttpRequest, vendor_id: int) -> VendorOut:
    return VendorOut.of(
        get_visible(Vendor.objects.all(), api_user(request), "vendor", pk=vendor_id)
    )


@router.patch("/vendors/{vendor_id}", response=VendorOut)
def update_vendor(request: HttpRequest, vendor_id: int, payload: VendorPatch) -> VendorOut:
    user = api_user(request)
    vendor = get_for_write(Vendor.objects.all(), user, "vendor", pk=vendor_id)
    _writer(user)
    return VendorOut.of(actions.save_vendor(vendor, _data(payload, exclude_unset=True)))


@router.delete("/vendors/{vendor_id}", response={204: None})
def delete_vendor(request: HttpRequest, vendor_id: int) -> HttpStatus[None]:
    user = api_user(request)
    vendor = get_for_write(Vendor.objects.all(), user, "vendor", pk=vendor_id)
    _writer(user)
    actions.delete_vendor(vendor)
    return HttpStatus(204, None)


# --- Documents ------------------------------------------------------------------------------


@router.get("/documents", response=Page[DocumentOut])
def list_documents(
    request: HttpRequest, limit: int = 50, offset: int = 0, organization: int | None = None
) -> Page[DocumentOut]:
    qs = (
        Document.objects.visible_to(api_user(request))
        .annotate(revision_count=Count("revisions"))
        .order_by("organization_id", "title", "id")
    )
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    return page(qs, limit, offset, DocumentOut.of)


@router.post("/documents", response={201: DocumentOut})
def create_document(request: HttpRequest, payload: DocumentIn) -> HttpStatus[DocumentOut]:
    user = api_user(request)
    org = named_organization(user, payload.organization)
    _writer(user)
    doc = actions.save_document(Document(organization=org), payload.title, payload.body, user)
    return HttpStatus(201, DocumentOut.of(doc))


@router.get("/documents/{document_id}", response=DocumentOut)
def get_document(request: HttpRequest, document_id: int) -> DocumentOut:
    return DocumentOut.of(
        get_visible(Document.objects.all(), api_user(request), "document", pk=document_id)
    )


@router.patch("/documents/{document_id}", response=DocumentOut)
def update_document(request: HttpRequest, document_id: int, payload: DocumentPatch) -> DocumentOut:
    """Change a document; the text it replaces is kept as a revision."""
    user = api_user(request)
    doc = get_for_write(Document.objects.all(), user, "document", pk=document_id)
    _writer(user)
    data = payload.dict(exclude_unset=True)
    for key in ("title", "body"):
        if key in data and data[key] is None:
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
    title, body = data.get("title", doc.title), data.get("body", doc.body)
    return DocumentOut.of(actions.save_document(doc, title, body, user))


@router.delete("/documents/{document_id}", response={204: None})
def delete_document(request: HttpRequest, document_id: int) -> HttpStatus[None]:
    user = api_user(request)
    doc = get_for_write(Document.objects.all(), user, "document", pk=document_id)
    _writer(user)
    actions.delete_document(doc)
    return HttpStatus(204, None)
