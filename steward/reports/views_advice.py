"""The advice log pages: the desk's log of one client with its form, a recommendation with its
decisions and the tickets that came after a decline; the portal's log and the client
administrator's decision. The provider's financial interest is shown wherever advice is."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from steward.accounts.access import client_view, desk_org, staff_view, user_of
from steward.accounts.models import Organization
from steward.lib.errors import DomainError
from steward.reports import advice as rules
from steward.reports.forms_advice import DecisionForm, RecommendationForm
from steward.reports.models import Recommendation
from steward.reports.pages import portal_org


def _found(request: HttpRequest, pk: int, org: Organization | None = None) -> Recommendation:
    qs = Recommendation.objects.visible_to(user_of(request)).select_related(
        "organization", "asset", "control", "problem", "created_by"
    )
    if org is not None:
        qs = qs.filter(organization=org)
    found = qs.prefetch_related("decisions__by").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _log_context(request: HttpRequest, org: Organization) -> dict[str, Any]:
    return {"org": org, "recommendations": rules.log(org, user_of(request)), "tab": "advice"}


@staff_view
def advice(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return render(request, "reports/advice/log.html", _log_context(request, found))


def _form_page(request: HttpRequest, org: Organization, rec: Recommendation) -> HttpResponse:
    form = RecommendationForm(request.POST or None, instance=rec, org=org)
    if request.method == "POST" and form.is_valid():
        try:
            saved = rules.save(rec, form.data_for_save(), user_of(request))
        except DomainError as exc:
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, str(exc).removeprefix(f"{exc.field}: "))
        else:
            messages.success(request, _("The recommendation is saved."))
            return redirect("reports:recommendation", saved.pk)
    return render(
        request, "reports/advice/form.html", {"org": org, "form": form, "recommendation": rec}
    )


@staff_view
def recommendation_new(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return _form_page(request, found, Recommendation(organization=found))


@staff_view
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _found(request, pk)
    return _form_page(request, rec.organization, rec)


@staff_view
def recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _found(request, pk)
    return render(
        request,
        "reports/advice/recommendation.html",
        {
            "org": rec.organization,
            "r": rec,
            "later": rules.later_tickets(rec, user_of(request)),
            "declined_at": rules.declined_at(rec),
            "control_label": rules.control_label(rec.control) if rec.control else "",
        },
    )


@client_view
def portal_advice(request: HttpRequest) -> HttpResponse:
    org = portal_org(request)
    return render(request, "reports/advice/portal_log.html", _log_context(request, org))


@client_view
def portal_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    org = portal_org(request)
    rec = _found(request, pk, org)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rules.decide(
                rec, user_of(request), form.cleaned_data["decision"], form.cleaned_data["note"]
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("reports_portal:recommendation", rec.pk)
    return render(
        request,
        "reports/advice/portal_recommendation.html",
        {
            "org": org,
            "r": rec,
            "form": form,
            "later": rules.later_tickets(rec, user_of(request)),
            "declined_at": rules.declined_at(rec),
            "control_label": rules.control_label(rec.control) if rec.control else "",
        },
    )
