"""The agent desk: dashboard, queue, ticket page, replies and changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.models import Organization, User
from steward.desk import actions
from steward.desk.forms import (
    AgentTicketForm,
    BulkAssignForm,
    QueueFilterForm,
    ReplyForm,
    TickForm,
    UpdateForm,
)
from steward.desk.models import (
    ACTIVE_STATUSES,
    ChecklistItem,
    EventKind,
    Ticket,
    TicketEvent,
    due_soon_q,
    overdue_q,
)
from steward.desk.queries import TicketFilter, apply_filter, keyset_page, with_related
from steward.desk.views.access import attachment_download, staff_view, user_of, visible_ticket
from steward.lib.api import ApiError, decode_cursor, encode_cursor
from steward.lib.redirects import next_url

PAGE_SIZE = 50


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    now = timezone.now()
    tickets = Ticket.objects.visible_to(user).open()
    by_priority = dict(tickets.values_list("priority").annotate(n=Count("id")))
    soon = tickets.due_soon(now)
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    open_q = Q(tickets__status__in=ACTIVE_STATUSES)
    orgs = (
        Organization.objects.visible_to(user)
        .annotate(
            open=Count("tickets", filter=open_q),
            overdue=Count("tickets", filter=open_q & overdue_q(now, prefix="tickets__")),
            soon=Count("tickets", filter=open_q & due_soon_q(now, prefix="tickets__")),
        )
        .order_by("-overdue", "-open", "name")
    )
    return render(
        request,
        "desk/dashboard.html",
        {
            "by_priority": [(p, by_priority.get(p, 0)) for p in ("P1", "P2", "P3", "P4")],
            "open_count": sum(by_priority.values()),
            "overdue_count": tickets.overdue(now).count(),
            "soon_count": soon.count(),
            "soon": with_related(soon).order_by("sla_due")[:10],
            "breached_today": TicketEvent.objects.visible_to(user)
            .filter(kind=EventKind.SLA_BREACHED, at__gte=today)
            .count(),
            "orgs": orgs,
        },
    )


def _queue_filter(form: QueueFilterForm, user: User) -> TicketFilter:
    data = form.cleaned_data if form.is_valid() else {}
    assignee = data.get("assignee") or ""
    hours = data.get("breaching")
    return TicketFilter(
        organization=data["organization"].pk if data.get("organization") else None,
        status=data.get("status") or "open",
        priority=data.get("priority") or None,
        assignee={"": None, "me": user.pk, "none": 0}.get(assignee)
        if assignee in ("", "me", "none")
        else int(assignee),
        breaching_within=timedelta(hours=hours) if hours is not None else None,
        q=data.get("q") or "",
    )


@staff_view
def queue(request: HttpRequest) -> HttpResponse:
    template = "desk/_queue_table.html" if request.htmx else "desk/queue.html"  # type: ignore[attr-defined]
    return render(request, template, _queue_context(request))


def _queue_context(request: HttpRequest) -> dict[str, object]:
    user = user_of(request)
    form = QueueFilterForm(request.GET or None, user=user)
    qs = apply_filter(Ticket.objects.visible_to(user), _queue_filter(form, user))
    try:
        cursor = decode_cursor(request.GET["after"], 2) if request.GET.get("after") else None
    except ApiError:
        cursor = None
    try:
        rows, after = keyset_page(with_related(qs), "urgency", cursor, PAGE_SIZE)
    except ValueError:  # a mangled "after" link: start from the first page
        cursor = None
        rows, after = keyset_page(with_related(qs), "urgency", None, PAGE_SIZE)
    params = request.GET.copy()
    params.pop("after", None)
    first_query = params.urlencode()
    if after:
        params["after"] = encode_cursor(after)
    return {
        "form": form,
        "tickets": rows,
        "next_query": params.urlencode() if after else "",
        "first_page": cursor is None,
        "first_query": first_query,
        "staff": User.objects.staff().order_by("name"),
        "now": timezone.now(),
    }


@staff_view
@require_POST
def bulk_assign(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = BulkAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Assignee: choose a member of staff to assign to."))
        # The queue again, with the error; its form still goes back where it came from.
        context = {**_queue_context(request), "back": next_url(request, "desk:queue")}
        return render(request, "desk/queue.html", context, status=400)
    assignee = form.cleaned_data["assignee"]
    tickets = Ticket.objects.visible_to(user).filter(pk__in=form.cleaned_data["tickets"])
    count = 0
    for ticket in tickets:
        actions.assign(ticket, assignee, user)
        count += 1
    messages.success(request, _("%(n)s tickets assigned.") % {"n": count})
    return redirect(next_url(request, "desk:queue"))


@staff_view
def ticket(request: HttpRequest, number: str) -> HttpResponse:
    t = visible_ticket(request, number)
    return render(request, "desk/ticket.html", _ticket_context(t))


def _tick_form(item: ChecklistItem, data: Any = None, files: Any = None) -> TickForm:
    # One form per item on the page: their fields' ids kept apart, their names the same.
    initial = {"done": True, "evidence": item.evidence}
    return TickForm(data, files, auto_id=f"item{item.pk}-%s", initial=initial)


def _checklist(t: Ticket, bound: Any) -> list[tuple[ChecklistItem, TickForm]]:
    """Each item with its tick form (the one just sent, with its errors, if any)."""
    items = t.checklist.select_related("done_by", "attachment")
    return [(item, bound.get(item.pk) or _tick_form(item)) for item in items]


def _ticket_context(t: Ticket, **extra: object) -> dict[str, object]:
    context: dict[str, object] = {
        "ticket": t,
        # The email each message came from ("inbound", owned by the mail app) rides along
        # in the same query, without its raw bytes.
        "conversation": t.messages.select_related("author", "inbound")
        .defer("inbound__raw")
        .prefetch_related("attachments"),
        "original_mail": t.inbound.filter(state="new_ticket").values_list("pk", flat=True).first(),
        "events": t.events.select_related("actor").order_by("-at", "-id"),
        "explanation": actions.sla_explanation(t),
        "reply_form": ReplyForm(),
        "checklist": (checklist := _checklist(t, extra.pop("tick_forms", {}))),
        "done_count": sum(1 for item, _form in checklist if item.done),
        "update_form": UpdateForm(
            org=t.organization,
            initial={
                "status": t.status,
                "impact": t.impact,
                "urgency": t.urgency,
                "assignee": t.assignee_id,
                "queue": t.queue_id,
                "service": t.service_id,
                "stops_business": t.stops_business,
                "cc": list(t.cc.all()),
            },
        ),
        "now": timezone.now(),
    }
    context.update(extra)
    return context


@staff_view
@require_POST
def reply(request: HttpRequest, number: str) -> HttpResponse:
    t = visible_ticket(request, number)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.post_message(
                t,
                user_of(request),
                form.cleaned_data["body"],
                public=form.cleaned_data["public"],
                source="agent",
                files=[f for f in [form.cleaned_data.get("file")] if f],
            )
        except actions.TicketError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(
                request, _("Reply sent.") if form.cleaned_data["public"] else _("Note added.")
            )
            return redirect(t)
    return render(
        request,
        "desk/ticket.html",
        _ticket_context(t, reply_form=form),
        status=400,
    )


@staff_view
@require_POST
def update(request: HttpRequest, number: str) -> HttpResponse:
    user = user_of(request)
    t = visible_ticket(request, number)
    form = UpdateForm(request.POST, org=t.organization)
    if not form.is_valid():
        return render(
            request,
            "desk/ticket.html",
            _ticket_context(t, update_form=form),
            status=400,
        )
    data = form.cleaned_data
    try:
        actions.change_priority(t, data["impact"], data["urgency"], user)
        actions.assign(t, data["assignee"], user)
        actions.set_queue(t, data["queue"], user)
        actions.set_service(t, data["service"], user)
        actions.mark_stops_business(t, data["stops_business"], user)
        actions.set_cc(t, list(data["cc"]), user)
        actions.change_status(t, data["status"], user)
    except actions.TicketError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Ticket updated."))
    return redirect(t)


@staff_view
@require_POST
def tick(request: HttpRequest, number: str, item_id: int) -> HttpResponse:
    """Tick a checklist item with its evidence; a file goes on an internal note."""
    t = visible_ticket(request, number)
    item = t.checklist.filter(pk=item_id).first()
    if item is None:
        raise Http404
    form = _tick_form(item, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.tick(
                t, item, data["done"], data["evidence"], user_of(request), file=data.get("file")
            )
        except actions.TicketError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("Checklist updated."))
            return redirect(f"{t.get_absolute_url()}#item-{item.pk}")
    context = _ticket_context(t, tick_forms={item.pk: form})
    return render(request, "desk/ticket.html", context, status=400)


@staff_view
def new_ticket(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = AgentTicketForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        email = (data["requester_email"] or "").lower()
        requester = User.objects.filter(email=email, organization=data["organization"]).first()
        t = actions.open_ticket(
            actions.NewTicket(
                organization=data["organization"],
                title=data["title"],
                description=data["description"],
                impact=data["impact"],
                urgency=data["urgency"],
                kind=data["kind"],
                source=data["source"],
                requester=requester,
                requester_email=email,
                stops_business=data["stops_business"],
            ),
            actor=user,
        )
        messages.success(request, _("Ticket %(number)s opened.") % {"number": t.number})
        return redirect(t)
    return render(request, "desk/new_ticket.html", {"form": form})


@staff_view
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    return attachment_download(request, attachment_id)
