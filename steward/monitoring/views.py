"""The monitoring pages: the desk's board, a check's page and forms, maintenance windows; and
the client's page in the portal."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import islice, takewhile
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import client_view, staff_view, user_of
from steward.accounts.models import Organization, Role, User
from steward.desk.models import Source, Ticket
from steward.desk.models import Status as TicketStatus
from steward.lib import formats
from steward.monitoring import actions, board, recurrence
from steward.monitoring.forms import BoardFilterForm, CheckForm, WindowForm
from steward.monitoring.models import (
    Alert,
    AlertRecipient,
    Check,
    Flip,
    MaintenanceWindow,
    Ping,
    Status,
)

PAGE_SIZE = 100
UPCOMING = timedelta(days=120)


def _check(request: HttpRequest, pk: int) -> Check:
    check = (
        Check.objects.visible_to(user_of(request))
        .select_related("organization", "open_ticket")
        .filter(pk=pk)
        .first()
    )
    if check is None:
        raise Http404
    return check


def _org_param(request: HttpRequest, user: User) -> Organization | None:
    raw = request.GET.get("organization", "")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        return None
    return Organization.objects.visible_to(user).filter(pk=int(raw)).first()


# Desk: the board


@staff_view
def board_page(request: HttpRequest) -> HttpResponse:
    user, now = user_of(request), timezone.now()
    visible = Check.objects.visible_to(user)
    form = BoardFilterForm(request.GET or None, user=user, tags=board.tags_of(visible))
    data = form.cleaned_data if form.is_valid() else {}
    qs = visible
    if data.get("organization"):
        qs = qs.filter(organization=data["organization"])
    if data.get("kind"):
        qs = qs.filter(kind=data["kind"])
    if data.get("tag"):
        qs = qs.tagged(data["tag"])
    tiles = board.tiles(qs, now)
    qs = board.filter_state(qs, data.get("status") or "", now)
    paginator = Paginator(board.with_state(qs, now).select_related("organization"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("status", None)
    return render(
        request,
        "monitoring/board.html",
        {
            "form": form,
            "tiles": tiles,
            "rows": board.rows(list(page.object_list), now),
            "page": page,
            "query": params.urlencode(),
            "organization": data.get("organization"),
            "status": data.get("status") or "",
            "now": now,
        },
    )


# Desk: a check


@staff_view
def check_page(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    now = timezone.now()
    return render(
        request,
        "monitoring/check.html",
        {
            "check": check,
            "row": board.rows([check], now)[0],
            "expectations": expectations(check),
            "pings": Ping.objects.filter(owner=check).order_by("-at", "-id")[:30],
            "flips": Flip.objects.filter(owner=check).order_by("-at", "-id")[:50],
            "alerts": Alert.objects.filter(owner=check)
            .select_related("ticket")
            .order_by("-opened_at", "-id")[:50],
            "now": now,
        },
    )


def expectations(check: Check) -> list[tuple[str, str]]:
    """What an active check expects, as labelled lines."""
    expect, lines = check.expect, []
    if "method" in expect:
        lines.append((_("Method"), str(expect["method"])))
    if expect.get("status"):
        lines.append((_("Expected status codes"), ", ".join(map(str, expect["status"]))))
    if expect.get("contains"):
        lines.append((_("The page must contain"), str(expect["contains"])))
    if expect.get("not_contains"):
        lines.append((_("The page must not contain"), str(expect["not_contains"])))
    if expect.get("max_ms"):
        lines.append((_("Slowest answer (ms)"), formats.format_number(expect["max_ms"])))
    if "follow_redirects" in expect:
        lines.append((_("Follow redirects"), _("yes") if expect["follow_redirects"] else _("no")))
    if "days_left" in expect:
        lines.append(
            (_("Warn when fewer days are left than"), formats.format_number(expect["days_left"]))
        )
    if expect.get("values"):
        lines.append((_("Expected addresses or names"), ", ".join(expect["values"])))
    return lines


def _save(request: HttpRequest, form: CheckForm, check: Check | None) -> Check | None:
    if not form.is_valid():
        return None
    org = check.organization if check else form.cleaned_data["organization"]
    try:
        return actions.save_check(org, form.to_input(), check)
    except actions.CheckError as exc:
        form.refused(exc)
        return None


@staff_view
def check_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    initial: dict[str, Any] = {}
    org = _org_param(request, user)
    if org is not None:
        initial["organization"] = org
        initial["tz"] = org.timezone
    if request.GET.get("kind"):
        initial["kind"] = request.GET["kind"]
    form = CheckForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST":
        saved = _save(request, form, None)
        if saved is not None:
            messages.success(request, _("Check created."))
            return redirect(saved.get_absolute_url())
    return render(request, "monitoring/check_form.html", {"form": form, "check": None})


@staff_view
def check_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    form = CheckForm(request.POST or None, user=user_of(request), check=check)
    if request.method == "POST":
        saved = _save(request, form, check)
        if saved is not None:
            messages.success(request, _("Check saved."))
            return redirect(saved.get_absolute_url())
    return render(request, "monitoring/check_form.html", {"form": form, "check": check})


@staff_view
def check_delete(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    if request.method == "POST":
        actions.delete_check(check)
        messages.success(request, _("Check %(name)s deleted.") % {"name": check.name})
        return redirect("monitoring:board")
    return render(
        request,
        "monitoring/check_delete.html",
        {"check": check, "pings": Ping.objects.filter(owner=check).count()},
    )


@require_POST
@staff_view
def check_pause(request: HttpRequest, pk: int) -> HttpResponse:
    check = actions.pause(_check(request, pk), user_of(request))
    if check.status == Status.PAUSED:
        messages.success(request, _("Paused: no alert until you resume it."))
    return redirect(check.get_absolute_url())


@require_POST
@staff_view
def check_resume(request: HttpRequest, pk: int) -> HttpResponse:
    check = actions.resume(_check(request, pk), user_of(request))
    if check.status != Status.PAUSED:
        messages.success(request, _("Resumed: watching again."))
    return redirect(check.get_absolute_url())


# Desk: maintenance windows


def next_times(window: MaintenanceWindow, now: datetime, count: int = 3) -> list[datetime]:
    """The starts of the window's next occurrences, the one open now included (its own start,
    if it is a one-off)."""
    if not window.rrule:
        return [window.starts] if window.ends > now else []
    tz = window.organization.timezone
    found = recurrence.next_occurrences(window.rrule, window.starts, tz, now - window.length)
    try:
        return list(islice(takewhile(lambda at: at <= now + UPCOMING, found), count))
    except recurrence.RecurrenceError:
        return []


def _windows(qs: Any, now: datetime) -> list[dict[str, Any]]:
    rows = []
    for w in qs:
        upcoming = next_times(w, now)
        rows.append(
            {
                "window": w,
                "upcoming": [(at, at + (w.ends - w.starts)) for at in upcoming],
                "tz": w.organization.timezone,
                "checks": list(w.checks.all()),
            }
        )
    return rows


@staff_view
def windows(request: HttpRequest) -> HttpResponse:
    user, now = user_of(request), timezone.now()
    org = _org_param(request, user)
    qs = (
        MaintenanceWindow.objects.visible_to(user)
        .select_related("organization")
        .prefetch_related("checks")
        .filter(Q(ends__gt=now - timedelta(days=30)) | ~Q(rrule=""))
        .order_by("organization__name", "starts", "id")
    )
    if org is not None:
        qs = qs.filter(organization=org)
    return render(
        request,
        "monitoring/windows.html",
        {
            "rows": _windows(qs[:200], now),
            "organization": org,
            "organizations": Organization.objects.visible_to(user),
            "now": now,
        },
    )


@staff_view
def window_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    org = _org_param(request, user)
    form = WindowForm(request.POST or None, user=user, initial={"organization": org})
    if request.method == "POST" and form.is_valid():
        try:
            window = actions.save_window(form.cleaned_data["organization"], form.to_input(), user)
        except actions.CheckError as exc:
            form.refused(exc)
        else:
            messages.success(request, _("Maintenance window saved."))
            return redirect(f"{_windows_url()}?organization={window.organization_id}")
    return render(request, "monitoring/window_form.html", {"form": form})


def _windows_url() -> str:
    from django.urls import reverse

    return reverse("monitoring:windows")


@require_POST
@staff_view
def window_delete(request: HttpRequest, pk: int) -> HttpResponse:
    window = MaintenanceWindow.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if window is None:
        raise Http404
    org_id = window.organization_id
    window.delete()
    messages.success(request, _("Maintenance window deleted."))
    return redirect(f"{_windows_url()}?organization={org_id}")


# Portal: the client's own checks, windows and maintenance done


@client_view
def portal_home(request: HttpRequest) -> HttpResponse:
    user, now = user_of(request), timezone.now()
    checks = list(
        board.with_state(Check.objects.visible_to(user), now).select_related("organization")
    )
    windows_qs = (
        MaintenanceWindow.objects.visible_to(user)
        .select_related("organization")
        .prefetch_related("checks")
        .filter(Q(ends__gt=now) | ~Q(rrule=""))
        .order_by("starts", "id")
    )
    done = (
        Ticket.objects.visible_to(user)
        .filter(source=Source.MAINTENANCE, status__in=(TicketStatus.RESOLVED, TicketStatus.CLOSED))
        .order_by("-resolved_at", "-id")[:20]
    )
    is_admin = user.role == Role.CLIENT_ADMIN
    return render(
        request,
        "monitoring/portal.html",
        {
            "rows": board.rows(checks, now),
            "tiles": board.tiles(Check.objects.visible_to(user), now),
            "windows": [r for r in _windows(windows_qs[:50], now) if r["upcoming"]],
            "done": done,
            "can_subscribe": is_admin,
            "subscribed": is_admin and AlertRecipient.objects.filter(user=user).exists(),
            "now": now,
        },
    )


@require_POST
@client_view
def portal_alerts(request: HttpRequest) -> HttpResponse:
    """A client admin asks to be told of outages by mail, or no longer."""
    user = user_of(request)
    if user.role != Role.CLIENT_ADMIN or user.organization_id is None:
        raise Http404
    mine = AlertRecipient.objects.filter(user=user, organization_id=user.organization_id)
    if request.POST.get("on") == "1":
        AlertRecipient.objects.get_or_create(user=user, organization_id=user.organization_id)
        messages.success(
            request, _("You will be told by mail when a check goes down and recovers.")
        )
    else:
        mine.delete()
        messages.success(request, _("You will no longer be told of outages by mail."))
    return redirect("monitoring_portal:home")
