"""The post-incident review pages: the desk's review of a ticket (read and edit), the list of
reviews with the missing and the overdue, the portal's read-only review, and the cards on the
ticket pages and the dashboard."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.access import client_view, staff_view, user_of
from steward.accounts.models import ALL_SEEING_ROLES
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.reports import advice, reviews
from steward.reports.forms_reviews import ActionFormSet, ReviewForm
from steward.reports.models import Review

LIST_MAX = 100


def _ticket(request: HttpRequest, number: str) -> Ticket:
    found = (
        Ticket.objects.visible_to(user_of(request))
        .select_related("organization")
        .filter(number=number)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _review(ticket: Ticket) -> Review | None:
    return (
        Review.objects.filter(ticket=ticket)
        .select_related("author")
        .prefetch_related("actions__owner")
        .first()
    )


@staff_view
def reviews_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    today = timezone.localdate()
    found = (
        Review.objects.visible_to(user)
        .select_related("ticket__organization", "author")
        .prefetch_related("actions")[:LIST_MAX]
    )
    return render(
        request,
        "reports/reviews/list.html",
        {
            "reviews": found,
            "missing": reviews.missing(user)[:LIST_MAX],
            "overdue": reviews.overdue_actions(user, today)[:LIST_MAX],
            "required": reviews.required(),
            "today": today,
        },
    )


@staff_view
def review(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    current = _review(ticket)
    owners = [(u.pk, str(u)) for u in reviews.owners_for(ticket)]
    if request.method == "POST":
        form = ReviewForm(request.POST, instance=current)
        formset = ActionFormSet(request.POST, form_kwargs={"owners": owners})
        if form.is_valid() and formset.is_valid():
            actions = [a for a in (f.action() for f in formset) if a is not None]
            try:
                reviews.save_review(ticket, user_of(request), form.cleaned_data, actions)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The review is saved."))
                return redirect("reports:review", ticket.number)
    else:
        form = ReviewForm(instance=current)
        rows = list(current.actions.all()) if current else []
        initial = [
            {"title": a.title, "owner": a.owner_id, "due": a.due, "done": a.done} for a in rows
        ]
        formset = ActionFormSet(initial=initial, form_kwargs={"owners": owners})
    return render(
        request,
        "reports/reviews/review.html",
        {
            "ticket": ticket,
            "review": current,
            "form": form,
            "formset": formset,
            "required": reviews.needs_review(ticket),
            "today": timezone.localdate(),
        },
    )


@client_view
def portal_review(request: HttpRequest, number: str) -> HttpResponse:
    ticket = _ticket(request, number)
    found = _review(ticket)
    if found is None:
        raise Http404
    return render(
        request,
        "reports/reviews/portal_review.html",
        {"ticket": ticket, "review": found, "today": timezone.localdate()},
    )


def ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The desk ticket page's reports card: templates/reports/reviews/_ticket.html."""
    found = Review.objects.filter(ticket=ticket).first()
    return {
        "review": found,
        "review_required": found is None and reviews.needs_review(ticket),
        "declined_advice": advice.declined_before(ticket, user_of(request)),
    }


def portal_ticket_context(request: HttpRequest, ticket: Ticket) -> dict[str, Any]:
    """The portal ticket page: templates/reports/reviews/_portal_ticket.html."""
    return {"review": Review.objects.filter(ticket=ticket).first()}


DASHBOARD_MAX = 5


def dashboard_context(request: HttpRequest) -> dict[str, Any]:
    """What the desk dashboard shows of reviews (templates/reports/reviews/_dashboard.html):
    overdue actions and missing reviews, for managers and admins; nothing for technicians."""
    user = user_of(request)
    if user.role not in ALL_SEEING_ROLES:
        return {}
    overdue = list(reviews.overdue_actions(user)[: DASHBOARD_MAX + 1])
    missing = list(reviews.missing(user)[: DASHBOARD_MAX + 1])
    return {
        "review_overdue": overdue[:DASHBOARD_MAX],
        "review_overdue_more": len(overdue) > DASHBOARD_MAX,
        "review_missing": missing[:DASHBOARD_MAX],
        "review_missing_more": len(missing) > DASHBOARD_MAX,
        "reviews_card": bool(overdue or missing),
    }
