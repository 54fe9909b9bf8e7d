"""API for tickets, their messages and events."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus
from pydantic import MISSING, EmailStr

from steward.accounts.models import CLIENT_ROLES, Organization, User
from steward.contracts.models import Service
from steward.desk import actions
from steward.desk.models import (
    Attachment,
    ChecklistItem,
    Kind,
    Level,
    Message,
    Priority,
    Queue,
    Source,
    Status,
    Ticket,
    TicketEvent,
)
from steward.desk.queries import (
    ORDERINGS,
    TicketFilter,
    apply_filter,
    complete,
    cursor_of,
    keyset_page,
    order,
    with_checklist,
    with_related,
)
from steward.desk.sla import explain
from steward.lib.api import (
    ApiError,
    CursorPage,
    Id,
    Out,
    Page,
    Timestamp,
    Title,
    api_user,
    check_page,
    decode_cursor,
    encode_cursor,
    get_visible,
    not_found,
    page,
    require,
)

router = Router(tags=["Tickets"])

# What a 404 of these routes names, for the catalogs (steward.lib.api lists the others).
gettext_noop("checklist item")


class TicketIn(Schema):
    organization: Id | None = None
    title: Title
    description: str = Field("", max_length=100_000)
    impact: Level = Level.MEDIUM
    urgency: Level = Level.MEDIUM
    type: str = "incident"
    requester_email: EmailStr | None = None
    source: Source | None = None
    assignee: Id | None = None
    queue: Id | None = None
    service: str | None = Field(None, max_length=40)
    stops_business: bool = Field(False, description="An outage that stopped the client's work.")
    cc: list[EmailStr] = Field(
        default_factory=list,
        max_length=50,
        description="Contacts of the organization copied on the ticket: each reads it.",
    )


class TicketPatch(Schema):
    status: Status | None = None
    impact: Level | None = None
    urgency: Level | None = None
    assignee: Id | None = None
    queue: Id | None = None
    title: Title | None = None
    service: str | None = Field(None, max_length=40)
    stops_business: bool | None = None
    cc: list[EmailStr] | None = Field(None, max_length=50)


class MessageIn(Schema):
    body: str = Field(..., min_length=1, max_length=100_000)
    public: bool = True


class TickIn(Schema):
    done: bool
    evidence: str = Field("", max_length=actions.EVIDENCE_LIMIT)
    attachment: Id | None = Field(
        None, description="A file already on the ticket (an attachment id) as evidence."
    )


class ChecklistItemOut(Out):
    """One step of the ticket's checklist and its evidence: who ticked it, when, what they
    noted, and the file (an attachment id; to a client, only a file on a public message)."""

    id: int
    position: int
    title: str
    done: bool
    done_at: Timestamp | None
    done_by: int | None
    done_by_name: str | None
    evidence: str
    attachment: int | None

    @classmethod
    def of(cls, item: ChecklistItem, user: User) -> ChecklistItemOut:
        public = getattr(item, "attachment_public", None)
        if public is None and item.attachment_id is not None:
            public = Message.objects.filter(attachments=item.attachment_id, public=True).exists()
        return cls(
            id=item.pk,
            position=item.position,
            title=item.title,
            done=item.done,
            done_at=item.done_at,
            done_by=item.done_by_id,
            done_by_name=str(item.done_by) if item.done_by else None,
            evidence=item.evidence,
            attachment=item.attachment_id if user.is_provider or public else None,
        )


class SlaOut(Out):
    """The ticket's SLA clocks as they stand at the moment of the answer."""

    policy: int | None
    first_response_due: Timestamp | None
    first_responded_at: Timestamp | None
    next_update_due: Timestamp | None
    resolution_due: Timestamp | None
    resolved_at: Timestamp | None
    paused: bool
    breached: list[str] = Field(description="The clocks past their due time.")
    explanation: list[str] = Field(description="How each due time was reached, in words.")

    @classmethod
    def of(cls, ticket: Ticket, now: datetime) -> SlaOut:
        state = actions.sla_state(ticket, now)
        return cls(
            policy=ticket.sla_policy_id,
            first_response_due=ticket.first_response_due,
            first_responded_at=ticket.first_responded_at,
            next_update_due=ticket.next_update_due,
            resolution_due=ticket.resolution_due,
            resolved_at=ticket.resolved_at,
            paused=state.paused if state else False,
            breached=state.breached if state else [],
            explanation=explain(state) if state else [],
        )


class TicketOut(Out):
    id: int
    number: str
    organization: int
    title: str
    description: str
    type: Kind
    impact: Level
    urgency: Level
    priority: Priority
    status: Status
    source: Source
    requester: int | None
    requester_email: str
    assignee: int | None
    assignee_name: str | None
    agreement: int | None
    service: str | None = Field(description="The catalogue code of its service.")
    stops_business: bool = Field(description="An outage that stopped the client's work.")
    cc: list[int] = Field(description="The contacts copied on it (user ids).")
    check: int | None = Field(description="The monitoring check that opened it.")
    created_at: Timestamp
    updated_at: Timestamp
    sla: SlaOut
    checklist: list[ChecklistItemOut] = Field(
        description="Steps to tick off (a maintenance plan's), in order; empty for most."
    )
    # Queues are the provider's own routing: a client's answer has no such key at all.
    # (A factory, not a plain default: ninja would try to write MISSING into the schema.)
    queue: int | None | MISSING = Field(
        default_factory=lambda: MISSING, description="Provider staff only."
    )

    @classmethod
    def of(cls, ticket: Ticket, user: User, now: datetime) -> TicketOut:
        return cls(
            id=ticket.pk,
            number=ticket.number,
            organization=ticket.organization_id,
            title=ticket.title,
            description=ticket.description,
            type=Kind(ticket.kind),
            impact=Level(ticket.impact),
            urgency=Level(ticket.urgency),
            priority=Priority(ticket.priority),
            status=Status(ticket.status),
            source=Source(ticket.source),
            requester=ticket.requester_id,
            requester_email=ticket.requester_email,
            assignee=ticket.assignee_id,
            assignee_name=str(ticket.assignee) if ticket.assignee else None,
            agreement=ticket.agreement_id,
            service=ticket.service.code if ticket.service else None,
            stops_business=ticket.stops_business,
            cc=sorted(u.pk for u in ticket.cc.all()),
            check=ticket.opened_by_check,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
            sla=SlaOut.of(ticket, now),
            checklist=[ChecklistItemOut.of(i, user) for i in ticket.checklist.all()],
            queue=ticket.queue_id if user.is_provider else MISSING,
        )


class AttachmentOut(Out):
    id: int
    name: str
    size: int
    content_type: str


class MessageOut(Out):
    id: int
    ticket: int = Field(validation_alias="ticket_id")
    body: str
    public: bool
    by_staff: bool
    author: int | None = Field(validation_alias="author_id")
    author_name: str = Field(validation_alias="author_display")
    source: Source
    created_at: Timestamp
    attachments: list[AttachmentOut]


class EventOut(Out):
    id: int
    kind: str
    at: Timestamp
    actor: int | None = Field(validation_alias="actor_id")
    actor_name: str | None
    data: dict[str, Any]

    @staticmethod
    def resolve_actor_name(event: TicketEvent) -> str | None:
        return str(event.actor) if event.actor else None


class QueueOut(Out):
    id: int
    name: str
    email: str


def _ticket(request: HttpRequest, ticket_id: int, whole: bool = False) -> Ticket:
    """The ticket if the caller sees it; `whole`: with what its answer shows (checklist)."""
    qs = with_related(Ticket.objects.all()).prefetch_related("cc")
    if whole:
        qs = with_checklist(qs)
    return complete([get_visible(qs, api_user(request), "ticket", pk=ticket_id)])[0]


@router.get("/tickets", response=CursorPage[TicketOut])
def list_tickets(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
    organization: int | None = None,
    status: str = "all",
    priority: str | None = None,
    assignee: int | None = None,
    breaching_within_minutes: int | None = None,
    ordering: str = "created",
    q: str = "",
    number: str = "",
) -> CursorPage[TicketOut]:
    user = api_user(request)
    check_page(limit, offset)
    if ordering not in ORDERINGS:
        raise ApiError(
            422,
            _("ordering: use one of %(values)s.") % {"values": ", ".join(ORDERINGS)},
            "ordering",
        )
    if status not in ("all", "open") and status not in Status.values:
        raise ApiError(
            422,
            _("status: use one of all, open, %(values)s.") % {"values": ", ".join(Status.values)},
            "status",
        )
    if priority and priority not in ("P1", "P2", "P3", "P4"):
        raise ApiError(422, _("priority: use P1, P2, P3 or P4."), "priority")
    if breaching_within_minutes is not None and not 0 <= breaching_within_minutes <= 10**7:
        raise ApiError(
            422, _("breaching_within_minutes: between 0 and 10000000."), "breaching_within_minutes"
        )
    now = timezone.now()
    f = TicketFilter(
        organization=organization,
        status=status,
        priority=priority,
        assignee=assignee,
        q=q[:200],
        breaching_within=timedelta(minutes=breaching_within_minutes)
        if breaching_within_minutes is not None
        else None,
    )
    qs = with_checklist(
        with_related(
            apply_filter(Ticket.objects.visible_to(user), f, now), events=True
        ).prefetch_related("cc")
    )
    if number:
        # A ticket by the number people quote (`ACME-12`): codes are capitals, so `acme-12`
        # finds it too. Another organization's number finds nothing, like any other filter.
        qs = qs.filter(number=number.strip().upper())
    if cursor is not None or offset == 0:
        position = decode_cursor(cursor, 2) if cursor else None
        try:
            rows, after = keyset_page(qs, ordering, position, limit)
        except ValueError:
            raise ApiError(400, _("cursor: not a cursor of this list."), "cursor") from None
    else:
        rows = list(order(qs, ordering)[offset : offset + limit + 1])
        after = None
        if len(rows) > limit:
            rows = rows[:limit]
            after = cursor_of(rows[-1], ordering)
    return CursorPage[TicketOut](
        items=[TicketOut.of(t, user, now) for t in complete(rows)],
        limit=limit,
        offset=offset,
        next_cursor=encode_cursor(after) if after else None,
    )


@router.post("/tickets", response={201: TicketOut})
def create_ticket(request: HttpRequest, payload: TicketIn) -> HttpStatus[TicketOut]:
    """Open a ticket. A client opens it for their own organization, may name as requester one
    of its contacts (`requester_email`), and leaves `source` to Steward (`api`)."""
    user = api_user(request)
    if user.is_client:
        if payload.organization not in (None, user.organization_id):
            raise ApiError(422, _("organization: no such organization."), "organization")
        org = user.organization
        assert org is not None
        if payload.assignee is not None or payload.queue is not None:
            raise ApiError(403, _("Only provider staff assign tickets."), "assignee")
        if payload.source not in (None, Source.API):
            # A client's word that a ticket came from monitoring or mail would be believed.
            raise ApiError(
                422, _("source: Steward sets the source of a client's ticket."), "source"
            )
    else:
        if payload.organization is None:
            raise ApiError(422, _("organization: required."), "organization")
        org = (
            Organization.objects.visible_to(user)
            .select_related("calendar")
            .filter(pk=payload.organization)
            .first()
        )
        if org is None:
            raise ApiError(422, _("organization: no such organization."), "organization")
    if payload.type not in ("incident", "service_request"):
        raise ApiError(422, _("type: incident or service_request."), "type")
    requester: User | None = user if user.is_client else None
    email = str(payload.requester_email).lower() if payload.requester_email else ""
    if email and user.is_provider:
        requester = User.objects.filter(email=email, organization=org).first()
    elif email:
        requester = _contact(org, email)
    if payload.stops_business and user.is_client:
        raise ApiError(403, "Only provider staff mark a business stop.", "stops_business")
    assignee = _staff(payload.assignee) if payload.assignee is not None else None
    queue = _queue(payload.queue) if payload.queue is not None else None
    service = _service(payload.service) if payload.service else None
    cc = _copied(org, payload.cc)
    if user.is_client and requester is not None and requester != user and user not in cc:
        cc.append(user)  # who asked on a colleague's behalf follows the ticket
    source = payload.source or Source.API
    ticket = actions.open_ticket(
        actions.NewTicket(
            organization=org,
            title=payload.title,
            description=payload.description,
            impact=payload.impact,
            urgency=payload.urgency,
            kind=payload.type,
            source=source,
            requester=requester,
            requester_email=email or (requester.email if requester else ""),
            queue=queue,
            assignee=assignee,
            service=service,
            stops_business=payload.stops_business,
            cc=cc,
        ),
        actor=user,
    )
    return HttpStatus(201, TicketOut.of(ticket, user, timezone.now()))


def _contact(org: Organization, email: str) -> User:
    """The requester a client names: one of their organization's contacts. Steward mails the
    requester the acknowledgement and every reply, so a client must not name an outsider."""
    contact = User.objects.filter(email=email, organization=org, is_active=True).first()
    if contact is None:
        raise ApiError(
            422, _("requester_email: not a contact of your organization."), "requester_email"
        )
    return contact


def _copied(org: Organization, emails: list[str]) -> list[User]:
    """The contacts these addresses name, each an active client of the organization."""
    wanted = {str(e).lower() for e in emails}
    people = list(
        User.objects.filter(
            email__in=wanted, organization=org, is_active=True, role__in=CLIENT_ROLES
        )
    )
    missing = wanted - {p.email for p in people}
    if missing:
        raise ApiError(422, f"cc: {sorted(missing)[0]} is not a contact of the organization.", "cc")
    return people


def _staff(user_id: int) -> User:
    staff = User.objects.staff().filter(pk=user_id).first()
    if staff is None:
        raise ApiError(422, _("assignee: no such provider staff member."), "assignee")
    return staff


def _service(code: str) -> Service:
    service = Service.objects.filter(code=code, active=True).first()
    if service is None:
        raise ApiError(422, _("service: no such service in the catalogue."), "service")
    return service


def _queue(queue_id: int) -> Queue:
    queue = Queue.objects.filter(pk=queue_id).first()
    if queue is None:
        raise ApiError(422, _("queue: no such queue."), "queue")
    return queue


@router.get("/tickets/{ticket_id}", response=TicketOut)
def get_ticket(request: HttpRequest, ticket_id: int) -> TicketOut:
    return TicketOut.of(_ticket(request, ticket_id, whole=True), api_user(request), timezone.now())


@router.patch("/tickets/{ticket_id}", response=TicketOut)
def update_ticket(request: HttpRequest, ticket_id: int, payload: TicketPatch) -> TicketOut:
    user = api_user(request)
    ticket = _ticket(request, ticket_id)
    data = payload.dict(exclude_unset=True)
    if user.is_client:
        allowed = {"status"}
        if set(data) - allowed:
            raise ApiError(
                403,
                _("Clients can only close or reopen their tickets."),
                sorted(set(data) - allowed)[0],
            )
    for key in ("status", "impact", "urgency", "title", "stops_business", "cc"):
        if key in data and data[key] is None:
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
    # Check every input before changing anything: a bad field must not leave a partial write.
    assignee = _staff(data["assignee"]) if data.get("assignee") is not None else None
    queue = _queue(data["queue"]) if data.get("queue") is not None else None
    service = _service(data["service"]) if data.get("service") else None
    cc = _copied(ticket.organization, data["cc"]) if data.get("cc") is not None else None
    if "title" in data:
        actions.retitle(ticket, data["title"], user)
    if "impact" in data or "urgency" in data:
        actions.change_priority(
            ticket,
            data.get("impact") or ticket.impact,
            data.get("urgency") or ticket.urgency,
            user,
        )
    if "assignee" in data:
        actions.assign(ticket, assignee, user)
    if "queue" in data:
        actions.set_queue(ticket, queue, user)
    if "service" in data:
        actions.set_service(ticket, service, user)
    if "stops_business" in data:
        actions.mark_stops_business(ticket, data["stops_business"], user)
    if cc is not None:
        actions.set_cc(ticket, cc, user)
    if "status" in data:
        actions.change_status(ticket, data["status"], user)
    return TicketOut.of(_ticket(request, ticket_id, whole=True), user, timezone.now())


@router.get("/tickets/{ticket_id}/messages", response=Page[MessageOut])
def list_messages(
    request: HttpRequest, ticket_id: int, limit: int = 100, offset: int = 0
) -> Page[MessageOut]:
    user = api_user(request)
    ticket = _ticket(request, ticket_id)
    qs = ticket.messages.select_related("author").prefetch_related("attachments")
    if not user.is_provider:
        qs = qs.public()
    return page(qs, limit, offset, MessageOut.from_orm)


@router.post("/tickets/{ticket_id}/messages", response={201: MessageOut})
def create_message(
    request: HttpRequest, ticket_id: int, payload: MessageIn
) -> HttpStatus[MessageOut]:
    user = api_user(request)
    ticket = _ticket(request, ticket_id)
    if not payload.public and not user.is_provider:
        raise ApiError(403, _("Only provider staff write internal notes."), "public")
    message = actions.post_message(
        ticket, user, payload.body, public=payload.public, source=Source.API
    )
    return HttpStatus(201, MessageOut.from_orm(message))


@router.post("/tickets/{ticket_id}/checklist/{item_id}", response=ChecklistItemOut)
def tick_item(
    request: HttpRequest, ticket_id: int, item_id: int, payload: TickIn
) -> ChecklistItemOut:
    """Tick a checklist item (`done: true`) or untick it, with its evidence: a note and,
    optionally, a file already attached to the ticket. Answers the item as it now stands.
    Provider staff only; another ticket's item is a 404."""
    user = api_user(request)
    ticket = _ticket(request, ticket_id)
    item = ticket.checklist.filter(pk=item_id).first()
    if item is None:
        raise not_found("checklist item")
    attachment = None
    if payload.attachment is not None:
        attachment = (
            Attachment.objects.visible_to(user)
            .filter(pk=payload.attachment, message__ticket=ticket)
            .select_related("message")
            .first()
        )
        if attachment is None:
            raise ApiError(422, _("attachment: no such file on this ticket."), "attachment")
    item = actions.tick(ticket, item, payload.done, payload.evidence, user, attachment)
    return ChecklistItemOut.of(item, user)


@router.get("/tickets/{ticket_id}/events", response=Page[EventOut])
def list_events(
    request: HttpRequest, ticket_id: int, limit: int = 200, offset: int = 0
) -> Page[EventOut]:
    user = api_user(request)
    check_page(limit, offset)
    ticket = _ticket(request, ticket_id)
    qs = (
        TicketEvent.objects.visible_to(user)
        .filter(ticket=ticket)
        .select_related("actor")
        .order_by("at", "id")
    )
    return page(qs, limit, offset, EventOut.from_orm)


@router.get("/queues", response=list[QueueOut])
def list_queues(request: HttpRequest) -> list[QueueOut]:
    require(api_user(request).is_provider)
    return [QueueOut.from_orm(q) for q in Queue.objects.all()]
