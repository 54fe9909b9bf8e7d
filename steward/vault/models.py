"""What the provider knows about a client's IT, kept as the client's: assets, third parties
(vendors) and who holds their accounts, documents, credentials (encrypted under the
organization's data key), who may reveal them, the audit chain that records every look, and
the security posture."""

from __future__ import annotations

from typing import Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import PROVIDER_ROLES, Organization, Role, TenantQuerySet, User
from steward.desk.models import Ticket

# --- Documentation -------------------------------------------------------------------------


class AssetKind(models.TextChoices):
    WORKSTATION = "workstation", _("Workstation")
    LAPTOP = "laptop", _("Laptop")
    SERVER = "server", _("Server")
    NETWORK = "network", _("Network device")
    PRINTER = "printer", _("Printer")
    PHONE = "phone", _("Phone")
    CLOUD = "cloud", _("Cloud service")
    SOFTWARE = "software", _("Software")
    OTHER = "other", _("Other")


class Asset(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="assets",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=AssetKind.choices)
    make = models.CharField(_("make"), max_length=100, blank=True)
    model = models.CharField(_("model"), max_length=100, blank=True)
    serial = models.CharField(_("serial number"), max_length=100, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    # The person using it, as the client names them (not necessarily a Steward user).
    user_name = models.CharField(_("used by"), max_length=200, blank=True)
    purchased = models.DateField(_("purchased"), null=True, blank=True)
    warranty_ends = models.DateField(_("warranty ends"), null=True, blank=True)
    os = models.CharField(_("operating system"), max_length=100, blank=True)
    os_version = models.CharField(_("OS version"), max_length=100, blank=True)
    last_seen = models.DateTimeField(_("last seen"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The client's own fields: {"asset tag": "A-0042", ...}, strings to strings.
    custom = models.JSONField(_("custom fields"), default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet["Asset"].as_manager()

    class Meta:
        ordering = ["organization_id", "name", "id"]
        verbose_name = _("asset")
        verbose_name_plural = _("assets")

    def __str__(self) -> str:
        return self.name


class VendorKind(models.TextChoices):
    REGISTRAR = "registrar", _("Domain registrar")
    DNS = "dns", _("DNS")
    HOSTING = "hosting", _("Hosting")
    ISP = "isp", _("Internet provider")
    EMAIL = "email", _("Email and office (Microsoft 365, Google)")
    SOFTWARE = "software", _("Software")
    HARDWARE = "hardware", _("Hardware")
    TELECOM = "telecom", _("Telecom")
    OTHER = "other", _("Other")


class Holder(models.TextChoices):
    """Who holds the account with a vendor: the question a client leaving its provider asks."""

    CLIENT = "client", _("The client")
    PROVIDER = "provider", _("The provider")
    THIRD_PARTY = "third_party", _("A third party")


class Vendor(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="vendors",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=VendorKind.choices)
    account = models.CharField(_("account"), max_length=200, blank=True)
    account_holder = models.CharField(
        _("account held by"), max_length=12, choices=Holder.choices, default=Holder.CLIENT
    )
    registered_to = models.CharField(_("registered to"), max_length=200, blank=True)
    support_contact = models.CharField(_("support contact"), max_length=300, blank=True)
    renews = models.DateField(_("renews"), null=True, blank=True)
    expires = models.DateField(_("expires"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The renewal or expiry date the client admins were last warned of (30 days ahead), so
    # each date is warned of once.
    warned_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet["Vendor"].as_manager()

    class Meta:
        ordering = ["organization_id", "name", "id"]
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """A Markdown page of an organization's (network notes, procedures), with its revisions."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = TenantQuerySet["Document"].as_manager()

    class Meta:
        ordering = ["organization_id", "title", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class DocumentRevisionQuerySet(TenantQuerySet["DocumentRevision"]):
    organization_field = "document__organization"


class DocumentRevision(models.Model):
    """A document as it was before a change: every edit keeps the text it replaced."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = DocumentRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["document_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="revision_once")]

    def __str__(self) -> str:
        return f"{self.document_id} r{self.number}"


class TicketAssetQuerySet(TenantQuerySet["TicketAsset"]):
    organization_field = "ticket__organization"


class TicketAsset(models.Model):
    """A ticket about an asset: kept on the vault's side, the desk knows no assets."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="+")
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="ticket_links")

    objects = TicketAssetQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.ticket_id} -> {self.asset_id}"


# --- The vault -----------------------------------------------------------------------------


class DataKey(models.Model):
    """An organization's data key, wrapped (AES-256-GCM) by the master key. A new version is
    made when the organization is re-encrypted; `master` names the master key that wraps it
    (a fingerprint, never the key), so `steward vault rotate-key` knows what to re-wrap."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    wrapped = models.TextField()
    master = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organization_id", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "version"], name="data_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} v{self.version}"


# The vault's lists (never a secret in them) and its audit log are read by provider staff
# and by the client's admins; who may reveal a secret is VaultAccess's business.
VAULT_READERS = PROVIDER_ROLES | {Role.CLIENT_ADMIN}


class CredentialQuerySet(TenantQuerySet["Credential"]):
    readers = VAULT_READERS

    def at_risk(self) -> Self:
        """Revealed since the secret last changed: someone has seen the secret in force."""
        return self.filter(
            last_revealed_at__isnull=False, last_revealed_at__gte=models.F("changed_at")
        )


class AuditQuerySet(TenantQuerySet["AuditEntry"]):
    readers = VAULT_READERS


class Credential(models.Model):
    """A password the provider keeps for the client. `secret`, `notes` and `totp` are stored
    sealed (vault.crypto): ciphertext bound to (organization, model, record, field, key
    version); the plaintext is never in a column."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="credentials",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    username = models.CharField(_("username"), max_length=200, blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    secret_sealed = models.TextField(blank=True)
    notes_sealed = models.TextField(blank=True)
    totp_sealed = models.TextField(blank=True)
    key_version = models.PositiveIntegerField(default=1)
    asset = models.ForeignKey(
        Asset,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
        verbose_name=_("asset"),
    )
    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
        verbose_name=_("vendor"),
    )
    # When the secret last changed (made, or rotated): revealed after this = at risk.
    changed_at = models.DateTimeField(default=timezone.now)
    last_revealed_at = models.DateTimeField(null=True, blank=True)
    last_revealed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["organization_id", "name", "id"]
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        indexes = [models.Index(fields=["organization", "key_version"], name="credential_key")]

    def __str__(self) -> str:
        return self.name

    @property
    def at_risk(self) -> bool:
        """Revealed since it last changed: someone has seen the secret in force."""
        return self.last_revealed_at is not None and self.last_revealed_at >= self.changed_at


class AccessMode(models.TextChoices):
    ASSIGNED = "assigned", _("All staff assigned to us")
    NAMED = "named", _("Named people only")
    NONE = "none", _("Nobody (locked out)")


class VaultAccess(models.Model):
    """Who on the provider's side may reveal this organization's secrets: the client admin's
    decision. No row: `assigned`."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="vault_access"
    )
    mode = models.CharField(max_length=10, choices=AccessMode.choices, default=AccessMode.ASSIGNED)
    people = models.ManyToManyField(User, blank=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.mode}"


class AuditAction(models.TextChoices):
    REVEAL = "reveal", _("Revealed a credential")
    CREATE = "create", _("Added a credential")
    CHANGE = "change", _("Changed a credential")
    ROTATE = "rotate", _("Changed a credential's secret")
    DELETE = "delete", _("Deleted a credential")
    ACCESS = "access", _("Changed who may reveal")
    EXPORT = "export", _("Downloaded the exit pack")
    SIGN_IN = "sign_in", _("Provider staff signed in to the portal")
    REKEY = "rekey", _("Re-encrypted under a new data key")


class AuditEntry(models.Model):
    """One link of an organization's append-only hash chain: `hash` is SHA-256 over the
    canonical encoding of this entry and `prev_hash` (vault.audit). Never updated, never
    deleted; a changed, missing or reordered entry no longer matches its successor."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveBigIntegerField()
    at = models.DateTimeField()
    # Who, as written at the time (a name survives the user's deletion); `actor_id` may go.
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    # What it concerned: "credential:12 Router admin".
    object = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["organization_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "seq"], name="audit_seq_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}#{self.seq} {self.action}"


class AuditCheckpoint(models.Model):
    """The chain's head at a sequence number, signed with the provider's Ed25519 key and mailed
    to the client admins: a history rewritten afterwards no longer matches what they hold."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveBigIntegerField()
    head = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)
    public_key = models.CharField(max_length=64)  # hex of the raw Ed25519 public key
    signature = models.CharField(max_length=128)  # hex

    objects = TenantQuerySet["AuditCheckpoint"].as_manager()

    class Meta:
        ordering = ["organization_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "seq"], name="checkpoint_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}@{self.seq}"


# --- Security posture ----------------------------------------------------------------------


class PostureStatus(models.TextChoices):
    MET = "met", _("Met")
    PARTIAL = "partial", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    UNKNOWN = "unknown", _("Not reviewed")


class PostureControl(models.Model):
    """One control of the organization's checklist (vault.posture names them), as reviewed."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="posture_controls"
    )
    control = models.CharField(max_length=40)
    status = models.CharField(
        max_length=16, choices=PostureStatus.choices, default=PostureStatus.UNKNOWN
    )
    owner = models.CharField(max_length=200, blank=True)
    evidence = models.TextField(blank=True)
    attachment = models.FileField(upload_to="posture/%Y/%m/", blank=True)
    assets = models.ManyToManyField(Asset, blank=True, related_name="+")
    review_by = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = TenantQuerySet["PostureControl"].as_manager()

    class Meta:
        ordering = ["organization_id", "control"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "control"], name="posture_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.control}"
