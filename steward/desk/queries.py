"""Ticket lists shared by the agent queue and the API: filters and keyset pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from steward.desk.models import SLA_KINDS, ChecklistItem, Ticket, TicketEvent, TicketQuerySet

ORDERINGS = ("urgency", "created")


@dataclass(frozen=True)
class TicketFilter:
    organization: int | None = None
    status: str | None = None  # a status, "open" (all active) or "all"
    priority: str | None = None
    assignee: int | None = None  # 0 = unassigned
    breaching_within: timedelta | None = None
    q: str = ""


def apply_filter(
    qs: TicketQuerySet, f: TicketFilter, now: datetime | None = None
) -> TicketQuerySet:
    if f.organization is not None:
        qs = qs.filter(organization_id=f.organization)
    if f.status in (None, "", "open"):
        qs = qs.open()
    elif f.status != "all":
        qs = qs.filter(status=f.status)
    if f.priority:
        qs = qs.filter(priority=f.priority)
    if f.assignee == 0:
        qs = qs.filter(assignee__isnull=True)
    elif f.assignee is not None:
        qs = qs.filter(assignee_id=f.assignee)
    if f.breaching_within is not None:
        qs = qs.breaching_within(f.breaching_within, now)
    if f.q:
        term = f.q.strip()
        qs = qs.filter(Q(number__iexact=term) | Q(title__icontains=term))
    return qs


def order(qs: QuerySet[Ticket], ordering: str) -> QuerySet[Ticket]:
    if ordering == "created":
        return qs.order_by("-created_at", "-id")
    return qs.order_by(F("sla_due").asc(nulls_last=True), "id")


def cursor_of(ticket: Ticket, ordering: str) -> list[Any]:
    if ordering == "created":
        return [ticket.created_at.isoformat(), ticket.pk]
    return [ticket.sla_due.isoformat() if ticket.sla_due else None, ticket.pk]


def keyset_page(
    qs: QuerySet[Ticket], ordering: str, cursor: list[Any] | None, limit: int
) -> tuple[list[Ticket], list[Any] | None]:
    """One page after `cursor` and the cursor of the next page (None on the last one).

    The page's ids are found first with a bare query that an index answers in order; only
    then are those rows loaded with their related objects. Joins in the first query would let
    the planner pick a plan that sorts every matching ticket.
    """
    if cursor is not None and not valid_cursor(cursor, ordering):
        raise ValueError("not a cursor of this list")
    bare = qs.select_related(None).prefetch_related(None)
    if ordering == "created":
        if cursor is not None:
            created, pk = datetime.fromisoformat(cursor[0]), int(cursor[1])
            # The plain bound first gives the index a range to start from; the OR alone
            # would make SQLite walk the index from the top.
            bare = bare.filter(created_at__lte=created).filter(
                Q(created_at__lt=created) | Q(id__lt=pk)
            )
        ids = list(bare.order_by("-created_at", "-id").values_list("id", flat=True)[: limit + 1])
    else:
        ids = _urgency_ids(bare, cursor, limit + 1)
    more = len(ids) > limit
    ids = ids[:limit]
    by_id = {t.pk: t for t in qs.filter(pk__in=ids).order_by()}
    rows = [by_id[i] for i in ids if i in by_id]
    return rows, (cursor_of(rows[-1], ordering) if more and rows else None)


def valid_cursor(cursor: list[Any], ordering: str) -> bool:
    """A cursor comes back from the client: check its shape before it reaches a query."""
    if len(cursor) != 2 or not isinstance(cursor[1], int) or isinstance(cursor[1], bool):
        return False
    due = cursor[0]
    if ordering == "urgency" and due is None:
        return True
    try:
        return isinstance(due, str) and datetime.fromisoformat(due).tzinfo is not None
    except ValueError:
        return False


def _urgency_ids(qs: QuerySet[Ticket], cursor: list[Any] | None, n: int) -> list[int]:
    # Tickets with a due time first, by due time, then those without, by id. Asked as two
    # queries because "NULLS LAST" defeats SQLite's use of the (sla_due, id) index (it sorts
    # NULLs first), which would mean sorting every open ticket for each page.
    due, pk = (cursor[0], int(cursor[1])) if cursor else ("", 0)
    ids: list[int] = []
    if cursor is None or due is not None:
        dated = qs.filter(sla_due__isnull=False)
        if cursor is not None:
            due_at = datetime.fromisoformat(due)
            dated = dated.filter(sla_due__gte=due_at).filter(Q(sla_due__gt=due_at) | Q(id__gt=pk))
        ids = list(dated.order_by("sla_due", "id").values_list("id", flat=True)[:n])
        pk = 0
    if len(ids) < n:
        undated = qs.filter(sla_due__isnull=True, id__gt=pk).order_by("id")
        ids += list(undated.values_list("id", flat=True)[: n - len(ids)])
    return ids


def with_related(qs: QuerySet[Ticket], events: bool = False) -> QuerySet[Ticket]:
    # The organization comes in a second small query: as an INNER JOIN it would lead SQLite
    # to drive the plan from organizations and sort every matching ticket for each page.
    qs = qs.select_related(
        "assignee", "requester", "queue", "sla_policy", "sla_policy__calendar"
    ).prefetch_related("organization__calendar", "service")
    if events:
        # The plugin refuses a to_attr the model names; Ticket declares it for this very list.
        qs = qs.prefetch_related(  # type: ignore[no-redef]
            Prefetch(
                "events",
                queryset=TicketEvent.objects.filter(kind__in=SLA_KINDS)
                .order_by("at", "id")
                .only("ticket_id", "at", "kind", "data"),
                to_attr="sla_events",
            )
        )
    return qs


def with_checklist(qs: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """The tickets with their checklists (one query for the whole page), each item with who
    ticked it and whether its file is on a public message (a client sees no internal file)."""
    return qs.prefetch_related(
        Prefetch(
            "checklist",
            queryset=ChecklistItem.objects.select_related("done_by").annotate(
                attachment_public=F("attachment__message__public")
            ),
        )
    )


# What apps above the desk know of a ticket (monitoring: the check that opened it), added to a
# page of tickets by each app's hook with at most one query for the whole page: the desk names
# none of those apps. Hooks are added in the apps' ready().
TicketHook = Callable[[Sequence[Ticket]], None]
_ticket_hooks: list[TicketHook] = []


def add_ticket_hook(hook: TicketHook) -> None:
    if hook not in _ticket_hooks:
        _ticket_hooks.append(hook)


def complete[S: Sequence[Ticket]](rows: S) -> S:
    """The tickets with what the apps above the desk add to them."""
    for hook in _ticket_hooks:
        hook(rows)
    return rows
