"""The vault's overviews: every organization a person on the provider's side sees (what is
recorded, the accounts the provider holds, the credentials at risk, the exit readiness), and
the client's own in the portal. Each area's pages are in views_docs, views_secrets, views_exit."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, desk_org, staff_view, user_of
from steward.accounts.models import Organization, Role
from steward.vault import readiness
from steward.vault.actions_docs import provider_held
from steward.vault.actions_secrets import at_risk
from steward.vault.models import Asset, Credential, Document, Holder, Vendor


def _per_org(
    qs: QuerySet[Asset] | QuerySet[Vendor] | QuerySet[Credential] | QuerySet[Document],
) -> Mapping[int, int]:
    return dict(
        qs.values_list("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    )


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """Every organization this person sees, with what its vault holds."""
    user = user_of(request)
    orgs = list(Organization.objects.visible_to(user).order_by("name"))
    assets = _per_org(Asset.objects.visible_to(user))
    vendors = _per_org(Vendor.objects.visible_to(user))
    held = _per_org(Vendor.objects.visible_to(user).filter(account_holder=Holder.PROVIDER))
    documents = _per_org(Document.objects.visible_to(user))
    credentials = _per_org(Credential.objects.visible_to(user))
    risky = _per_org(Credential.objects.visible_to(user).at_risk())
    rows = [
        {
            "org": org,
            "assets": assets.get(org.pk, 0),
            "vendors": vendors.get(org.pk, 0),
            "held": held.get(org.pk, 0),
            "documents": documents.get(org.pk, 0),
            "credentials": credentials.get(org.pk, 0),
            "at_risk": risky.get(org.pk, 0),
        }
        for org in orgs
    ]
    return render(request, "vault/home.html", {"rows": rows})


def _overview(org: Organization, admin: bool) -> dict[str, object]:
    return {
        "org": org,
        "held": list(provider_held(org)),
        "at_risk": list(at_risk(org).select_related("last_revealed_by")) if admin else [],
        "score": readiness.score(org) if admin else None,
        "counts": {
            "assets": Asset.objects.for_org(org).count(),
            "vendors": Vendor.objects.for_org(org).count(),
            "documents": Document.objects.for_org(org).count(),
            "credentials": Credential.objects.for_org(org).count() if admin else None,
        },
    }


@staff_view
def org_home(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return render(request, "vault/org.html", {**_overview(found, admin=True), "tab": "overview"})


@client_view
def portal_home(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if user.organization is None:
        raise Http404
    admin = user.role == Role.CLIENT_ADMIN
    context = {**_overview(user.organization, admin), "tab": "overview", "portal": True}
    return render(request, "vault/org.html", context)
