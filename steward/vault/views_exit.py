"""The exit and posture pages: in the desk per organization (/desk/vault/<org>/exit/ and
/posture/), and in the portal for the client's admins (/portal/vault/exit/ and /posture/)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, staff_view, user_of
from steward.accounts.access import desk_org as _desk_org
from steward.accounts.models import Organization, Role, User
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.vault import exitpack, posture, readiness
from steward.vault.models import Asset, Credential, Document, PostureStatus, Vendor


class ExitPackForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password for the vault file"),
        min_length=exitpack.MIN_PASSWORD,
        max_length=1000,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy(
            "At least 12 characters. Steward does not keep it: write it down somewhere safe."
        ),
    )
    confirm = forms.CharField(
        label=gettext_lazy("The same password again"),
        max_length=1000,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("confirm"):
            self.add_error("confirm", _("The two passwords differ."))
        return data


class ControlForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", "—"), *((s.value, s.label) for s in posture.REVIEWED)],
    )
    owner = forms.CharField(label=gettext_lazy("Owner"), max_length=200, required=False)
    evidence = forms.CharField(
        label=gettext_lazy("Evidence"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_by = forms.DateField(
        label=gettext_lazy("Review by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    assets = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Assets"), coerce=int, required=False
    )

    def __init__(self, *args: Any, assets: list[tuple[int, str]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["assets"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = assets


def _asset_choices(org: Organization) -> list[tuple[int, str]]:
    return list(
        Asset.objects.filter(organization=org).order_by("name", "id").values_list("pk", "name")
    )


def _portal_org(request: HttpRequest) -> Organization:
    """The client admin's own organization; a client user has no such page."""
    user = user_of(request)
    if user.role != Role.CLIENT_ADMIN or user.organization is None:
        raise Http404
    return user.organization


# --- Exit ---------------------------------------------------------------------------------


def _exit(
    request: HttpRequest,
    org: Organization,
    portal: bool,
    form: ExitPackForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = user_of(request)
    return render(
        request,
        "vault/exit/exit.html",
        {
            "org": org,
            "portal": portal,
            "tab": "exit",
            "score": readiness.score(org),
            "handover": exitpack.handover(org),
            "counts": {
                "credentials": Credential.objects.filter(organization=org).count(),
                "assets": Asset.objects.filter(organization=org).count(),
                "vendors": Vendor.objects.filter(organization=org).count(),
                "documents": Document.objects.filter(organization=org).count(),
                "tickets": Ticket.objects.filter(organization=org).count(),
            },
            "may_take": exitpack.may_take(user, org),
            "form": form or ExitPackForm(),
        },
        status=status,
    )


def _take(request: HttpRequest, org: Organization, portal: bool) -> HttpResponseBase:
    user: User = user_of(request)
    if not exitpack.may_take(user, org):
        raise PermissionDenied
    form = ExitPackForm(request.POST)
    if not form.is_valid():
        return _exit(request, org, portal, form, status=422)
    try:
        pack = exitpack.start(org, user, form.cleaned_data["password"])
    except DomainError as error:
        form.add_error("password", str(error))
        return _exit(request, org, portal, form, status=422)
    response = StreamingHttpResponse(pack.chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_view
def exit_page(request: HttpRequest, org: int) -> HttpResponse:
    return _exit(request, _desk_org(request, org), portal=False)


@never_cache
@require_POST
@staff_view
def exit_pack(request: HttpRequest, org: int) -> HttpResponseBase:
    return _take(request, _desk_org(request, org), portal=False)


@client_view
def portal_exit(request: HttpRequest) -> HttpResponse:
    return _exit(request, _portal_org(request), portal=True)


@never_cache
@require_POST
@client_view
def portal_exit_pack(request: HttpRequest) -> HttpResponseBase:
    return _take(request, _portal_org(request), portal=True)


# --- Posture ------------------------------------------------------------------------------


def _posture(request: HttpRequest, org: Organization, portal: bool) -> HttpResponse:
    today = timezone.localdate()
    rows = posture.controls_of(org)
    prefetch_related_objects(rows, "assets")
    facts = posture.computed_evidence(org)
    choices = [] if portal else _asset_choices(org)
    controls = [
        {
            "row": row,
            "control": posture.BY_KEY[row.control],
            "fact": facts.get(row.control, ""),
            "overdue": posture.overdue(row, today),
            "form": None
            if portal
            else ControlForm(
                initial={
                    "status": row.status if row.status != PostureStatus.UNKNOWN else "",
                    "owner": row.owner,
                    "evidence": row.evidence,
                    "review_by": row.review_by,
                    "assets": [a.pk for a in row.assets.all()],
                },
                assets=choices,
                prefix=row.control.replace(".", "-"),
            ),
        }
        for row in rows
    ]
    tally = {s: sum(1 for r in rows if r.status == s) for s in PostureStatus.values}
    return render(
        request,
        "vault/exit/posture.html",
        {
            "org": org,
            "portal": portal,
            "tab": "posture",
            "controls": controls,
            "tally": tally,
            "overdue": sum(1 for c in controls if c["overdue"]),
            "mfa": posture.mfa_status(org),
            "has_assets": bool(choices),
        },
    )


@staff_view
def posture_page(request: HttpRequest, org: int) -> HttpResponse:
    return _posture(request, _desk_org(request, org), portal=False)


@require_POST
@staff_view
def posture_edit(request: HttpRequest, org: int, control: str) -> HttpResponse:
    found = _desk_org(request, org)
    if control not in posture.BY_KEY:
        raise Http404
    form = ControlForm(request.POST, assets=_asset_choices(found), prefix=control.replace(".", "-"))
    if not form.is_valid():
        errors = "; ".join(f"{form.fields[k].label}: {v[0]}" for k, v in form.errors.items())
        messages.error(request, errors)
        return redirect("vault:posture", org=found.pk)
    posture.update(found, control, user_of(request), form.cleaned_data)
    messages.success(request, _("Saved: %(control)s.") % {"control": posture.BY_KEY[control].title})
    return redirect(reverse("vault:posture", args=[found.pk]) + f"#{control}")


@client_view
def portal_posture(request: HttpRequest) -> HttpResponse:
    return _posture(request, _portal_org(request), portal=True)
