"""Mailboxes, every email received (kept raw) and every email to send (the outbox)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any, Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import TenantQuerySet
from steward.lib.crypto import seal, unseal


class Security(models.TextChoices):
    SSL = "ssl", _("SSL/TLS")
    STARTTLS = "starttls", _("STARTTLS")
    NONE = "none", _("None (loopback or a trusted network only)")


class UnknownSender(models.TextChoices):
    CREATE_CONTACT = "create_contact", _("Create a contact in the mailbox's organization")
    QUARANTINE = "quarantine", _("Quarantine for a person to place")


class AuthMethod(models.TextChoices):
    PASSWORD = "password", _("Password")
    OAUTH2 = "oauth2", _("OAuth 2 (Microsoft 365, Google Workspace)")


class OAuthProvider(models.TextChoices):
    MICROSOFT = "microsoft", _("Microsoft 365")
    GOOGLE = "google", _("Google Workspace")
    OTHER = "other", _("Other")


# The secrets a mailbox keeps, each sealed under a key of its own and bound to the mailbox's
# address (the password's label and binding predate OAuth and stay as they were).
_SEALS = {
    "imap_secret": ("steward.mail.v1", ""),
    "oauth_client_secret": ("steward.mail.oauth.v1", ":client_secret"),
    "oauth_refresh_token": ("steward.mail.oauth.v1", ":refresh_token"),
    "oauth_access_token": ("steward.mail.oauth.v1", ":access_token"),
}


class Mailbox(models.Model):
    """A support address clients write to: read over IMAP (or fed by a pipe or the API),
    and the From/Reply-To of what Steward sends for its organization."""

    name = models.CharField(_("name"), max_length=100)
    address = models.EmailField(_("address"), unique=True)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailboxes",
        verbose_name=_("organization"),
        help_text=_("Empty: a provider-wide mailbox for every client."),
    )
    queue = models.ForeignKey(
        "desk.Queue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("queue"),
    )
    imap_host = models.CharField(
        _("IMAP host"),
        max_length=200,
        blank=True,
        help_text=_("Empty: mail arrives by pipe or API."),
    )
    imap_port = models.PositiveIntegerField(_("IMAP port"), default=993)
    imap_security = models.CharField(
        _("security"), max_length=10, choices=Security.choices, default=Security.SSL
    )
    imap_user = models.CharField(_("IMAP user"), max_length=200, blank=True)
    imap_secret = models.TextField(blank=True, editable=False)
    auth_method = models.CharField(
        _("sign in with"), max_length=10, choices=AuthMethod.choices, default=AuthMethod.PASSWORD
    )
    oauth_provider = models.CharField(
        _("OAuth 2 provider"),
        max_length=10,
        choices=OAuthProvider.choices,
        default=OAuthProvider.MICROSOFT,
    )
    oauth_tenant = models.CharField(
        _("Microsoft tenant"),
        max_length=100,
        blank=True,
        help_text=_(
            "The directory (tenant) ID or domain of the app registration. "
            "Empty: any work or school account."
        ),
    )
    oauth_authorize_url = models.URLField(
        _("authorization URL"), blank=True, help_text=_("Only for another provider.")
    )
    oauth_token_url = models.URLField(
        _("token URL"), blank=True, help_text=_("Only for another provider.")
    )
    oauth_client_id = models.CharField(_("client ID"), max_length=300, blank=True)
    oauth_client_secret = models.TextField(blank=True, editable=False)
    oauth_scopes = models.CharField(
        _("scopes"),
        max_length=500,
        blank=True,
        help_text=_("Separated by spaces. Empty: what the provider needs for IMAP."),
    )
    oauth_refresh_token = models.TextField(blank=True, editable=False)
    # The access token is cached until shortly before it expires; sealed like the others.
    oauth_access_token = models.TextField(blank=True, editable=False)
    oauth_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The provider refused the refresh token (revoked, expired, password changed): nobody
    # tries again until an admin connects the mailbox again.
    needs_reconnect = models.BooleanField(default=False, editable=False)
    folder = models.CharField(_("folder"), max_length=200, default="INBOX")
    processed_folder = models.CharField(
        _("move processed mail to"),
        max_length=200,
        blank=True,
        help_text=_("Empty: processed mail is marked as read and left in the folder."),
    )
    unknown_sender = models.CharField(
        _("unknown senders"),
        max_length=20,
        choices=UnknownSender.choices,
        default=UnknownSender.QUARANTINE,
    )
    authserv_id = models.CharField(
        _("receiving server (authserv-id)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The name your mail server writes first in its Authentication-Results header, "
            "e.g. mx.example.com. Mail from provider staff counts as theirs only when that "
            "server's DMARC, DKIM or SPF check passed for the From domain."
        ),
    )
    trust_relay = models.BooleanField(
        _("trust the relay"),
        default=False,
        help_text=_(
            "Only for mail handed over by your own mail server after it verified the sender "
            "and refused forged staff addresses: staff mail is then taken without "
            "Authentication-Results."
        ),
    )
    poll_seconds = models.PositiveIntegerField(_("poll every (seconds)"), default=60)
    enabled = models.BooleanField(_("enabled"), default=True)
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        forget_directory()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        deleted = super().delete(*args, **kwargs)
        forget_directory()
        return deleted

    @property
    def reads_imap(self) -> bool:
        return bool(self.imap_host)

    @property
    def uses_oauth(self) -> bool:
        return self.auth_method == AuthMethod.OAUTH2

    @property
    def oauth_connected(self) -> bool:
        return bool(self.oauth_refresh_token) and not self.needs_reconnect

    def seal(self, field: str, text: str, address: str = "") -> str:
        """Store `text` encrypted in `field` (one of the secrets); returns the sealed value."""
        label, suffix = _SEALS[field]
        sealed = seal(text, label, f"mailbox:{address or self.address}{suffix}") if text else ""
        setattr(self, field, sealed)
        return sealed

    def unseal(self, field: str, address: str = "") -> str:
        stored: str = getattr(self, field)
        if not stored:
            return ""
        label, suffix = _SEALS[field]
        return unseal(stored, label, f"mailbox:{address or self.address}{suffix}")

    def rebind(self, old_address: str) -> None:
        """The secrets are bound to the address: seal them again under a new one."""
        for field in _SEALS:
            self.seal(field, self.unseal(field, address=old_address))

    def set_password(self, password: str) -> None:
        self.seal("imap_secret", password)

    def password(self) -> str:
        return self.unseal("imap_secret")


# Every message asks "is this one of our own addresses?" and every notification "which
# address do we send from?": the few mailbox rows are read once every few seconds per
# process instead of on each message. A change made elsewhere shows within the interval.
DIRECTORY_SECONDS = 5.0
_directory: tuple[float, list[Mailbox]] | None = None


def directory() -> list[Mailbox]:
    global _directory
    now = time.monotonic()
    if _directory is None or now - _directory[0] > DIRECTORY_SECONDS:
        _directory = (now, list(Mailbox.objects.order_by("name", "id")))
    return _directory[1]


def forget_directory() -> None:
    global _directory
    _directory = None


class MailDomain(models.Model):
    """A mail domain of a client company: an unknown sender from it belongs to that client."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="mail_domains"
    )
    domain = models.CharField(_("domain"), max_length=200, unique=True)

    objects = TenantQuerySet["MailDomain"].as_manager()

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: object, **kwargs: object) -> None:
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)  # type: ignore[arg-type]  # passed through untouched


class Via(models.TextChoices):
    IMAP = "imap", _("IMAP")
    PIPE = "pipe", _("Pipe")
    API = "api", _("API")


class InboundState(models.TextChoices):
    RECEIVED = "received", _("Received")
    NEW_TICKET = "new_ticket", _("New ticket")
    REPLY = "reply", _("Added to a ticket")
    BOUNCE = "bounce", _("Bounce recorded")
    IGNORED = "ignored", _("Ignored (automatic or our own)")
    QUARANTINED = "quarantined", _("Quarantined")


class InboundQuerySet(TenantQuerySet["Inbound"]):
    def from_sender_since(self, address: str, since: datetime) -> Self:
        return self.filter(from_address=address, received_at__gte=since)


class Inbound(models.Model):
    """An email as it was received, stored byte for byte before anything reads it."""

    key = models.CharField(max_length=255, unique=True)
    mailbox = models.ForeignKey(
        Mailbox, on_delete=models.SET_NULL, null=True, blank=True, related_name="inbound"
    )
    via = models.CharField(max_length=8, choices=Via.choices)
    raw = models.BinaryField()
    size = models.PositiveBigIntegerField()
    msgid = models.CharField(_("Message-ID"), max_length=255, blank=True)
    from_address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        max_length=12, choices=InboundState.choices, default=InboundState.RECEIVED
    )
    reason = models.TextField(blank=True)
    # The reason's message and its values, to say it again in the reader's language:
    # {"msgid": "...", "params": {...}}. Empty for reasons kept as text only.
    reason_data = models.JSONField(default=dict, blank=True)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.SET_NULL, null=True, blank=True, related_name="inbound"
    )
    message = models.OneToOneField(
        "desk.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound",
    )

    objects = InboundQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["msgid"]),
            models.Index(fields=["from_address", "received_at"]),
            models.Index(fields=["state", "received_at"]),
        ]

    def __str__(self) -> str:
        return self.subject or self.key

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("mail:inbound", args=[self.pk])

    @property
    def reason_text(self) -> str:
        """The reason in the language of whoever reads it now."""
        msgid, params = self.reason_data.get("msgid"), self.reason_data.get("params")
        if not msgid or not isinstance(params, dict):
            return self.reason
        try:
            return gettext(msgid) % params
        except (KeyError, TypeError, ValueError):
            return self.reason


class OutboundState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


# Back-off between attempts: 1, 2, 4 ... minutes, at most 6 hours; given up after MAX_ATTEMPTS.
MAX_ATTEMPTS = 10


def backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


class OutboundQuerySet(TenantQuerySet["Outbound"]):
    def due(self, now: datetime) -> Self:
        return self.filter(state=OutboundState.PENDING, next_attempt_at__lte=now)

    def unsent(self) -> Self:
        return self.exclude(state=OutboundState.SENT)


class Outbound(models.Model):
    """An email to send: the worker drains this outbox with retries, so a down SMTP server
    delays mail but never loses it."""

    kind = models.CharField(max_length=40)
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, null=True, blank=True, related_name="outbound"
    )
    to = models.JSONField(default=list)
    from_header = models.CharField(max_length=300)
    reply_to = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    language = models.CharField(max_length=10, default="en")
    msgid = models.CharField(_("Message-ID"), max_length=255, unique=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    automatic = models.BooleanField(default=True)
    state = models.CharField(
        max_length=8, choices=OutboundState.choices, default=OutboundState.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    bounced = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OutboundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return self.subject
