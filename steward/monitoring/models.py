"""Checks, what they report (pings and results), their changes of status (flips), the
tickets they open, maintenance windows that silence them, and preventive-maintenance plans."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Self

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, TenantQuerySet, User
from steward.desk.models import Level, Queue, Ticket
from steward.vault.models import Asset


class CheckKind(models.TextChoices):
    HEARTBEAT = "heartbeat", _("Heartbeat")
    HTTP = "http", _("HTTP")
    TCP = "tcp", _("TCP port")
    TLS = "tls", _("TLS certificate")
    DNS = "dns", _("DNS")
    DOMAIN = "domain", _("Domain registration")


Kind = CheckKind

ACTIVE_KINDS = (Kind.HTTP, Kind.TCP, Kind.TLS, Kind.DNS, Kind.DOMAIN)


class CheckStatus(models.TextChoices):
    NEW = "new", _("New")
    UP = "up", _("Up")
    DOWN = "down", _("Down")
    PAUSED = "paused", _("Paused")


# Short names inside the app (`Status.UP`); the API schema names the classes apart from the
# desk's own Kind and Status.
Status = CheckStatus


class PingKind(models.TextChoices):
    SUCCESS = "success", _("Success")
    START = "start", _("Started")
    FAIL = "fail", _("Failure")
    LOG = "log", _("Log")


# The first 100 kB of a ping's body is kept (a backup job's log), as healthchecks does.
BODY_LIMIT = 100_000


class CheckQuerySet(TenantQuerySet["Check"]):
    def active(self) -> Self:
        return self.filter(kind__in=ACTIVE_KINDS)

    def heartbeats(self) -> Self:
        return self.filter(kind=Kind.HEARTBEAT)

    def tagged(self, tag: str) -> Self:
        if connection.features.supports_json_field_contains:
            return self.filter(tags__contains=[tag])
        # SQLite has no JSON containment: the ids of the tagged checks, then those.
        ids = [pk for pk, tags in self.values_list("id", "tags") if tag in (tags or [])]
        return self.filter(pk__in=ids)


class Check(models.Model):
    """Something of a client's that Steward watches: a job that pings (heartbeat) or a
    service the worker probes (http, tcp, tls, dns, domain)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="checks",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # The ticket it opens takes its priority from the same impact x urgency matrix as any.
    impact = models.CharField(
        _("impact"), max_length=8, choices=Level.choices, default=Level.MEDIUM
    )
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Level.choices, default=Level.MEDIUM
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    # What it watches, when that is one of the client's recorded assets (the asset's page
    # lists its checks).
    asset = models.ForeignKey(
        Asset,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checks",
        verbose_name=_("asset"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.NEW)
    # The secret of the ping URL (heartbeats): /ping/<code>.
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # Heartbeat: expected every `period` seconds, or on a cron `schedule` in `tz`; down once
    # `grace` seconds late.
    period = models.PositiveIntegerField(_("period"), default=86400)
    grace = models.PositiveIntegerField(_("grace"), default=3600)
    schedule = models.CharField(_("cron schedule"), max_length=100, blank=True)
    tz = models.CharField(_("time zone"), max_length=64, default="UTC")

    # Active kinds: what to probe and how it must answer.
    target = models.CharField(_("target"), max_length=500, blank=True)
    interval = models.PositiveIntegerField(_("interval"), default=300)
    timeout = models.PositiveIntegerField(_("timeout"), default=10)
    # Consecutive failures tolerated before the check goes down (flapping's cure).
    retries = models.PositiveIntegerField(_("retries"), default=0)
    expect = models.JSONField(_("expectations"), default=dict, blank=True)

    # What happens to the ticket: resolved when the check recovers, or left for a person;
    # a check that fails again within `reopen_within` seconds reopens its last ticket.
    auto_resolve = models.BooleanField(_("resolve its ticket on recovery"), default=True)
    reopen_within = models.PositiveIntegerField(_("reopen within"), default=3600)
    # Pings and results kept per check (the oldest go first); flips are kept for ever.
    keep_pings = models.PositiveIntegerField(_("results kept"), default=1000)

    # State, kept in columns so that the worker finds due work with indexed queries.
    last_ping_at = models.DateTimeField(null=True, blank=True)
    last_start_at = models.DateTimeField(null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    # When the next ping is expected (heartbeat) or the next probe runs (active kinds).
    next_due = models.DateTimeField(null=True, blank=True)
    # When a heartbeat that is up goes down if nothing comes: next_due + grace.
    alert_after = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)
    # A check that is down and has no ticket yet gets one at this time (now, or when the
    # maintenance window it went down in ends).
    ticket_due = models.DateTimeField(null=True, blank=True)
    open_ticket = models.ForeignKey(
        Ticket, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CheckQuerySet.as_manager()

    class Meta:
        ordering = ["organization_id", "name", "id"]
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        indexes = [
            models.Index(
                fields=["alert_after"], name="check_alert_after", condition=Q(status="up")
            ),
            models.Index(
                fields=["next_due"],
                name="check_probe_due",
                condition=Q(kind__in=["http", "tcp", "tls", "dns", "domain"]) & ~Q(status="paused"),
            ),
            models.Index(
                fields=["ticket_due"], name="check_ticket_due", condition=Q(status="down")
            ),
            models.Index(fields=["organization", "status"], name="check_org_status"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("monitoring:check", args=[self.pk])

    @property
    def is_heartbeat(self) -> bool:
        return self.kind == Kind.HEARTBEAT

    @property
    def ping_url(self) -> str:
        return f"{settings.PING_URL}/{self.code}"

    def is_late(self, now: datetime) -> bool:
        """A heartbeat past its due time, still inside its grace."""
        return bool(
            self.is_heartbeat
            and self.status == Status.UP
            and self.next_due
            and self.next_due < now
            and (self.alert_after is None or now < self.alert_after)
        )


class PingQuerySet(TenantQuerySet["Ping"]):
    organization_field = "owner__organization"


class Ping(models.Model):
    """What a check reported: a heartbeat's ping, or one run of an active check."""

    # `owner`, as healthchecks names it: a field called `check` would hide Model.check().
    owner = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="pings")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=8, choices=PingKind.choices)
    exit_status = models.PositiveSmallIntegerField(null=True, blank=True)
    # A heartbeat: the first 100 kB of the POST body; an active check: what it found.
    body = models.TextField(blank=True)
    # A heartbeat: the run time since its start ping; an active check: the response time.
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    method = models.CharField(max_length=8, blank=True)
    remote_addr = models.CharField(max_length=45, blank=True)

    objects = PingQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["owner", "-at", "-id"], name="ping_check_recent")]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.kind} {self.at:%Y-%m-%d %H:%M:%S}"

    @property
    def ok(self) -> bool:
        return self.kind in (PingKind.SUCCESS, PingKind.START, PingKind.LOG)


class FlipQuerySet(TenantQuerySet["Flip"]):
    organization_field = "owner__organization"


class Flip(models.Model):
    """A check's change of status, with its time and reason: downtime is computed from these."""

    owner = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="flips")
    at = models.DateTimeField(default=timezone.now)
    old = models.CharField(max_length=8, choices=Status.choices)
    new = models.CharField(max_length=8, choices=Status.choices)
    reason = models.CharField(max_length=500, blank=True)
    # Went down inside a maintenance window: no ticket was opened for it then.
    silenced = models.BooleanField(default=False)

    objects = FlipQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["owner", "-at", "-id"], name="flip_check_recent")]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.old}->{self.new} {self.at:%Y-%m-%d %H:%M:%S}"


class AlertQuerySet(TenantQuerySet["Alert"]):
    organization_field = "owner__organization"


class Alert(models.Model):
    """A ticket a check opened: kept on monitoring's side (the desk knows no checks)."""

    owner = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="alerts")
    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    recovered_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["owner", "-opened_at"], name="alert_check_recent")]

    def __str__(self) -> str:
        return f"{self.owner_id} -> {self.ticket_id}"


class AlertRecipient(models.Model):
    """A client admin who chose to be told when one of their organization's checks goes
    down and comes back (provider staff are told through the desk's usual paths)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

    objects = TenantQuerySet["AlertRecipient"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="alert_recipient_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.organization_id}"


class WindowQuerySet(TenantQuerySet["MaintenanceWindow"]):
    pass


class MaintenanceWindow(models.Model):
    """A time when alerts are silenced (flips are still recorded): once, or repeating by an
    RFC 5545 RRULE in the organization's time zone. No checks named = all of the organization's."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="maintenance_windows",
        verbose_name=_("organization"),
    )
    checks = models.ManyToManyField(Check, blank=True, related_name="windows")
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    rrule = models.CharField(_("repeats"), max_length=500, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = WindowQuerySet.as_manager()

    class Meta:
        ordering = ["starts", "id"]
        verbose_name = _("maintenance window")
        verbose_name_plural = _("maintenance windows")

    def __str__(self) -> str:
        return self.reason or f"{self.starts:%Y-%m-%d %H:%M}"

    @property
    def length(self) -> timedelta:
        return self.ends - self.starts


class PlanQuerySet(TenantQuerySet["MaintenancePlan"]):
    pass


class MaintenancePlan(models.Model):
    """Preventive maintenance: a checklist that opens a service request at each occurrence
    of its RRULE, in the organization's time zone."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="maintenance_plans",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    rrule = models.CharField(_("repeats"), max_length=500)
    starts = models.DateTimeField(_("first occurrence"))
    checklist = models.JSONField(_("checklist"), default=list)
    assignee = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    queue = models.ForeignKey(
        Queue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("queue"),
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=30)
    linked_check = models.ForeignKey(
        Check,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("check"),
    )
    asset = models.ForeignKey(
        Asset,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maintenance_plans",
        verbose_name=_("asset"),
    )
    active = models.BooleanField(_("active"), default=True)
    # The next occurrence that has no ticket yet: the worker's indexed "what is due".
    next_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["organization_id", "name", "id"]
        verbose_name = _("maintenance plan")
        verbose_name_plural = _("maintenance plans")
        indexes = [models.Index(fields=["next_at"], name="plan_next_at", condition=Q(active=True))]

    def __str__(self) -> str:
        return self.name


class OccurrenceQuerySet(TenantQuerySet["Occurrence"]):
    organization_field = "plan__organization"


class Occurrence(models.Model):
    """One occurrence of a plan and the ticket it opened: unique, so two workers open one."""

    plan = models.ForeignKey(MaintenancePlan, on_delete=models.CASCADE, related_name="occurrences")
    due_at = models.DateTimeField()
    ticket = models.OneToOneField(
        Ticket, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["-due_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["plan", "due_at"], name="occurrence_once")]

    def __str__(self) -> str:
        return f"{self.plan_id} @ {self.due_at:%Y-%m-%d %H:%M}"
