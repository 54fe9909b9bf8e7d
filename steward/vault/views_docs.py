"""The documentation pages: the desk's, per organization (/desk/vault/<org>/...), and the
client's own in the portal (/portal/vault/...). Both read through `visible_to`; the desk is
for provider staff, the portal shows the client its assets, vendors and documents (client
admins may write documents there)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, staff_view, user_of
from steward.accounts.access import desk_org as _org
from steward.accounts.models import Organization, Role, User
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.vault import actions_docs as actions
from steward.vault import csvio, markdown
from steward.vault.forms_docs import (
    AssetFilterForm,
    AssetForm,
    DocumentForm,
    ImportForm,
    VendorFilterForm,
    VendorForm,
)
from steward.vault.models import (
    Asset,
    Document,
    DocumentRevision,
    Holder,
    TicketAsset,
    Vendor,
)

PAGE_SIZE = 100
MAX_UPLOAD = 5 * 1024 * 1024


def _own_org(request: HttpRequest) -> Organization:
    user = user_of(request)
    if user.organization is None:
        raise Http404
    return user.organization


def _one[M: Asset | Vendor | Document](
    qs: QuerySet[M], user: User, org: Organization, pk: int
) -> M:
    obj = qs.visible_to(user).filter(organization=org, pk=pk).first()  # type: ignore[attr-defined]
    if obj is None:
        raise Http404
    return obj  # type: ignore[no-any-return]


# --- Shared by desk and portal --------------------------------------------------------------


def _assets_page(request: HttpRequest, org: Organization, portal: bool) -> HttpResponse:
    user = user_of(request)
    form = AssetFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = Asset.objects.visible_to(user).for_org(org).order_by("name", "id")
    if data.get("kind"):
        qs = qs.filter(kind=data["kind"])
    if data.get("q"):
        q = data["q"]
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(user_name__icontains=q)
            | Q(serial__icontains=q)
            | Q(location__icontains=q)
        )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "vault/docs/assets.html",
        {
            "org": org,
            "portal": portal,
            "form": form,
            "page": page,
            "query": params.urlencode(),
            "total": Asset.objects.for_org(org).count(),
            "can_write": not portal,
            "tab": "assets",
        },
    )


def _asset_page(request: HttpRequest, org: Organization, pk: int, portal: bool) -> HttpResponse:
    user = user_of(request)
    asset = _one(Asset.objects.all(), user, org, pk)
    links = (
        TicketAsset.objects.filter(asset=asset)
        .select_related("ticket")
        .order_by("-ticket__created_at", "-ticket_id")[:100]
    )
    return render(
        request,
        "vault/docs/asset.html",
        {
            "org": org,
            "portal": portal,
            "asset": asset,
            "custom": sorted((asset.custom or {}).items()),
            # Names only: a credential's secret is never on this page.
            "credentials": list(asset.credentials.order_by("name").values_list("name", flat=True))
            if user.is_provider or user.role == Role.CLIENT_ADMIN
            else [],
            "tickets": [link.ticket for link in links],
            "can_write": not portal,
            "tab": "assets",
        },
    )


def _vendors_page(request: HttpRequest, org: Organization, portal: bool) -> HttpResponse:
    user = user_of(request)
    form = VendorFilterForm(request.GET or None)
    holder = form.cleaned_data.get("holder") if form.is_valid() else ""
    qs = Vendor.objects.visible_to(user).for_org(org).order_by("name", "id")
    if holder:
        qs = qs.filter(account_holder=holder)
    today = actions.local_today(org)
    groups = []
    vendors = list(qs[:1000])
    # The accounts the provider holds come first: the ones a client must ask for back.
    for value, label in sorted(Holder.choices, key=lambda c: c[0] != Holder.PROVIDER):
        rows = [
            {
                "vendor": v,
                "renews_soon": actions.is_soon(v.renews, today),
                "expires_soon": actions.is_soon(v.expires, today),
            }
            for v in vendors
            if v.account_holder == value
        ]
        if rows:
            groups.append({"holder": value, "label": label, "rows": rows})
    return render(
        request,
        "vault/docs/vendors.html",
        {
            "org": org,
            "portal": portal,
            "form": form,
            "groups": groups,
            "held": len([v for v in vendors if v.account_holder == Holder.PROVIDER]),
            "can_write": not portal,
            "tab": "vendors",
        },
    )


def _documents_page(request: HttpRequest, org: Organization, portal: bool) -> HttpResponse:
    user = user_of(request)
    docs = (
        Document.objects.visible_to(user)
        .for_org(org)
        .select_related("updated_by")
        .annotate(revision_count=Count("revisions"))
        .order_by("title", "id")
    )
    return render(
        request,
        "vault/docs/documents.html",
        {
            "org": org,
            "portal": portal,
            "documents": docs[:500],
            "can_write": _can_write_documents(user, portal),
            "tab": "documents",
        },
    )


def _can_write_documents(user: User, portal: bool) -> bool:
    return user.role == Role.CLIENT_ADMIN if portal else user.is_provider


def _document_page(request: HttpRequest, org: Organization, pk: int, portal: bool) -> HttpResponse:
    user = user_of(request)
    doc = _one(Document.objects.select_related("updated_by"), user, org, pk)
    return render(
        request,
        "vault/docs/document.html",
        {
            "org": org,
            "portal": portal,
            "doc": doc,
            "html": markdown.render(doc.body),
            "revisions": doc.revisions.count(),
            "can_write": _can_write_documents(user, portal),
            "tab": "documents",
        },
    )


def _document_form(
    request: HttpRequest, org: Organization, pk: int | None, portal: bool
) -> HttpResponse:
    user = user_of(request)
    if not _can_write_documents(user, portal):
        raise Http404
    doc = _one(Document.objects.all(), user, org, pk) if pk else Document(organization=org)
    initial = {"title": doc.title, "body": doc.body}
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_document(doc, form.cleaned_data["title"], form.cleaned_data["body"], user)
        except DomainError as exc:
            form.refused(exc)
        else:
            messages.success(request, _("Document saved."))
            return redirect(_doc_url(doc, portal))
    return render(
        request,
        "vault/docs/document_form.html",
        {
            "org": org,
            "portal": portal,
            "doc": doc if pk else None,
            "form": form,
            "tab": "documents",
        },
    )


def _doc_url(doc: Document, portal: bool) -> str:
    if portal:
        return reverse("vault_portal:document", args=[doc.pk])
    return reverse("vault:document", args=[doc.organization_id, doc.pk])


def _history_page(request: HttpRequest, org: Organization, pk: int, portal: bool) -> HttpResponse:
    user = user_of(request)
    doc = _one(Document.objects.select_related("updated_by"), user, org, pk)
    revisions = DocumentRevision.objects.filter(document=doc).select_related("author")
    return render(
        request,
        "vault/docs/document_history.html",
        {"org": org, "portal": portal, "doc": doc, "revisions": revisions, "tab": "documents"},
    )


def _revision_page(
    request: HttpRequest, org: Organization, pk: int, number: int, portal: bool
) -> HttpResponse:
    user = user_of(request)
    doc = _one(Document.objects.all(), user, org, pk)
    revision = (
        DocumentRevision.objects.filter(document=doc, number=number)
        .select_related("author")
        .first()
    )
    if revision is None:
        raise Http404
    return render(
        request,
        "vault/docs/document_revision.html",
        {
            "org": org,
            "portal": portal,
            "doc": doc,
            "revision": revision,
            "html": markdown.render(revision.body),
            "tab": "documents",
        },
    )


# --- Desk -----------------------------------------------------------------------------------


@staff_view
def assets(request: HttpRequest, org: int) -> HttpResponse:
    return _assets_page(request, _org(request, org), portal=False)


@staff_view
def asset(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _asset_page(request, _org(request, org), pk, portal=False)


def _asset_form(request: HttpRequest, org: Organization, pk: int | None) -> HttpResponse:
    user = user_of(request)
    obj = _one(Asset.objects.all(), user, org, pk) if pk else Asset(organization=org)
    form = AssetForm(request.POST or None, instance=obj if pk else None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_asset(obj, form.data_for_actions())
        except DomainError as exc:
            form.refused(exc)
        else:
            messages.success(request, _("Asset saved."))
            return redirect("vault:asset", org.pk, saved.pk)
    return render(
        request,
        "vault/docs/asset_form.html",
        {"org": org, "asset": obj if pk else None, "form": form, "tab": "assets"},
    )


@staff_view
def asset_new(request: HttpRequest, org: int) -> HttpResponse:
    return _asset_form(request, _org(request, org), None)


@staff_view
def asset_edit(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _asset_form(request, _org(request, org), pk)


@staff_view
def asset_import(request: HttpRequest, org: int) -> HttpResponse:
    organization = _org(request, org)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[actions.LineError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        text = None
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                form.add_error("file", _("The file is not UTF-8 text."))
        if text is not None:
            try:
                imported = actions.import_assets(organization, text)
            except actions.ImportRefused as exc:
                errors = exc.errors
            else:
                messages.success(request, _("%(n)s assets imported.") % {"n": f"{len(imported):,}"})
                return redirect("vault:assets", organization.pk)
    return render(
        request,
        "vault/docs/asset_import.html",
        {"org": organization, "form": form, "errors": errors, "tab": "assets"},
    )


@staff_view
def asset_export(request: HttpRequest, org: int) -> HttpResponse:
    organization = _org(request, org)
    text = csvio.write_assets(Asset.objects.for_org(organization).order_by("name", "id"))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="assets-{organization.code}.csv"'
    return response


@require_POST
@staff_view
def asset_delete(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    organization = _org(request, org)
    obj = _one(Asset.objects.all(), user_of(request), organization, pk)
    actions.delete_asset(obj)
    messages.success(request, _("Asset %(name)s deleted.") % {"name": obj.name})
    return redirect("vault:assets", organization.pk)


@require_POST
@staff_view
def vendor_delete(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    organization = _org(request, org)
    obj = _one(Vendor.objects.all(), user_of(request), organization, pk)
    actions.delete_vendor(obj)
    messages.success(request, _("Vendor %(name)s deleted.") % {"name": obj.name})
    return redirect("vault:vendors", organization.pk)


@require_POST
@staff_view
def document_delete(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    organization = _org(request, org)
    obj = _one(Document.objects.all(), user_of(request), organization, pk)
    actions.delete_document(obj)
    messages.success(request, _("Document %(name)s deleted.") % {"name": obj.title})
    return redirect("vault:documents", organization.pk)


@staff_view
def ticket_asset(request: HttpRequest, org: int, ticket: int) -> HttpResponse:
    """The asset a ticket is about: a fragment the desk's ticket page loads (GET), and the
    form that names or clears it (POST, back to the ticket)."""
    organization = _org(request, org)
    user = user_of(request)
    found = Ticket.objects.visible_to(user).filter(organization=organization, pk=ticket).first()
    if found is None:
        raise Http404
    if request.method == "POST":
        raw = request.POST.get("asset", "")
        if raw.isascii() and raw.isdigit() and len(raw) <= 18:
            chosen = _one(Asset.objects.all(), user, organization, int(raw))
            TicketAsset.objects.update_or_create(ticket=found, defaults={"asset": chosen})
        else:
            TicketAsset.objects.filter(ticket=found).delete()
        messages.success(request, _("Asset saved."))
        return redirect(found.get_absolute_url())
    link = TicketAsset.objects.filter(ticket=found).select_related("asset").first()
    return render(
        request,
        "vault/docs/ticket_asset.html",
        {
            "org": organization,
            "ticket": found,
            "current": link.asset if link else None,
            "assets": Asset.objects.for_org(organization)
            .order_by("name")
            .only("pk", "name")[:1000],
        },
    )


@staff_view
def vendors(request: HttpRequest, org: int) -> HttpResponse:
    return _vendors_page(request, _org(request, org), portal=False)


def _vendor_form(request: HttpRequest, org: Organization, pk: int | None) -> HttpResponse:
    user = user_of(request)
    obj = _one(Vendor.objects.all(), user, org, pk) if pk else Vendor(organization=org)
    form = VendorForm(request.POST or None, instance=obj if pk else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_vendor(obj, form.data_for_actions())
        except DomainError as exc:
            form.refused(exc)
        else:
            messages.success(request, _("Vendor saved."))
            return redirect("vault:vendors", org.pk)
    return render(
        request,
        "vault/docs/vendor_form.html",
        {"org": org, "vendor": obj if pk else None, "form": form, "tab": "vendors"},
    )


@staff_view
def vendor_new(request: HttpRequest, org: int) -> HttpResponse:
    return _vendor_form(request, _org(request, org), None)


@staff_view
def vendor_edit(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _vendor_form(request, _org(request, org), pk)


@staff_view
def documents(request: HttpRequest, org: int) -> HttpResponse:
    return _documents_page(request, _org(request, org), portal=False)


@staff_view
def document(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _document_page(request, _org(request, org), pk, portal=False)


@staff_view
def document_new(request: HttpRequest, org: int) -> HttpResponse:
    return _document_form(request, _org(request, org), None, portal=False)


@staff_view
def document_edit(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _document_form(request, _org(request, org), pk, portal=False)


@staff_view
def document_history(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _history_page(request, _org(request, org), pk, portal=False)


@staff_view
def document_revision(request: HttpRequest, org: int, pk: int, revision: int) -> HttpResponse:
    return _revision_page(request, _org(request, org), pk, revision, portal=False)


# --- Portal ---------------------------------------------------------------------------------


@client_view
def portal_assets(request: HttpRequest) -> HttpResponse:
    return _assets_page(request, _own_org(request), portal=True)


@client_view
def portal_asset(request: HttpRequest, pk: int) -> HttpResponse:
    return _asset_page(request, _own_org(request), pk, portal=True)


@client_view
def portal_vendors(request: HttpRequest) -> HttpResponse:
    return _vendors_page(request, _own_org(request), portal=True)


@client_view
def portal_documents(request: HttpRequest) -> HttpResponse:
    return _documents_page(request, _own_org(request), portal=True)


@client_view
def portal_document(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_page(request, _own_org(request), pk, portal=True)


@client_view
def portal_document_new(request: HttpRequest) -> HttpResponse:
    return _document_form(request, _own_org(request), None, portal=True)


@client_view
def portal_document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_form(request, _own_org(request), pk, portal=True)


@client_view
def portal_document_history(request: HttpRequest, pk: int) -> HttpResponse:
    return _history_page(request, _own_org(request), pk, portal=True)


@client_view
def portal_document_revision(request: HttpRequest, pk: int, revision: int) -> HttpResponse:
    return _revision_page(request, _own_org(request), pk, revision, portal=True)
