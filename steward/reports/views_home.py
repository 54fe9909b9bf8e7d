"""The reports pages' entry points: the desk's list of clients, each client's first tab, the
portal's start, and the cards other apps' pages load from reports (the ticket page's, the
dashboard's), so that their templates need not know this app."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from steward.accounts.access import client_view, desk_org, staff_view, user_of
from steward.accounts.models import Organization, Role
from steward.desk.models import Ticket
from steward.reports import views_csat, views_problems, views_reviews, views_scorecard


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    orgs = list(Organization.objects.visible_to(user_of(request)).order_by("name"))
    sla = views_scorecard.sla_this_period(orgs)
    return render(request, "reports/home.html", {"orgs": [(org, sla[org.pk]) for org in orgs]})


@staff_view
def org_home(request: HttpRequest, org: int) -> HttpResponse:
    found = desk_org(request, org)
    return redirect("reports:scorecard", found.pk)


@client_view
def portal_home(request: HttpRequest) -> HttpResponse:
    if user_of(request).role != Role.CLIENT_ADMIN:
        return redirect("portal:home")
    return redirect("reports_portal:scorecard")


@staff_view
def ticket_panel(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = Ticket.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if ticket is None:
        raise Http404
    context = {"ticket": ticket}
    context.update(views_problems.ticket_context(request, ticket))
    context.update(views_csat.ticket_context(request, ticket))
    context.update(views_reviews.ticket_context(request, ticket))
    return render(request, "reports/ticket_panel.html", context)


@client_view
def portal_ticket_panel(request: HttpRequest, number: str) -> HttpResponse:
    ticket = Ticket.objects.visible_to(user_of(request)).filter(number=number).first()
    if ticket is None:
        raise Http404
    context = {"ticket": ticket}
    context.update(views_csat.portal_ticket_context(request, ticket))
    context.update(views_reviews.portal_ticket_context(request, ticket))
    return render(request, "reports/portal_ticket_panel.html", context)


@staff_view
def dashboard_panel(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/dashboard_panel.html", views_reviews.dashboard_context(request))
