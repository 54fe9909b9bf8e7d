"""The vault's credential pages, on the desk (/desk/vault/<org>/...) and in the client's portal
(/portal/vault/...): the list with its at-risk badges, the forms, the reveal (a reason, then the
secret for 30 seconds), who may reveal, and the audit log with its verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from steward.accounts.access import client_view, desk_org, staff_view, user_of
from steward.accounts.models import Organization, Role
from steward.lib.errors import DomainError
from steward.vault import access, audit
from steward.vault import actions_secrets as actions
from steward.vault.forms_secrets import AccessForm, CredentialForm, RevealForm
from steward.vault.models import AuditCheckpoint, AuditEntry, Credential

PAGE_SIZE = 100


@dataclass(frozen=True)
class Place:
    """Where a page is: the desk (for an organization) or the portal (the client's own)."""

    org: Organization
    portal: bool

    @property
    def ns(self) -> str:
        return "vault_portal" if self.portal else "vault"

    def url(self, name: str, pk: int | None = None) -> str:
        kwargs: dict[str, int] = {} if self.portal else {"org": self.org.pk}
        if pk is not None:
            kwargs["pk"] = pk
        return reverse(f"{self.ns}:{name}", kwargs=kwargs)


def _desk(request: HttpRequest, org: int) -> Place:
    return Place(desk_org(request, org), portal=False)


def _portal(request: HttpRequest) -> Place:
    user = user_of(request)
    # Client users read no credentials and no audit log: the pages do not exist for them.
    if user.role != Role.CLIENT_ADMIN or user.organization is None:
        raise Http404
    return Place(user.organization, portal=True)


def _credential(place: Place, pk: int) -> Credential:
    found = (
        Credential.objects.for_org(place.org)
        .select_related("organization", "asset", "vendor", "last_revealed_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _context(request: HttpRequest, place: Place, tab: str, **extra: Any) -> dict[str, Any]:
    user = user_of(request)
    return {
        "place": place,
        "org": place.org,
        "tab": tab,
        "links": {
            name: place.url(name) for name in ("credentials", "credential_new", "access", "audit")
        }
        | ({"at_risk": place.url("at_risk")} if place.portal else {}),
        "base": "base.html",
        "may_reveal": access.may_reveal(user, place.org),
        "may_write": user.role != Role.CLIENT_USER,
        **extra,
    }


def _rows(place: Place, credentials: list[Credential]) -> list[dict[str, Any]]:
    return [
        {
            "c": c,
            "edit": place.url("credential_edit", c.pk),
            "reveal": place.url("credential_reveal", c.pk),
            "delete": place.url("credential_delete", c.pk),
        }
        for c in credentials
    ]


def _list(request: HttpRequest, place: Place, risky: bool = False) -> HttpResponse:
    qs = Credential.objects.for_org(place.org) if not risky else actions.at_risk(place.org)
    qs = qs.select_related("asset", "vendor", "last_revealed_by").order_by("name", "id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "vault/secrets/credentials.html",
        _context(
            request,
            place,
            "at_risk" if risky else "credentials",
            page=page,
            rows=_rows(place, list(page.object_list)),
            risky=risky,
            at_risk_count=actions.at_risk(place.org).count(),
        ),
    )


@sensitive_variables("initial", "form")
def _form(request: HttpRequest, place: Place, credential: Credential | None) -> HttpResponse:
    user = user_of(request)
    initial: dict[str, Any] = {}
    if credential is not None:
        initial = {
            "name": credential.name,
            "username": credential.username,
            "url": credential.url,
            "notes": actions.notes_of(credential),
            "asset": credential.asset,
            "vendor": credential.vendor,
        }
    form = CredentialForm(
        request.POST or None, org=place.org, credential=credential, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            if credential is None:
                actions.create_credential(place.org, user, **form.values())
                messages.success(request, _("Credential added."))
            else:
                actions.update_credential(credential, user, **form.values())
                messages.success(request, _("Credential saved."))
            return redirect(place.url("credentials"))
        except DomainError as error:
            form.refused(error)
    return render(
        request,
        "vault/secrets/credential_form.html",
        _context(request, place, "credentials", form=form, credential=credential),
    )


def _delete(request: HttpRequest, place: Place, pk: int) -> HttpResponse:
    credential = _credential(place, pk)
    if request.method == "POST":
        actions.delete_credential(credential, user_of(request))
        messages.success(request, _("Credential %(name)s deleted.") % {"name": credential.name})
        return redirect(place.url("credentials"))
    return render(
        request,
        "vault/secrets/credential_delete.html",
        _context(request, place, "credentials", credential=credential),
    )


@sensitive_variables("context")
def _reveal(request: HttpRequest, place: Place, pk: int) -> HttpResponse:
    """GET: the reason asked; POST: the secret, shown for REVEAL_SECONDS. An htmx request gets
    the fragment alone (swapped into the list's row); a plain one, the whole page."""
    credential = _credential(place, pk)
    user = user_of(request)
    form = RevealForm(request.POST or None)
    context = _context(
        request,
        place,
        "credentials",
        credential=credential,
        form=form,
        action=place.url("credential_reveal", pk),
        seconds=getattr(settings, "VAULT_REVEAL_SECONDS", 30),
        refused="",
    )
    status = 200
    if not access.may_reveal(user, place.org):
        context["refused"] = _(
            "The client has not allowed you to reveal this organization's secrets."
        )
        status = 403
    elif request.method == "POST" and form.is_valid():
        try:
            context["shown"] = actions.reveal(
                credential, user, form.cleaned_data["reason"], seen=True
            )
        except DomainError as error:
            form.add_error("reason", str(error))
        except actions.AuditUnavailable as error:
            context["refused"] = str(error)
            status = 503
    fragment = request.headers.get("HX-Request") == "true"
    template = "vault/secrets/_reveal.html" if fragment else "vault/secrets/reveal.html"
    if fragment:
        status = 200  # htmx swaps in only a 2xx answer: the refusal shows where the form was.
    response = render(request, template, context, status=status)
    # A revealed secret is never cached, by the browser or anything between.
    response["Cache-Control"] = "no-store"
    return response


def _access(request: HttpRequest, place: Place) -> HttpResponse:
    user = user_of(request)
    editable = place.portal and access.may_change_access(user, place.org)
    initial = {"mode": access.mode_of(place.org), "people": access.people_of(place.org)}
    form = AccessForm(request.POST or None, org=place.org, initial=initial)
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid():
            people = [u.pk for u in form.cleaned_data["people"]]
            access.set_access(place.org, user, form.cleaned_data["mode"], people)
            messages.success(request, _("Saved. The change is in the audit log."))
            return redirect(place.url("access"))
    return render(
        request,
        "vault/secrets/access.html",
        _context(
            request,
            place,
            "access",
            form=form,
            editable=editable,
            mode=initial["mode"],
            people=initial["people"],
            staff=access.staff_seeing(place.org),
        ),
    )


def _audit(request: HttpRequest, place: Place) -> HttpResponse:
    qs = AuditEntry.objects.filter(organization=place.org).order_by("-seq")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "vault/secrets/audit.html",
        _context(
            request,
            place,
            "audit",
            page=page,
            verdict=audit.verify(place.org),
            signed=AuditCheckpoint.objects.filter(organization=place.org).order_by("-seq").first(),
        ),
    )


# Desk


@staff_view
def desk_credentials(request: HttpRequest, org: int) -> HttpResponse:
    return _list(request, _desk(request, org))


@staff_view
@sensitive_post_parameters("secret", "totp_secret", "notes")
def desk_credential_new(request: HttpRequest, org: int) -> HttpResponse:
    return _form(request, _desk(request, org), None)


@staff_view
@sensitive_post_parameters("secret", "totp_secret", "notes")
def desk_credential_edit(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    place = _desk(request, org)
    return _form(request, place, _credential(place, pk))


@staff_view
def desk_credential_delete(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _delete(request, _desk(request, org), pk)


@staff_view
def desk_credential_reveal(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    return _reveal(request, _desk(request, org), pk)


@staff_view
def desk_access(request: HttpRequest, org: int) -> HttpResponse:
    return _access(request, _desk(request, org))


@staff_view
def desk_audit(request: HttpRequest, org: int) -> HttpResponse:
    return _audit(request, _desk(request, org))


# Portal: the client's admins


@client_view
def portal_credentials(request: HttpRequest) -> HttpResponse:
    return _list(request, _portal(request))


@client_view
def portal_at_risk(request: HttpRequest) -> HttpResponse:
    return _list(request, _portal(request), risky=True)


@client_view
@sensitive_post_parameters("secret", "totp_secret", "notes")
def portal_credential_new(request: HttpRequest) -> HttpResponse:
    return _form(request, _portal(request), None)


@client_view
@sensitive_post_parameters("secret", "totp_secret", "notes")
def portal_credential_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = _portal(request)
    return _form(request, place, _credential(place, pk))


@client_view
def portal_credential_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete(request, _portal(request), pk)


@client_view
def portal_credential_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    return _reveal(request, _portal(request), pk)


@client_view
def portal_access(request: HttpRequest) -> HttpResponse:
    return _access(request, _portal(request))


@client_view
def portal_audit(request: HttpRequest) -> HttpResponse:
    return _audit(request, _portal(request))
