"""The client portal: a client's own tickets, a new request, replies."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.desk import actions
from steward.desk.forms import PortalReplyForm, PortalTicketForm
from steward.desk.models import ACTIVE_STATUSES, Ticket
from steward.desk.queries import with_related
from steward.desk.views.access import attachment_download, client_view, user_of, visible_ticket

PAGE_SIZE = 25


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return min(int(raw), 10_000) if raw.isascii() and raw.isdigit() and int(raw) > 0 else 1


@client_view
def home(request: HttpRequest) -> HttpResponse:
    """The requests this person may read (their own and those they are copied on, or all of
    their organization's), open ones first, a page at a time, searchable by number or title."""
    user = user_of(request)
    q = request.GET.get("q", "").strip()[:200]
    page = _page_number(request)
    tickets = Ticket.objects.visible_to(user)
    if q:
        tickets = tickets.filter(Q(number__iexact=q) | Q(title__icontains=q))
    start = (page - 1) * PAGE_SIZE
    rows = list(
        with_related(tickets)
        .annotate(
            done=Case(
                When(status__in=ACTIVE_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("done", "-created_at", "-id")[start : start + PAGE_SIZE + 1]
    )
    context = {
        "tickets": rows[:PAGE_SIZE],
        "q": q,
        "page": page,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if len(rows) > PAGE_SIZE else None,
        "now": timezone.now(),
    }
    return render(request, "portal/home.html", context)


def _preview(request: HttpRequest, impact: str, urgency: str) -> dict[str, object] | None:
    org = user_of(request).organization
    if (
        org is None
        or impact not in ("low", "medium", "high")
        or urgency not in ("low", "medium", "high")
    ):
        return None
    return actions.preview_targets(org, impact, urgency)


@client_view
def new_ticket(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = PortalTicketForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assert user.organization is not None
        # One transaction: a file the disk refuses must not leave a ticket without it.
        with transaction.atomic():
            t = actions.open_ticket(
                actions.NewTicket(
                    organization=user.organization,
                    title=data["title"],
                    description=data["description"],
                    impact=data["impact"],
                    urgency=data["urgency"],
                    source="portal",
                    requester=user,
                ),
                actor=user,
            )
            if data.get("file"):
                actions.post_message(
                    t, user, _("Attachment"), source="portal", files=[data["file"]]
                )
        messages.success(request, _("Your request %(number)s is with us.") % {"number": t.number})
        return redirect("portal:ticket", number=t.number)
    impact = form["impact"].value() or "low"
    urgency = form["urgency"].value() or "low"
    context = {"form": form, "preview": _preview(request, impact, urgency)}
    return render(request, "portal/new_ticket.html", context)


@client_view
def preview(request: HttpRequest) -> HttpResponse:
    """The targets the agreement promises for the answers given so far (htmx fragment)."""
    data = _preview(request, request.GET.get("impact", ""), request.GET.get("urgency", ""))
    return render(request, "portal/_preview.html", {"preview": data})


def _ticket_context(t: Ticket, form: PortalReplyForm | None = None) -> dict[str, object]:
    # The checklist and its evidence; a file only when it is on a public message.
    items = t.checklist.select_related("done_by", "attachment").annotate(
        attachment_public=F("attachment__message__public")
    )
    checklist = [(item, None) for item in items]
    return {
        "ticket": t,
        "checklist": checklist,
        "done_count": sum(1 for item, _form in checklist if item.done),
        "conversation": t.messages.public()
        .select_related("author")
        .prefetch_related("attachments"),
        "explanation": actions.sla_explanation(t),
        "form": form or PortalReplyForm(),
        "now": timezone.now(),
    }


@client_view
def ticket(request: HttpRequest, number: str) -> HttpResponse:
    return render(request, "portal/ticket.html", _ticket_context(visible_ticket(request, number)))


@client_view
@require_POST
def reply(request: HttpRequest, number: str) -> HttpResponse:
    t = visible_ticket(request, number)
    form = PortalReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.post_message(
                t,
                user_of(request),
                form.cleaned_data["body"],
                source="portal",
                files=[f for f in [form.cleaned_data.get("file")] if f],
            )
        except actions.TicketError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your reply was sent."))
            return redirect("portal:ticket", number=t.number)
    return render(request, "portal/ticket.html", _ticket_context(t, form), status=400)


@client_view
@require_POST
def close(request: HttpRequest, number: str) -> HttpResponse:
    t = visible_ticket(request, number)
    actions.change_status(t, "closed", user_of(request))
    messages.success(request, _("Ticket %(number)s is closed. Thank you.") % {"number": t.number})
    return redirect("portal:ticket", number=t.number)


@client_view
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    return attachment_download(request, attachment_id)
