"""Settings pages of the desk: business calendars, SLA policies, queues and their routing.

Provider staff read them all; admins and managers change them (a technician's write is a 403).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import View, staff_view, user_of
from steward.accounts.models import Organization
from steward.contracts.actions import save_policy
from steward.desk.models import ACTIVE_STATUSES, Queue, RoutingRule, Ticket
from steward.desk.routing import make_default
from steward.desk.settings_forms import (
    CLOCK_NAMES,
    CalendarForm,
    PolicyForm,
    QueueForm,
    RuleForm,
)
from steward.lib.formats import format_duration
from steward.sla.models import CLOCKS, PRIORITIES, BusinessCalendar, SlaPolicy

PREVIEW_DAYS = 365
COLOURS = {"P1": "red", "P2": "orange", "P3": "yellow", "P4": "blue"}


def _guard(view: View, *, reads: bool) -> View:
    @staff_view
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if (request.method == "POST" or not reads) and not user_of(request).can_manage_settings:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def settings_view(view: View) -> View:
    """Staff read the page; only admins and managers post to it."""
    return _guard(view, reads=True)


def settings_write(view: View) -> View:
    """Admins and managers only (a form for a new row, a removal)."""
    return _guard(view, reads=False)


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    context["can_edit"] = user_of(request).can_manage_settings
    return render(request, template, context, status=400 if form.errors else 200)


# Calendars


@settings_view
def calendars(request: HttpRequest) -> HttpResponse:
    rows = list(BusinessCalendar.objects.annotate(n_policies=Count("policies")))
    # Organization.calendar has no reverse name (accounts sits above sla): counted apart.
    used = dict(
        Organization.objects.filter(calendar__isnull=False)
        .values("calendar")
        .annotate(n=Count("id"))
        .values_list("calendar", "n")
    )
    return render(
        request,
        "policies/calendars.html",
        {
            "calendars": [(cal, used.get(cal.pk, 0), hours(cal)) for cal in rows],
            "can_edit": user_of(request).can_manage_settings,
        },
    )


@settings_write
def calendar_new(request: HttpRequest) -> HttpResponse:
    return _calendar_page(request, BusinessCalendar(weekly=_office_hours()))


@settings_view
def calendar(request: HttpRequest, pk: int) -> HttpResponse:
    return _calendar_page(request, get_object_or_404(BusinessCalendar, pk=pk))


def _office_hours() -> dict[str, list[list[str]]]:
    return {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def _calendar_page(request: HttpRequest, cal: BusinessCalendar) -> HttpResponse:
    is_new = cal.pk is None
    form = CalendarForm(request.POST or None, instance=cal)
    preview = None
    if request.method == "POST" and form.is_valid():
        fingerprint = form.fingerprint()
        if request.POST.get("previewed") == fingerprint and "again" not in request.POST:
            saved = form.save()
            messages.success(request, _("Calendar %(name)s saved.") % {"name": saved.name})
            return redirect("policies:calendar", saved.pk)
        # A preview first, and again whenever what is saved would differ from what was shown.
        preview = _preview(form.instance, fingerprint)
    context = {
        "form": form,
        "cal": None if is_new else cal,
        "preview": preview,
        "open_tickets": 0 if is_new else _open_tickets(cal),
    }
    return _render(request, "policies/calendar_form.html", context, form)


def _preview(cal: BusinessCalendar, fingerprint: str) -> dict[str, Any]:
    today = timezone.localdate()
    holidays = cal.upcoming_holidays(today, PREVIEW_DAYS, translation.get_language() or "")
    last = today + timedelta(days=PREVIEW_DAYS - 1)
    return {
        "fingerprint": fingerprint,
        "holidays": holidays,
        "first": today,
        "last": last,
        "closed": [date.fromisoformat(d) for d in cal.closed_dates],
        "extra": [date.fromisoformat(d) for d in cal.extra_working_dates],
        "hours": hours(cal),
    }


def hours(cal: BusinessCalendar) -> str:
    """The weekly hours in a line, the days named in the viewer's language."""
    return cal.describe_hours()


def _open_tickets(cal: BusinessCalendar) -> int:
    """Active tickets whose clocks count in this calendar (the policy's, else the client's)."""
    return (
        Ticket.objects.filter(status__in=ACTIVE_STATUSES, sla_policy__isnull=False)
        .filter(
            Q(sla_policy__calendar=cal)
            | Q(sla_policy__calendar__isnull=True, organization__calendar=cal)
        )
        .count()
    )


# SLA policies


@settings_view
def policies(request: HttpRequest) -> HttpResponse:
    rows = SlaPolicy.objects.select_related("calendar").annotate(
        n_agreements=Count("agreements", distinct=True)
    )
    tables = [
        (
            item,
            [
                (prio, COLOURS[prio], [_business(item.targets.get(prio), c) for c in CLOCKS])
                for prio in PRIORITIES
            ],
        )
        for item in rows
    ]
    return render(
        request,
        "policies/policies.html",
        {
            "policies": tables,
            "clocks": [(c, CLOCK_NAMES[c]) for c in CLOCKS],
            "can_edit": user_of(request).can_manage_settings,
        },
    )


def _business(clocks: dict[str, int] | None, clock: str) -> str:
    """A target as entered: hours and minutes of business time, never days."""
    minutes = (clocks or {}).get(clock)
    return format_duration(minutes, days=False) if minutes else ""


@settings_write
def policy_new(request: HttpRequest) -> HttpResponse:
    return _policy_page(request, SlaPolicy())


@settings_view
def policy(request: HttpRequest, pk: int) -> HttpResponse:
    return _policy_page(request, get_object_or_404(SlaPolicy, pk=pk))


def _policy_page(request: HttpRequest, item: SlaPolicy) -> HttpResponse:
    is_new = item.pk is None
    form = PolicyForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = save_policy(form.save(commit=False), user_of(request))
        messages.success(request, _("SLA policy %(name)s saved.") % {"name": saved.name})
        return redirect("policies:policy", saved.pk)
    context = {
        "form": form,
        "policy": None if is_new else item,
        "agreements": 0 if is_new else item.agreements.count(),
    }
    return _render(request, "policies/policy_form.html", context, form)


# Queues and routing


@settings_view
def queues(request: HttpRequest) -> HttpResponse:
    rows = Queue.objects.annotate(
        n_open=Count("tickets", filter=Q(tickets__status__in=ACTIVE_STATUSES))
    )
    rules = RoutingRule.objects.select_related("organization", "service", "queue")
    return render(
        request,
        "policies/queues.html",
        {"queues": rows, "rules": rules, "can_edit": user_of(request).can_manage_settings},
    )


@settings_write
def queue_new(request: HttpRequest) -> HttpResponse:
    return _queue_page(request, Queue())


@settings_view
def queue(request: HttpRequest, pk: int) -> HttpResponse:
    return _queue_page(request, get_object_or_404(Queue, pk=pk))


def _queue_page(request: HttpRequest, item: Queue) -> HttpResponse:
    is_new = item.pk is None
    form = QueueForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            if form.cleaned_data["is_default"]:
                make_default(saved)
        messages.success(request, _("Queue %(name)s saved.") % {"name": saved.name})
        return redirect("policies:queues")
    return _render(
        request, "policies/queue_form.html", {"form": form, "queue": None if is_new else item}, form
    )


@settings_write
def rule_new(request: HttpRequest) -> HttpResponse:
    last = RoutingRule.objects.order_by("-position").values_list("position", flat=True).first()
    return _rule_page(request, RoutingRule(position=(last or 0) + 10))


@settings_write
def rule(request: HttpRequest, pk: int) -> HttpResponse:
    return _rule_page(request, get_object_or_404(RoutingRule, pk=pk))


def _rule_page(request: HttpRequest, item: RoutingRule) -> HttpResponse:
    is_new = item.pk is None
    form = RuleForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Routing rule saved."))
        return redirect("policies:queues")
    return _render(
        request, "policies/rule_form.html", {"form": form, "rule": None if is_new else item}, form
    )


@settings_write
@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(RoutingRule, pk=pk).delete()
    messages.success(request, _("Routing rule removed."))
    return redirect("policies:queues")
