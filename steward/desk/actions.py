"""The one place that changes tickets: open, reply, change status, assign, sweep the SLA."""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Field, ForeignKey, Model
from django.utils import timezone

from steward.accounts.models import Organization, User
from steward.contracts.actions import version_of
from steward.contracts.models import Agreement, Service
from steward.desk import events
from steward.desk.models import (
    ACTIVE_STATUSES,
    SLA_KINDS,
    Attachment,
    ChecklistItem,
    EventKind,
    Message,
    Queue,
    Source,
    Status,
    Ticket,
    TicketEvent,
)
from steward.desk.routing import route
from steward.desk.sla import (
    FACTS,
    Change,
    SlaEngine,
    SlaState,
    changes_from_events,
    explain,
    facts_of,
)
from steward.lib.errors import DomainError
from steward.lib.files import shorten_name
from steward.lib.memo import Memo
from steward.lib.text import one_line, title_error
from steward.lib.timestamps import iso
from steward.sla.models import BusinessCalendar, SlaPolicy, priority_for

if TYPE_CHECKING:
    from steward.sla.clock import CompiledCalendar

log = logging.getLogger(__name__)


class TicketError(DomainError):
    """A ticket change that the rules refuse."""


def calendar_of(policy: SlaPolicy | None, org: Organization) -> BusinessCalendar:
    """The policy's own calendar, else the organization's, else 24x7 in its time zone."""
    if policy is not None and policy.calendar is not None:
        return policy.calendar
    if org.calendar is not None:
        return org.calendar
    return BusinessCalendar.always_open(tz=org.timezone)


def calendar_for(ticket: Ticket) -> BusinessCalendar:
    return calendar_of(ticket.sla_policy, ticket.organization)


def agreement_in_force(org: Organization, at: datetime) -> Agreement | None:
    """The agreement that governs work opened at `at`, by the client's own calendar day."""
    day = timezone.localtime(at, _zone(org.timezone)).date()
    return _remembered(("agreement", org.pk, day), lambda: Agreement.in_force_for(org, day))


# Inside `opening_many()`: what every ticket of one organization looks up the same way.
_memo = Memo("desk_opening_many")
_remembered = _memo.get


def opening_many() -> AbstractContextManager[None]:
    """Open many tickets at once (monitoring's sweep after an outage of many checks): the
    agreement in force, its version and the queue are looked up once per organization and
    day, not once per ticket. Only around a block that changes none of them."""
    return _memo.scope()


def next_number(org: Organization) -> tuple[int, str]:
    """Take the organization's next ticket number; safe under concurrency on both databases."""
    # The UPDATE takes a row lock (PostgreSQL) or the write lock (SQLite, IMMEDIATE) that is
    # held until commit, so two openers can never read the same value. RETURNING (SQLite
    # 3.35+, PostgreSQL) reads it back in the same statement.
    table = connection.ops.quote_name(Organization._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET ticket_seq = ticket_seq + 1 WHERE id = %s RETURNING ticket_seq",
            [org.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise Organization.DoesNotExist(f"No organization {org.pk}.")
    seq = int(row[0])
    return seq, f"{org.code}-{seq}"


@contextmanager
def locked(ticket: Ticket) -> Iterator[Ticket]:
    """A transaction holding the ticket's row, with `ticket` re-read from it: every change
    decides on the ticket as it is now, not as the caller read it a moment ago."""
    # Two replies racing (a technician on the web, the client by mail) each read the ticket
    # first; deciding on those copies left a ticket `new` while its history said `open`,
    # and recorded two first responses. PostgreSQL: the row lock queues the second writer
    # behind the first (NO KEY: inserting its events and messages still goes ahead).
    # SQLite: IMMEDIATE transactions already queue at BEGIN; the re-read is what counts.
    # Holding: the change's events are handed to the apps that react (mail) when it is
    # whole, still inside its transaction.
    with transaction.atomic(), events.holding():
        fresh = Ticket.objects.select_for_update(no_key=True).get(pk=ticket.pk)
        for field in Ticket._meta.concrete_fields:
            value = getattr(fresh, field.attname)
            # A related row loaded with the ticket stays while it is still the one named
            # (refresh_from_db would drop every one, and the change would load them again).
            stale = getattr(ticket, field.attname) != value
            if isinstance(field, ForeignKey) and stale and field.is_cached(ticket):
                field.delete_cached_value(ticket)
            setattr(ticket, field.attname, value)
        # Events held since before the lock may miss some written since: read them again.
        for attr in ("sla_events", "sla_fresh"):
            ticket.__dict__.pop(attr, None)
        yield ticket


def _record(
    ticket: Ticket,
    kind: str,
    actor: User | None,
    at: datetime | None = None,
    *,
    once_key: str | None = None,
    **data: object,
) -> TicketEvent:
    event = events.record(ticket, kind, actor, at, once_key=once_key, **data)
    # Keep the events this instance already holds (prefetched, or recorded since it was
    # opened) in step, so the next SLA replay needs no query and never sees a stale list.
    held: list[TicketEvent] | None = getattr(ticket, "sla_events", None)
    if held is not None and kind in SLA_KINDS:
        held.append(event)
    return event


@dataclass(frozen=True)
class NewTicket:
    organization: Organization
    title: str
    description: str = ""
    impact: str = "medium"
    urgency: str = "medium"
    kind: str = "incident"
    source: str = Source.PORTAL
    requester: User | None = None
    requester_email: str = ""
    queue: Queue | None = None
    assignee: User | None = None
    service: Service | None = None
    stops_business: bool = False
    # Client contacts of the organization copied on it (they read it as the requester does).
    cc: Sequence[User] = ()
    # Steps to tick off, in order (a maintenance plan's checklist, say).
    checklist: Sequence[str] = ()


def open_ticket(new: NewTicket, actor: User | None, at: datetime | None = None) -> Ticket:
    """Open a ticket under the agreement in force today and start its SLA clocks."""
    at = at or timezone.now()
    org = new.organization
    agreement = agreement_in_force(org, at)
    policy = agreement.sla_policy if agreement else None
    priority = (
        policy.priority_for(new.impact, new.urgency)
        if policy
        else priority_for(new.impact, new.urgency)
    )
    requester_email = new.requester_email or (new.requester.email if new.requester else "")
    # The title is the subject of every mail about the ticket: whatever made it (a mail
    # subject, a check), a line break in it would make each of those mails fail.
    title = one_line(new.title)[:200] or "-"
    with transaction.atomic(), events.holding():
        seq, number = next_number(org)
        ticket = Ticket.objects.create(
            organization=org,
            seq=seq,
            number=number,
            title=title,
            description=new.description,
            impact=new.impact,
            urgency=new.urgency,
            priority=priority,
            kind=new.kind,
            source=new.source,
            requester=new.requester,
            requester_email=requester_email,
            queue=new.queue
            or _remembered(
                ("route", org.pk, new.source, new.service.pk if new.service else None),
                lambda: route(org, new.source, new.service),
            ),
            assignee=new.assignee,
            agreement=agreement,
            agreement_version=_remembered(("version", agreement.pk), lambda: version_of(agreement))
            if agreement
            else None,
            service=new.service,
            stops_business=new.stops_business,
            sla_policy=policy,
            created_at=at,
            updated_at=at,
        )
        # A new ticket's whole history is in this instance: no need to read it back.
        ticket.sla_events = []
        ticket.sla_fresh = True
        _record(
            ticket,
            EventKind.CREATED,
            actor,
            at,
            priority=priority,
            source=new.source,
            agreement=agreement.pk if agreement else None,
            policy=policy.pk if policy else None,
        )
        if new.assignee is not None:
            _record(
                ticket, EventKind.ASSIGNED, actor, at, to=new.assignee.pk, name=str(new.assignee)
            )
        if new.stops_business:
            _record(ticket, EventKind.STOPS_BUSINESS, actor, at, to=True)
        if new.cc:
            _copy(ticket, new.cc, actor, at)
        if new.checklist:
            ChecklistItem.objects.bulk_create(
                ChecklistItem(ticket=ticket, position=n, title=one_line(title)[:200] or "-")
                for n, title in enumerate(new.checklist)
            )
        recompute_sla(ticket, now=at)
    return ticket


def mark_stops_business(
    ticket: Ticket, stops: bool, actor: User | None, at: datetime | None = None
) -> Ticket:
    """Say whether the incident stopped the client's work: only these count as work lost."""
    if actor is not None and actor.is_client:
        raise TicketError(
            "Only provider staff mark a business stop.", "stops_business", forbidden=True
        )
    with locked(ticket):
        _set(ticket, "stops_business", stops, EventKind.STOPS_BUSINESS, actor, at, to=stops)
    return ticket


def _copy(ticket: Ticket, people: Sequence[User], actor: User | None, at: datetime) -> bool:
    for person in people:
        if not person.is_client or person.organization_id != ticket.organization_id:
            raise TicketError("Only the organization's own contacts can be copied.", "cc")
    before = set(ticket.cc.values_list("pk", flat=True))
    after = {p.pk for p in people}
    if before == after:
        return False
    ticket.cc.set(list(people))
    _record(
        ticket,
        EventKind.COPIED,
        actor,
        at,
        to=sorted(after),
        names=sorted(str(p) for p in people),
    )
    return True


def set_cc(
    ticket: Ticket, people: Sequence[User], actor: User | None, at: datetime | None = None
) -> Ticket:
    """Copy these contacts on the ticket (and no one else): each of them reads it."""
    at = at or timezone.now()
    with locked(ticket):
        if _copy(ticket, people, actor, at):
            ticket.updated_at = at
            ticket.save(update_fields=["updated_at"])
    return ticket


def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def post_message(
    ticket: Ticket,
    author: User | None,
    body: str,
    public: bool = True,
    source: str = Source.PORTAL,
    author_email: str = "",
    at: datetime | None = None,
    files: Sequence[Any] = (),
    answers: str = "",
) -> Message:
    """Add a reply or internal note, with its files; a public staff reply is the first
    response. Everything is checked before anything is written. `answers` names what the
    message replies to when the channel knows (mail: "quote", a reply to the quote's email),
    for the apps that react to the event."""
    body = body.strip()
    if not body:
        raise TicketError("A message needs some text.", "body")
    for upload in files:
        check_attachment(upload)
    by_staff = bool(author and author.is_provider)
    if not by_staff and not public:
        raise TicketError("Only provider staff write internal notes.", "public", forbidden=True)
    at = at or timezone.now()
    with locked(ticket):
        message = Message.objects.create(
            ticket=ticket,
            author=author,
            author_email=author_email or (author.email if author else ""),
            body=body,
            public=public,
            by_staff=by_staff,
            source=source,
            created_at=at,
        )
        _record(
            ticket,
            EventKind.MESSAGE,
            author,
            at,
            message=message.pk,
            public=public,
            by_staff=by_staff,
            **({"answers": answers} if answers else {}),
        )
        if by_staff and public and ticket.first_responded_at is None:
            _record(ticket, EventKind.FIRST_RESPONSE, author, at, message=message.pk)
        if by_staff and public and ticket.status == Status.NEW:
            _change_status(ticket, Status.OPEN, author, at)
        elif not by_staff and public and ticket.status == Status.WAITING_ON_CLIENT:
            # The client answered: the ball is back with the provider.
            _change_status(ticket, Status.OPEN, author, at)
        elif not by_staff and public and ticket.status == Status.RESOLVED:
            _change_status(ticket, Status.OPEN, author, at, reason="client replied")
        for upload in files:
            add_attachment(message, upload)
        ticket.updated_at = at
        recompute_sla(ticket, now=at)
    return message


# Evidence is a note (what was done and seen); long enough for a pasted log excerpt.
EVIDENCE_LIMIT = 10_000


def tick(
    ticket: Ticket,
    item: ChecklistItem,
    done: bool,
    evidence: str,
    actor: User | None,
    attachment: Attachment | None = None,
    at: datetime | None = None,
    *,
    file: Any = None,
) -> ChecklistItem:
    """Tick a checklist item (or untick it) with its evidence: a note, and a file already on
    the ticket (`attachment`) or a new one (`file`, stored on an internal note "Evidence:
    <item>", since a file on a ticket always belongs to a message). Recorded as an event."""
    if actor is not None and actor.is_client:
        raise TicketError("Only provider staff tick a checklist.", "done", forbidden=True)
    if item.ticket_id != ticket.pk:
        raise TicketError("That item is not on this ticket's checklist.", "item")
    evidence = evidence.strip()
    if len(evidence) > EVIDENCE_LIMIT:
        raise TicketError(f"Evidence has at most {EVIDENCE_LIMIT} characters.", "evidence")
    if attachment is not None and attachment.message.ticket_id != ticket.pk:
        raise TicketError("That file is not on this ticket.", "attachment")
    if file is not None:
        check_attachment(file)
    at = at or timezone.now()
    with locked(ticket):
        item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
        if file is not None:
            note = Message.objects.create(
                ticket=ticket,
                author=actor,
                author_email=actor.email if actor else "",
                body=f"Evidence: {item.title}",
                public=False,
                by_staff=True,
                source=Source.AGENT,
                created_at=at,
            )
            _record(
                ticket, EventKind.MESSAGE, actor, at, message=note.pk, public=False, by_staff=True
            )
            attachment = add_attachment(note, file)
        item.done = done
        item.done_at = at if done else None
        item.done_by = actor if done else None
        item.evidence = evidence
        if attachment is not None:
            item.attachment = attachment
        item.save(update_fields=["done", "done_at", "done_by", "evidence", "attachment"])
        _record(
            ticket,
            EventKind.CHECKLIST,
            actor,
            at,
            item=item.pk,
            title=item.title,
            done=done,
            evidence=evidence[:500],
            attachment=item.attachment_id,
        )
        ticket.updated_at = at
        ticket.save(update_fields=["updated_at"])
    return item


def _change_status(
    ticket: Ticket, status: str, actor: User | None, at: datetime, reason: str = ""
) -> None:
    old = ticket.status
    ticket.status = status
    if status == Status.CLOSED:
        ticket.closed_at = at
    elif status in ACTIVE_STATUSES:
        ticket.closed_at = None
    data: dict[str, str] = {"from": old, "to": status}
    if reason:
        data["reason"] = reason
    _record(ticket, EventKind.STATUS, actor, at, **data)


def change_status(
    ticket: Ticket, status: str, actor: User | None, at: datetime | None = None
) -> Ticket:
    if status not in Status.values:
        raise TicketError(
            f"Unknown status {status!r}; use one of {', '.join(Status.values)}.", "status"
        )
    if actor is not None and actor.is_client and status not in (Status.CLOSED, Status.OPEN):
        raise TicketError("Clients can only close or reopen a ticket.", "status", forbidden=True)
    at = at or timezone.now()
    with locked(ticket):
        if status == ticket.status:
            return ticket
        _change_status(ticket, status, actor, at)
        ticket.updated_at = at
        recompute_sla(ticket, now=at)
    return ticket


def change_priority(
    ticket: Ticket, impact: str, urgency: str, actor: User | None, at: datetime | None = None
) -> Ticket:
    """Set impact and urgency; the priority follows the policy's matrix."""
    for name, value in (("impact", impact), ("urgency", urgency)):
        if value not in ("high", "medium", "low"):
            raise TicketError(f"{name} must be high, medium or low.", name)
    at = at or timezone.now()
    with locked(ticket):
        if (impact, urgency) == (ticket.impact, ticket.urgency):
            return ticket
        policy = ticket.sla_policy
        priority = policy.priority_for(impact, urgency) if policy else priority_for(impact, urgency)
        _record(
            ticket,
            EventKind.PRIORITY,
            actor,
            at,
            impact=[ticket.impact, impact],
            urgency=[ticket.urgency, urgency],
            **{"from": ticket.priority, "to": priority},
        )
        ticket.impact, ticket.urgency, ticket.priority = impact, urgency, priority
        ticket.updated_at = at
        recompute_sla(ticket, now=at)
    return ticket


def _set(
    ticket: Ticket,
    name: str,
    value: Any,
    kind: str,
    actor: User | None,
    at: datetime | None = None,
    /,
    **data: Any,
) -> None:
    """Change one field of a locked ticket, with the event that says so and `updated_at`:
    a change without its event would be a change nobody can explain. (Positional: the
    event's data may have a `name` of its own.)"""
    field = Ticket._meta.get_field(name)
    assert isinstance(field, Field)
    if getattr(ticket, field.attname) == (value.pk if isinstance(value, Model) else value):
        return
    at = at or timezone.now()
    _record(ticket, kind, actor, at, **data)
    setattr(ticket, name, value)
    ticket.updated_at = at
    ticket.save(update_fields=[name, "updated_at"])


def assign(
    ticket: Ticket, assignee: User | None, actor: User | None, at: datetime | None = None
) -> Ticket:
    if assignee is not None and not assignee.is_provider:
        raise TicketError("Tickets are assigned to provider staff.", "assignee")
    with locked(ticket):
        _set(
            ticket,
            "assignee",
            assignee,
            EventKind.ASSIGNED,
            actor,
            at,
            to=assignee.pk if assignee else None,
            name=str(assignee) if assignee else "",
        )
    return ticket


def set_service(ticket: Ticket, service: Service | None, actor: User | None) -> Ticket:
    """File the ticket under a catalogue service: what decides its default scope."""
    with locked(ticket):
        _set(
            ticket,
            "service",
            service,
            EventKind.SERVICE,
            actor,
            to=service.code if service else None,
            name=service.name if service else "",
        )
    return ticket


def set_queue(ticket: Ticket, queue: Queue | None, actor: User | None) -> Ticket:
    with locked(ticket):
        _set(
            ticket,
            "queue",
            queue,
            EventKind.QUEUE,
            actor,
            to=queue.pk if queue else None,
            name=str(queue) if queue else "",
        )
    return ticket


def retitle(ticket: Ticket, title: str, actor: User | None, at: datetime | None = None) -> Ticket:
    """Give the ticket a new title: the subject of every mail about it from now on."""
    if actor is not None and actor.is_client:
        raise TicketError("Only provider staff change a ticket's title.", "title", forbidden=True)
    problem = title_error(title)
    if problem:
        raise TicketError(problem, "title")
    title = title.strip()
    if len(title) > 200:
        raise TicketError("A title has at most 200 characters.", "title")
    with locked(ticket):
        _set(
            ticket,
            "title",
            title,
            EventKind.TITLE,
            actor,
            at,
            **{"from": ticket.title, "to": title},
        )
    return ticket


def sla_state(ticket: Ticket, now: datetime | None = None) -> SlaState | None:
    """Replay the ticket's events through its policy; None when it has no SLA."""
    if ticket.sla_policy is None:
        return None
    return _replayed(ticket, _changes(ticket), now)[0]


def _changes(ticket: Ticket) -> list[Change]:
    """The clock's changes of the ticket, from the events it holds or read for it."""
    prefetched: list[TicketEvent] | None = getattr(ticket, "sla_events", None)
    if prefetched is not None:
        events: Any = [(e.at, e.kind, e.data) for e in prefetched]
    else:
        events = (
            ticket.events.filter(kind__in=["created", "status", "message"])
            .order_by("at", "id")
            .values_list("at", "kind", "data")
        )
    return changes_from_events(events)


def _replayed(
    ticket: Ticket, changes: list[Change], now: datetime | None
) -> tuple[SlaState | None, CompiledCalendar | None]:
    """The ticket's SLA state and the calendar its clocks ran in (None, None: no SLA)."""
    if ticket.sla_policy is None or not changes:
        return None, None
    engine = SlaEngine(ticket.sla_policy, calendar_for(ticket))
    return engine.run(ticket.priority, changes, now or timezone.now()), engine.cal


def sla_explanation(ticket: Ticket, now: datetime | None = None) -> list[str]:
    state = sla_state(ticket, now)
    return explain(state) if state else []


def _recorded(ticket: Ticket) -> set[str]:
    keys = ticket.events.filter(once_key__isnull=False).values_list("once_key", flat=True)
    return {key for key in keys if key}


def _once_key(ticket: Ticket, kind: str, clock: str, due: datetime) -> str:
    return f"{kind}:{ticket.pk}:{clock}:{int(due.timestamp())}"


def recompute_sla(ticket: Ticket, now: datetime | None = None) -> SlaState | None:
    """Store the derived due times in the indexed columns and save the ticket."""
    now = now or timezone.now()
    changes = _changes(ticket)
    state, cal = _replayed(ticket, changes, now)
    fields = [
        "status",
        "priority",
        "impact",
        "urgency",
        "updated_at",
        "closed_at",
        "first_response_due",
        "first_responded_at",
        "next_update_due",
        "resolution_due",
        "resolved_at",
        "sla_paused",
        "sla_due",
        "sla_next_check",
        "sla_breached",
        *FACTS,
    ]
    _keep_facts(ticket, changes, cal)
    if state is None:
        ticket.first_response_due = ticket.next_update_due = ticket.resolution_due = None
        ticket.sla_due = ticket.sla_next_check = None
        ticket.sla_paused = False
        ticket.sla_breached = []
        if ticket.status in ("resolved", "closed"):
            ticket.resolved_at = ticket.resolved_at or now
        else:
            ticket.resolved_at = None
        # The first public staff reply (post_message records it as the first response).
        replies = (c.at for c in changes if c.kind == "staff_reply")
        ticket.first_responded_at = ticket.first_responded_at or next(replies, None)
        ticket.save(update_fields=fields)
        return None
    ticket.first_response_due = state.due("first_response")
    ticket.first_responded_at = state.first_responded_at
    ticket.next_update_due = state.due("next_update")
    ticket.resolution_due = state.due("resolution")
    ticket.resolved_at = state.resolved_at
    ticket.sla_paused = state.paused
    ticket.sla_due = state.earliest_due
    ticket.sla_breached = state.breached
    ticket.sla_next_check = _next_check(ticket, state)
    ticket.save(update_fields=fields)
    return state


def _keep_facts(ticket: Ticket, changes: list[Change], cal: CompiledCalendar | None) -> None:
    """The reports' facts of the ticket (desk.sla.Facts), from the changes its clocks were
    replayed from; its resolution time in business seconds needs its SLA's calendar `cal`."""
    policy = ticket.sla_policy
    if cal is None or policy is None:
        facts = facts_of(changes, None, ())
    else:
        paused = [s for s in Status.values if policy.pauses("resolution", s)]
        facts = facts_of(changes, cal, paused)
    for name in FACTS:
        setattr(ticket, name, getattr(facts, name))


def _next_check(ticket: Ticket, state: SlaState) -> datetime | None:
    # A ticket that has only ever been seen in memory (just opened) has no such events yet.
    recorded = _recorded(ticket) if ticket.pk and not ticket.sla_fresh else set()
    moments = []
    for name, clock in state.clocks.items():
        if not clock.running or clock.due is None:
            continue
        if _once_key(ticket, "breached", name, clock.due) in recorded:
            continue  # Nothing left to say about this due time (a late warning is skipped).
        warned = _once_key(ticket, "warning", name, clock.due) in recorded
        if clock.warn_at and not warned and clock.warn_at < clock.due:
            moments.append(clock.warn_at)
        else:
            moments.append(clock.due)
    return min(moments) if moments else None


def sweep_ticket(ticket: Ticket, now: datetime) -> list[TicketEvent]:
    """Record the SLA warnings and breaches that are due, each at most once, ever."""
    with locked(ticket):
        return _sweep_locked(ticket, now)


def _sweep_locked(ticket: Ticket, now: datetime) -> list[TicketEvent]:
    ticket.sla_fresh = False  # it is about to gain such events
    state = sla_state(ticket, now)
    recorded: list[TicketEvent] = []
    if state is not None:
        for name, clock in state.clocks.items():
            if not clock.running or clock.due is None:
                continue
            for kind, moment, event_kind in (
                ("warning", clock.warn_at, EventKind.SLA_WARNING),
                ("breached", clock.due, EventKind.SLA_BREACHED),
            ):
                if moment is None or moment > now:
                    continue
                if kind == "warning" and clock.due <= now:
                    continue  # Past due already: the breach says more than a late warning.
                key = _once_key(ticket, kind, name, clock.due)
                try:
                    with transaction.atomic():
                        # Dated when it happened, not when a worker noticed: a breach at
                        # 16:00 swept at 16:01 (or after a worker outage) is a 16:00 breach.
                        event = _record(
                            ticket,
                            event_kind,
                            None,
                            moment,
                            once_key=key,
                            clock=name,
                            due=iso(clock.due),
                            recorded_at=iso(now),
                        )
                except IntegrityError:
                    continue  # Another worker recorded it first.
                recorded.append(event)
    recompute_sla(ticket, now=now)
    return recorded


def sweep_sla(now: datetime | None = None, limit: int = 500) -> list[TicketEvent]:
    """Look at every ticket whose next SLA moment has come; returns the events recorded."""
    now = now or timezone.now()
    recorded: list[TicketEvent] = []
    tickets = (
        Ticket.objects.sla_check_due(now)
        .select_related(
            "organization",
            "organization__calendar",
            "sla_policy",
            "sla_policy__calendar",
            "assignee",
            "queue",
        )
        .order_by("sla_next_check")[:limit]
    )
    for ticket in tickets:
        recorded.extend(sweep_ticket(ticket, now))
    return recorded


def preview_targets(
    org: Organization, impact: str, urgency: str, at: datetime | None = None
) -> dict[str, Any] | None:
    """What the agreement in force would promise for a ticket opened now, before it exists."""
    at = at or timezone.now()
    agreement = agreement_in_force(org, at)
    if agreement is None:
        return None
    policy = agreement.sla_policy
    priority = policy.priority_for(impact, urgency)
    calendar = calendar_of(policy, org)
    compiled = calendar.compiled()
    targets = policy.targets_for(priority)
    return {
        "priority": priority,
        "agreement": agreement,
        "calendar": calendar,
        "targets": {
            clock: {"minutes": minutes, "due": compiled.add(at, minutes)}
            for clock, minutes in targets.items()
            if clock != "next_update"
        },
    }


def check_attachment(upload: Any) -> str:
    """Refuse a file that is too large or of a type we do not take; returns its type."""
    from django.conf import settings

    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise TicketError(
            f"{upload.name} is larger than the "
            f"{settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB limit.",
            "file",
        )
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if content_type not in settings.ATTACHMENT_CONTENT_TYPES:
        raise TicketError(
            f"{upload.name}: files of type {content_type or 'unknown'} are not accepted.", "file"
        )
    return content_type


def add_attachment(message: Message, upload: Any) -> Attachment:
    """Store an uploaded file on a message after checking its size and type."""
    content_type = check_attachment(upload)
    # The name people see and download: no folders, and short enough for the column (200
    # characters) and for any file system they save it to (255 bytes), extension kept.
    name = shorten_name(upload.name.replace("/", "_").replace("\\", "_"), 255, 200)
    return Attachment.objects.create(
        message=message, file=upload, name=name, size=upload.size, content_type=content_type
    )
