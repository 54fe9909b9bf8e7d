"""Desk pages of preventive-maintenance plans: the list with next occurrences and record,
one plan's history, and the form that creates or changes a plan."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.access import staff_view, user_of
from steward.monitoring import plans
from steward.monitoring.models import MaintenancePlan
from steward.monitoring.plan_forms import PlanForm


def _plan(request: HttpRequest, pk: int) -> MaintenancePlan:
    plan = (
        MaintenancePlan.objects.visible_to(user_of(request))
        .select_related("organization", "assignee", "queue", "linked_check")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


@staff_view
def plan_list(request: HttpRequest) -> HttpResponse:
    rows = list(
        MaintenancePlan.objects.visible_to(user_of(request))
        .select_related("organization", "assignee", "queue")
        .order_by("organization__name", "name", "id")
    )
    now = timezone.now()
    history = plans.outcomes(rows, now)
    listed = [
        (
            plan,
            plans.upcoming(plan, 3),
            plans.Record.of(result for _o, result in history[plan.pk]),
        )
        for plan in rows
    ]
    return render(request, "monitoring/plans.html", {"plans": listed, "now": now})


@staff_view
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    now = timezone.now()
    items = plans.outcomes([plan], now)[plan.pk]
    context = {
        "plan": plan,
        "upcoming": plans.upcoming(plan, 5),
        "history": items,
        "record": plans.Record.of(result for _o, result in items),
        "now": now,
    }
    return render(request, "monitoring/plan.html", context)


def _save(request: HttpRequest, form: PlanForm, plan: MaintenancePlan) -> HttpResponse | None:
    """Save a valid form's plan; None when the plan's rules refuse it (the form says why)."""
    if not form.is_valid():
        return None
    form.apply(plan)
    try:
        plans.save_plan(plan)
    except plans.PlanError as e:
        field = e.field if e.field in form.fields else None
        form.add_error(field, str(e).split(": ", 1)[-1] if field else str(e))
        return None
    messages.success(request, _("Plan saved."))
    return redirect("monitoring:plan", pk=plan.pk)


@staff_view
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST or None, user=user_of(request))
    if request.method == "POST" and (done := _save(request, form, MaintenancePlan())):
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/plan_form.html", {"form": form}, status=status)


@staff_view
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = PlanForm(request.POST or None, user=user_of(request), plan=plan)
    if request.method == "POST" and (done := _save(request, form, plan)):
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/plan_form.html", {"form": form, "plan": plan}, status=status)
