"""The problems pages: the recurring groups of one client's tickets with a button that opens
a Problem for them, the problems of every client the person sees, one problem with its edit
form, the client's read-only view, and the known-error card of the desk ticket page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, desk_org, staff_view, user_of
from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.reports import problems as actions
from steward.reports import recurring as detection
from steward.reports.forms_problems import OpenProblemForm, ProblemForm
from steward.reports.models import Problem, ProblemStatus
from steward.reports.pages import period_context, portal_org

# The longest list a page shows at once; filters narrow it.
LIST_LIMIT = 200


@staff_view
def recurring(request: HttpRequest, org: int) -> HttpResponse:
    """Tickets that keep coming back, each group with its tickets, the problems already
    opened for any of them, and a button that opens one."""
    found = desk_org(request, org)
    context = period_context(request, found)
    groups = detection.clusters(found, context["period"])
    ids = [pk for c in groups for pk in c.tickets]
    by_id = {t.pk: t for t in Ticket.objects.filter(pk__in=ids).only("pk", "number", "title")}
    linked: dict[int, set[Problem]] = {}
    links = Problem.tickets.through.objects.filter(ticket_id__in=ids).select_related("problem")
    for link in links:
        linked.setdefault(link.ticket_id, set()).add(link.problem)
    items = [
        {
            "cluster": c,
            "tickets": [by_id[pk] for pk in c.tickets if pk in by_id],
            "problems": sorted({p for pk in c.tickets for p in linked.get(pk, ())}, key=_pk),
        }
        for c in groups
    ]
    context.update({"org": found, "tab": "recurring", "items": items})
    return render(request, "reports/problems/recurring.html", context)


def _id(value: str) -> int | None:
    """A row id from a form or query string: ASCII digits that fit a database integer."""
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def _pk(problem: Problem) -> int:
    return problem.pk


@staff_view
@require_POST
def problem_new(request: HttpRequest, org: int) -> HttpResponse:
    """Open a problem for a recurring group: its label as the title, its tickets linked."""
    found = desk_org(request, org)
    user = user_of(request)
    form = OpenProblemForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["title"]))
        return redirect("reports:recurring", found.pk)
    ids = [pk for pk in map(_id, request.POST.getlist("ticket")) if pk is not None]
    changes = actions.Changes(title=form.cleaned_data["title"], tickets=ids)
    try:
        actions.require_writer(user)
        problem = actions.save_problem(Problem(organization=found), changes, user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("reports:recurring", found.pk)
    messages.success(request, _("Problem opened."))
    return redirect("reports:problem", problem.pk)


@staff_view
def problems(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    qs = Problem.objects.visible_to(user).select_related("organization", "owner")
    status = request.GET.get("status", "")
    org = _id(request.GET.get("organization", ""))
    if status in ProblemStatus.values:
        qs = qs.filter(status=status)
    if org is not None:
        qs = qs.filter(organization_id=org)
    rows = list(qs.order_by("-updated_at", "-id")[:LIST_LIMIT])
    orgs = Organization.objects.visible_to(user).order_by("name")
    context = {
        "problems": rows,
        "orgs": orgs,
        "statuses": ProblemStatus.choices,
        "status": status,
        "org_filter": org,
    }
    return render(request, "reports/problems/list.html", context)


@staff_view
def problem(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    found = Problem.objects.visible_to(user).select_related("organization").filter(pk=pk).first()
    if found is None:
        raise Http404
    if request.method == "POST":
        form = ProblemForm(request.POST, org=found.organization)
        if form.is_valid():
            try:
                actions.save_problem(found, form.changes(), user)
            except DomainError as error:
                form.add_error(error.field or None, str(error))
            else:
                messages.success(request, _("Problem saved."))
                return redirect("reports:problem", found.pk)
    else:
        form = ProblemForm(initial=ProblemForm.initial_of(found), org=found.organization)
    tickets = found.tickets.order_by("created_at").only("pk", "number", "title", "status")
    context = {"problem": found, "form": form, "tickets": tickets, "org": found.organization}
    return render(request, "reports/problems/problem.html", context)


@client_view
def portal_problems(request: HttpRequest) -> HttpResponse:
    org = portal_org(request, admins_only=False)
    qs = Problem.objects.visible_to(user_of(request)).filter(organization=org)
    rows = list(qs.select_related("owner").order_by("-updated_at", "-id")[:LIST_LIMIT])
    context = {"problems": rows, "org": org, "tab": "problems", "portal": True}
    return render(request, "reports/problems/portal_list.html", context)


@client_view
def portal_problem(request: HttpRequest, pk: int) -> HttpResponse:
    org = portal_org(request, admins_only=False)
    qs = Problem.objects.visible_to(user_of(request)).filter(organization=org)
    found = qs.select_related("owner").filter(pk=pk).first()
    if found is None:
        raise Http404
    tickets = found.tickets.order_by("created_at").only("pk", "number", "title", "status")
    context = {"problem": found, "tickets": tickets, "org": org, "portal": True}
    return render(request, "reports/problems/portal_problem.html", context)


def ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The desk ticket page's reports card: the known errors this ticket looks like (with
    their workarounds) and the problems it is linked to."""
    return {
        "known_errors": actions.known_errors_for(ticket),
        "ticket_problems": list(ticket.problems.order_by("-updated_at")),
    }
