"""Tickets, their append-only events, messages, attachments and queues."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, Role, TenantQuerySet, User
from steward.lib.files import disk_name

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING_ON_CLIENT = "waiting_on_client", _("Waiting on client")
    WAITING_ON_THIRD_PARTY = "waiting_on_third_party", _("Waiting on third party")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING_ON_CLIENT, Status.WAITING_ON_THIRD_PARTY)
DONE_STATUSES = (Status.RESOLVED, Status.CLOSED)
# The event kinds the SLA clock replays.
SLA_KINDS = ("created", "status", "message")
# What the dashboard calls "breaching soon".
SOON = timedelta(hours=4)


class Level(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Priority(models.TextChoices):
    P1 = "P1", _("P1 - Critical")
    P2 = "P2", _("P2 - High")
    P3 = "P3", _("P3 - Medium")
    P4 = "P4", _("P4 - Low")


class Source(models.TextChoices):
    PORTAL = "portal", _("Portal")
    EMAIL = "email", _("Email")
    API = "api", _("API")
    PHONE = "phone", _("Phone")
    MONITORING = "monitoring", _("Monitoring")
    AGENT = "agent", _("Agent")
    MAINTENANCE = "maintenance", _("Maintenance")


class Kind(models.TextChoices):
    INCIDENT = "incident", _("Incident")
    SERVICE_REQUEST = "service_request", _("Service request")


class Queue(models.Model):
    """A team's inbox of tickets (e.g. Service desk, Projects)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    email = models.EmailField(
        _("notification email"),
        blank=True,
        help_text=_("Notified about SLA warnings on unassigned tickets."),
    )
    is_default = models.BooleanField(
        _("default queue"),
        default=False,
        help_text=_("New tickets that no routing rule places land here."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("queue")
        verbose_name_plural = _("queues")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="desk_queue_one_default"
            )
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Where a new ticket lands: the first rule (by position) whose conditions all match."""

    position = models.PositiveIntegerField(_("position"), default=0)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, blank=True)
    service = models.ForeignKey(
        "contracts.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    queue = models.ForeignKey(
        Queue, on_delete=models.CASCADE, related_name="rules", verbose_name=_("queue")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self) -> str:
        return f"{self.position}: {self.queue}"

    def clean(self) -> None:
        super().clean()
        if not (self.organization_id or self.source or self.service_id):
            raise ValidationError(
                {
                    "organization": _(
                        "Name an organization, a source or a service: "
                        "tickets that match nothing go to the default queue."
                    )
                }
            )


def overdue_q(now: datetime, prefix: str = "") -> Q:
    """Past a running due time. `prefix` reaches tickets from another model ("tickets__")."""
    return Q(**{f"{prefix}sla_due__lte": now})


def due_soon_q(now: datetime, within: timedelta = SOON, prefix: str = "") -> Q:
    """A running due time within `within` of now, not yet past it."""
    return Q(**{f"{prefix}sla_due__gt": now, f"{prefix}sla_due__lte": now + within})


def own_tickets_q(user: User | AnonymousUser, prefix: str = "") -> Q:
    """The tickets a client user reads: those they asked for or are copied on, or all of their
    organization's if it chose so. Every other role: no narrowing. `prefix` reaches tickets
    from another model ("ticket__")."""
    if getattr(user, "role", "") != Role.CLIENT_USER:
        return Q()
    assert isinstance(user, User)
    everyone = Organization.objects.filter(id=user.organization_id or 0, users_see_all_tickets=True)
    copied = Ticket.cc.through.objects.filter(user=user).values("ticket_id")
    return (
        Q(**{f"{prefix}organization_id__in": everyone.values("pk")})
        | Q(**{f"{prefix}requester": user})
        | Q(**{f"{prefix}requester_email": user.email.lower()})
        | Q(**{f"{prefix}pk__in": copied})
    )


class TicketQuerySet(TenantQuerySet["Ticket"]):
    def visible_to(self, user: User | AnonymousUser) -> Self:
        return super().visible_to(user).filter(own_tickets_q(user))

    def open(self) -> Self:
        return self.filter(status__in=ACTIVE_STATUSES)

    def sla_check_due(self, now: datetime) -> Self:
        return self.filter(sla_next_check__lte=now)

    def overdue(self, now: datetime) -> Self:
        return self.filter(overdue_q(now))

    def due_soon(self, now: datetime, within: timedelta = SOON) -> Self:
        return self.filter(due_soon_q(now, within))

    def breaching_within(self, td: timedelta, now: datetime | None = None) -> Self:
        """Breached by `td` from now if nobody acts: those already overdue included."""
        return self.overdue((now or timezone.now()) + td)


class Ticket(models.Model):
    """A client's request or incident, with the SLA promised by its agreement."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("organization"),
    )
    seq = models.PositiveIntegerField(editable=False)
    number = models.CharField(_("number"), max_length=24, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    requester = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requested_tickets",
        verbose_name=_("requester"),
    )
    requester_email = models.EmailField(_("requester email"), blank=True)
    # Client contacts copied on the ticket: they read it as its requester does.
    cc = models.ManyToManyField(
        "accounts.User", blank=True, related_name="copied_tickets", verbose_name=_("copied")
    )
    assignee = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tickets",
        verbose_name=_("assignee"),
    )
    queue = models.ForeignKey(
        Queue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("queue"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.INCIDENT)
    impact = models.CharField(
        _("impact"), max_length=8, choices=Level.choices, default=Level.MEDIUM
    )
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Level.choices, default=Level.MEDIUM
    )
    priority = models.CharField(
        _("priority"), max_length=2, choices=Priority.choices, default=Priority.P3
    )
    # An outage that stopped the client's work: only these count as work lost on the value page.
    stops_business = models.BooleanField(_("stops the business"), default=False)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW
    )
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.PORTAL
    )
    agreement = models.ForeignKey(
        "contracts.Agreement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
    )
    agreement_version = models.ForeignKey(
        "contracts.AgreementVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
    )
    service = models.ForeignKey(
        "contracts.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("service"),
    )
    sla_policy = models.ForeignKey(
        "sla.SlaPolicy", on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    # SLA state, derived from the events by desk.sla and stored so queues are indexed queries.
    first_response_due = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    next_update_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    sla_paused = models.BooleanField(default=False)
    # The earliest running due time: the queue's sort key and the "breaching soon" filter.
    sla_due = models.DateTimeField(null=True, blank=True)
    # When the worker must next look at this ticket (a warning or a breach to record).
    sla_next_check = models.DateTimeField(null=True, blank=True)
    sla_breached = models.JSONField(default=list, blank=True)
    # What the reports count of its history (desk.sla.Facts), kept with the clocks by
    # recompute_sla: a scorecard over a quarter reads these, not the tickets' events.
    resolutions = models.PositiveIntegerField(default=0)
    first_resolved_at = models.DateTimeField(null=True, blank=True)
    last_resolved_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    second_reply_at = models.DateTimeField(null=True, blank=True)
    resolution_seconds = models.PositiveIntegerField(null=True, blank=True)

    # Held by one instance, not columns, so that replaying its SLA needs no query.
    # `sla_events`: its SLA events in order, prefetched (queries.py) or all recorded since it
    # was opened. No default: Django's prefetch skips an instance that has the attribute.
    sla_events: list[TicketEvent]
    # Its whole history is in memory: it was opened by this very instance.
    sla_fresh: bool = False
    # The monitoring check that opened it, as monitoring's hook sets it (desk.queries.complete).
    opened_by_check: int | None = None

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "seq"], name="ticket_seq_unique_per_org"
            )
        ]
        indexes = [
            # The agent queue: open tickets by SLA urgency, optionally per organization.
            models.Index(
                fields=["sla_due", "id"],
                name="ticket_urgency",
                condition=Q(
                    status__in=["new", "open", "waiting_on_client", "waiting_on_third_party"]
                ),
            ),
            models.Index(fields=["organization", "sla_due", "id"], name="ticket_org_urgency"),
            models.Index(fields=["status", "sla_due", "id"], name="ticket_status_urgency"),
            models.Index(fields=["assignee", "sla_due", "id"], name="ticket_assignee_urgency"),
            models.Index(
                fields=["sla_next_check"],
                name="ticket_sla_check",
                condition=Q(sla_next_check__isnull=False),
            ),
            models.Index(fields=["organization", "-created_at", "-id"], name="ticket_org_recent"),
            models.Index(fields=["-created_at", "-id"], name="ticket_recent"),
            # The downtime report: an organization's business stops, without reading every
            # ticket it ever opened (few incidents stop the business).
            models.Index(
                fields=["organization", "created_at"],
                name="ticket_org_business_stops",
                condition=Q(stops_business=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("desk:ticket", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def stopped_at(self) -> datetime | None:
        """When a resolved or closed ticket stopped its clocks; None while it is active."""
        if self.is_open:
            return None
        return self.resolved_at or self.closed_at or self.updated_at

    @property
    def requester_display(self) -> str:
        if self.requester is not None:
            return str(self.requester)
        return self.requester_email


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    MESSAGE = "message", _("Message")
    STATUS = "status", _("Status changed")
    PRIORITY = "priority", _("Priority changed")
    ASSIGNED = "assigned", _("Assigned")
    QUEUE = "queue", _("Queue changed")
    FIRST_RESPONSE = "first_response", _("First response")
    SLA_WARNING = "sla_warning", _("SLA warning")
    SLA_BREACHED = "sla_breached", _("SLA breached")
    NOTIFIED = "notified", _("Notification sent")
    MAIL_BOUNCED = "mail_bounced", _("Email bounced")
    SERVICE = "service", _("Service changed")
    TIME = "time", _("Time corrected")
    TITLE = "title", _("Title changed")
    STOPS_BUSINESS = "stops_business", _("Business stop marked")
    COPIED = "copied", _("Copied people changed")
    # Recorded by billing (above the desk) for mail to announce: steward.mail.notify.
    QUOTE_REQUESTED = "quote_requested", _("Quote requested")
    BLOCK_HOURS = "block_hours", _("Block of hours alert")
    # Recorded by monitoring (above the desk) on the ticket a check opened.
    ALERT = "alert", _("Check failed")
    RECOVERED = "recovered", _("Check recovered")
    CHECKLIST = "checklist", _("Checklist item ticked")


# The desk's side of a ticket's story: mail delivery, queues and time are the provider's working
# record (a client sees no time entry and no queue), so clients read the story without them.
# Quotes and the block of hours are read by client admins only (billing's `readers`), and a
# client user reads the ticket's history: they reach the admins by mail, not through it.
STAFF_EVENTS = (
    EventKind.NOTIFIED,
    EventKind.MAIL_BOUNCED,
    EventKind.QUEUE,
    EventKind.TIME,
    EventKind.QUOTE_REQUESTED,
    EventKind.BLOCK_HOURS,
)


class TicketEventQuerySet(TenantQuerySet["TicketEvent"]):
    organization_field = "ticket__organization"

    def visible_to(self, user: User | AnonymousUser) -> Self:
        qs = super().visible_to(user).filter(own_tickets_q(user, "ticket__"))
        return qs.for_clients() if getattr(user, "is_client", False) else qs

    def for_clients(self) -> Self:
        """The story a client may read: no staff events, no internal notes."""
        return self.exclude(kind__in=STAFF_EVENTS).exclude(
            kind=EventKind.MESSAGE, data__public=False
        )


class TicketEvent(models.Model):
    """Something that happened to a ticket; never edited, never deleted."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    # Set for events that must happen at most once (an SLA warning for one due time), so that
    # two workers racing on the same ticket insert one row and the other gets IntegrityError.
    once_key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    objects = TicketEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["ticket", "at", "id"])]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("ticket events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("ticket events are append-only")


class Unpublished(models.Model):
    """A ticket event recorded while no app was listening (desk.events): the worker hands it
    over to the subscribers and deletes this row. Empty while everything runs."""

    event = models.OneToOneField(
        TicketEvent, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"unpublished {self.event_id}"


class MessageQuerySet(TenantQuerySet["Message"]):
    organization_field = "ticket__organization"

    def visible_to(self, user: User | AnonymousUser) -> Self:
        return super().visible_to(user).filter(own_tickets_q(user, "ticket__"))

    def public(self) -> Self:
        return self.filter(public=True)


class Message(models.Model):
    """A reply in a ticket's conversation, or an internal note when not public."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_email = models.EmailField(blank=True)
    body = models.TextField(_("message"))
    public = models.BooleanField(_("public"), default=True)
    by_staff = models.BooleanField(default=False)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.PORTAL)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ticket", "created_at"])]

    def __str__(self) -> str:
        return f"{self.ticket_id} message {self.pk}"

    @property
    def author_display(self) -> str:
        return str(self.author) if self.author else self.author_email


def attachment_path(instance: Attachment, filename: str) -> str:
    # A random folder per file: a path that cannot be guessed from an organization, a ticket
    # and a time, and no clash between two files of the same name. Files stored under the
    # older scheme keep working: each row stores its own path.
    return f"attachments/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}/{disk_name(filename)}"


class AttachmentQuerySet(TenantQuerySet["Attachment"]):
    organization_field = "message__ticket__organization"

    def visible_to(self, user: User | AnonymousUser) -> Self:
        rows = super().visible_to(user).filter(own_tickets_q(user, "message__ticket__"))
        if not getattr(user, "is_provider", False):
            # A client never sees an internal note, nor what was attached to it.
            rows = rows.filter(message__public=True)
        return rows


class Attachment(models.Model):
    """A file sent with a message."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=120)

    objects = AttachmentQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One step of a ticket's checklist (a maintenance plan's, say), ticked with evidence:
    what was done and seen, by whom and when, and optionally a file."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="checklist")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence = models.TextField(_("evidence"), blank=True)
    attachment = models.ForeignKey(
        Attachment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.title
