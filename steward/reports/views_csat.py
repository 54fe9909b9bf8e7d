"""The satisfaction pages: the mailed link (no sign-in), the portal's survey, the desk's list
of answers, and the survey's part of the desk's and the portal's ticket pages."""

from __future__ import annotations

import re
import zoneinfo
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib import messages
from django.db.models import Avg, Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.access import client_view, staff_view, user_of
from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.reports import surveys
from steward.reports.forms_csat import SurveyForm
from steward.reports.models import Survey

# The desk's list looks this far back, by default.
DAYS = (30, 90, 365)
DEFAULT_DAYS = 90
# An id in a query string: digits a database takes (str.isdigit also takes "²").
_ID = re.compile(r"[0-9]{1,12}")
# Answers listed on the desk's page: the summary counts them all.
LIST_LIMIT = 100


def _form(request: HttpRequest) -> SurveyForm:
    """The survey's form; a GET may preselect the rating (the mail's one-click links) but
    never records it: mail scanners open every link of a message."""
    if request.method == "POST":
        return SurveyForm(request.POST)
    chosen = request.GET.get("rating", "")
    initial = {"rating": int(chosen)} if chosen in {str(n) for n in surveys.RATINGS} else {}
    return SurveyForm(initial=initial)


# --- The mailed link ------------------------------------------------------------------------


def _reader(survey: Survey) -> tuple[str, str]:
    """(language, time zone) of the page: as the mail spoke, the person who asked or else
    their organization (nobody is signed in to say otherwise)."""
    if survey.requester is not None:
        return survey.requester.preferred_language(), survey.requester.preferred_timezone()
    return survey.organization.language, survey.organization.timezone


def public_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The survey behind the mailed link, answered without signing in, once."""
    try:
        survey = surveys.from_token(token)
    except surveys.LinkError as exc:
        status = 410 if exc.expired else 404
        return render(
            request, "reports/csat/link_invalid.html", {"expired": exc.expired}, status=status
        )
    language, tz = _reader(survey)
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(tz)):
        return _public_page(request, survey)


def _public_page(request: HttpRequest, survey: Survey) -> HttpResponse:
    context: dict[str, Any] = {"survey": survey, "ticket": survey.ticket}
    if survey.answered:
        status = 409 if request.method == "POST" else 200
        return render(request, "reports/csat/public.html", context, status=status)
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            surveys.answer(survey, form.cleaned_data["rating"], form.cleaned_data["comment"], None)
        except surveys.SurveyError:
            return render(request, "reports/csat/public.html", context, status=409)
        return redirect(request.path)
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/csat/public.html", {**context, "form": form}, status=status)


# --- The portal -----------------------------------------------------------------------------


def _portal_ticket(request: HttpRequest, number: str) -> Ticket:
    ticket = Ticket.objects.visible_to(user_of(request)).filter(number=number).first()
    if ticket is None:
        raise Http404
    return ticket


@client_view
def portal_survey(request: HttpRequest, number: str) -> HttpResponse:
    """The survey of a ticket in the portal: its form (GET), the answer (POST)."""
    ticket = _portal_ticket(request, number)
    context = portal_ticket_context(request, ticket)
    context["ticket"] = ticket
    if request.method != "POST":
        return render(request, "reports/csat/portal.html", context)
    form = _form(request)
    if not form.is_valid():
        return render(request, "reports/csat/portal.html", {**context, "form": form}, status=400)
    try:
        surveys.answer_ticket(
            ticket, form.cleaned_data["rating"], form.cleaned_data["comment"], user_of(request)
        )
    except surveys.SurveyError as exc:
        status = 403 if exc.forbidden else 409
        form.add_error(None, str(exc))
        return render(request, "reports/csat/portal.html", {**context, "form": form}, status=status)
    messages.success(request, _("Thank you for your answer."))
    return redirect("portal:ticket", number=ticket.number)


def portal_ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The portal ticket page: templates/reports/csat/_portal_ticket.html. Only the person
    who asked and the client's admins see the survey; it waits for the ticket's resolution."""
    user = user_of(request)
    if not surveys.may_answer(user, ticket):
        return {}
    survey = surveys.latest(ticket)
    if surveys.is_resolved(ticket):
        number = max(surveys.resolutions(ticket), 1)
        if survey is not None and survey.resolution < number:
            survey = None  # Resolved again since: the earlier answer is for the earlier fix.
        if survey is None or not survey.answered:
            return {"csat": {"survey": survey, "form": SurveyForm(), "open": True}}
    if survey is not None and survey.answered:
        return {"csat": {"survey": survey, "open": False}}
    return {"csat": {"survey": None, "open": False, "waiting": True}}


# --- The desk -------------------------------------------------------------------------------


def ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The desk ticket page's reports card: templates/reports/csat/_ticket.html."""
    asked = list(ticket.surveys.order_by("-resolution").select_related("answered_by"))
    return {"csat_surveys": asked, "csat_low": surveys.LOW_RATING} if asked else {}


def _round(value: Decimal | float | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


_TOTALS = {
    "sent": Count("pk"),
    "answered": Count("pk", filter=Q(answered_at__isnull=False)),
    "mean": Avg("rating", filter=Q(answered_at__isnull=False)),
    "low": Count("pk", filter=Q(rating__lte=surveys.LOW_RATING)),
}


def _rates(totals: dict[str, Any]) -> dict[str, Any]:
    """The response rate (answered / sent, percent) and the mean, rounded as the scorecard
    rounds them (half up, one decimal)."""
    sent, answered = totals["sent"], totals["answered"]
    rate = _round(Decimal(100 * answered) / sent) if sent else None
    return {**totals, "rate": rate, "mean": _round(totals["mean"])}


@staff_view
def surveys_page(request: HttpRequest) -> HttpResponse:
    """Recent answers (low scores only, or newest first), and the response rate per client."""
    user = user_of(request)
    orgs = Organization.objects.visible_to(user).order_by("name")
    days = int(request.GET["days"]) if request.GET.get("days") in {str(d) for d in DAYS} else 0
    days = days or DEFAULT_DAYS
    found = Survey.objects.visible_to(user).filter(
        resolved_at__gte=timezone.now() - timedelta(days=days)
    )
    org = None
    org_id = request.GET.get("org", "")
    if org_id:
        org = orgs.filter(pk=int(org_id)).first() if _ID.fullmatch(org_id) else None
        if org is None:
            raise Http404
        found = found.filter(organization=org)
    low_only = request.GET.get("low") == "1"
    answers = found.filter(answered_at__isnull=False)
    if low_only:
        answers = answers.filter(rating__lte=surveys.LOW_RATING)
    answers = answers.select_related("ticket", "organization", "answered_by").order_by(
        "-answered_at", "-pk"
    )
    names = dict(orgs.values_list("pk", "name"))
    rows = found.order_by().values("organization").annotate(**_TOTALS)
    per_org = sorted(
        ({**_rates(dict(row)), "name": names.get(row["organization"], "")} for row in rows),
        key=lambda row: row["name"],
    )
    return render(
        request,
        "reports/csat/surveys.html",
        {
            "orgs": orgs,
            "org": org,
            "days": days,
            "day_choices": DAYS,
            "low_only": low_only,
            "low": surveys.LOW_RATING,
            "total": _rates(found.aggregate(**_TOTALS)),
            "per_org": per_org,
            "answers": answers[:LIST_LIMIT],
        },
    )
