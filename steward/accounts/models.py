"""People, client companies, roles and API tokens, and the one scoping helper."""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Self

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from steward.lib.timezones import validate_timezone

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class Role(models.TextChoices):
    ADMIN = "admin", _("Provider admin")
    MANAGER = "manager", _("Provider manager")
    TECHNICIAN = "technician", _("Technician")
    CLIENT_ADMIN = "client_admin", _("Client admin")
    CLIENT_USER = "client_user", _("Client user")


PROVIDER_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.TECHNICIAN})
CLIENT_ROLES = frozenset({Role.CLIENT_ADMIN, Role.CLIENT_USER})
# Provider roles that see every organization without being assigned to it.
ALL_SEEING_ROLES = frozenset({Role.ADMIN, Role.MANAGER})


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def visible_to(self, user: User | AnonymousUser) -> Self:
        if not user.is_authenticated or not user.is_active:
            return self.none()
        assert isinstance(user, User)
        if user.role in ALL_SEEING_ROLES:
            return self
        if user.role == Role.TECHNICIAN:
            return self.filter(memberships__user=user)
        return self.filter(pk=user.organization_id)

    def active(self) -> Self:
        return self.filter(status=Organization.Status.ACTIVE)


class Organization(models.Model):
    """A client company the provider looks after."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ONBOARDING = "onboarding", _("Onboarding")
        INACTIVE = "inactive", _("Inactive")

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9]{1,11}$",
                _("2-12 capital letters or digits, starting with a letter."),
            )
        ],
        help_text=_("Short code used in ticket numbers, e.g. ACME."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    calendar = models.ForeignKey(
        "sla.BusinessCalendar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("business calendar"),
    )
    it_manager = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_organizations",
        verbose_name=_("IT manager"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    # What an hour of one person's work costs the business: prices the work lost to outages.
    hourly_cost_per_user = models.DecimalField(
        _("cost of an hour of a person's work"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("30.00"),
        validators=[MinValueValidator(Decimal(0))],
    )
    # How many people work there: the managed price per user and the value page count them,
    # not the portal accounts (most staff never sign in). Empty: not known yet.
    headcount = models.PositiveIntegerField(_("headcount"), null=True, blank=True)
    legal_name = models.CharField(
        _("legal name"), max_length=200, blank=True, help_text=_("Empty: the name above.")
    )
    billing_address = models.TextField(_("billing address"), blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. GR.")
    )
    tax_id = models.CharField(_("tax or VAT number"), max_length=40, blank=True)
    # Off: a client user sees the requests they made or are copied on; on: all of the
    # organization's. Client admins always see all.
    users_see_all_tickets = models.BooleanField(
        _("users see all of the organization's tickets"), default=False
    )
    ticket_seq = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=now)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Provider(models.Model):
    """The IT provider running this installation: one row, shown on invoices and in mail."""

    name = models.CharField(_("name"), max_length=200, default="Steward")
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. GR.")
    )
    tax_id = models.CharField(_("tax or VAT number"), max_length=40, blank=True)
    company_id = models.CharField(_("company registration number"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.FileField(_("logo"), upload_to="provider/", blank=True)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    payment_details = models.TextField(
        _("other payment details"), blank=True, help_text=_("Shown on invoices below the bank.")
    )
    payment_terms_days = models.PositiveSmallIntegerField(
        _("payment terms (days)"),
        default=30,
        help_text=_("Invoices fall due this many days after issue."),
    )
    invoice_footer = models.TextField(_("invoice footer"), blank=True)
    # Whether a P1 ticket needs a post-incident review (reports): listed as missing until it
    # has one.
    review_required_for_p1 = models.BooleanField(
        _("post-incident review required for P1 tickets"), default=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("provider")

    def __str__(self) -> str:
        return self.legal_name or self.name

    @classmethod
    def current(cls) -> Provider:
        """The one row, made with defaults the first time it is asked for."""
        provider, _created = cls.objects.get_or_create(pk=1)
        return provider


class Membership(models.Model):
    """A provider technician's assignment to a client organization."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"


class TenantQuerySet[M: models.Model](models.QuerySet[M]):
    """Queryset of rows that belong to an organization; `visible_to` is the one access rule."""

    organization_field = "organization"
    # The roles that read these rows at all, in the organizations they see. Pages and API
    # alike go through `visible_to`, so narrowing this (a client user reads no invoice) is
    # the one place the rule is written.
    readers: frozenset[str] = PROVIDER_ROLES | CLIENT_ROLES

    def visible_to(self, user: User | AnonymousUser) -> Self:
        """The rows this user may read: their organizations' rows, if their role reads them."""
        if not self.readable_by(user):
            return self.none()
        return self.in_orgs_of(user)

    def readable_by(self, user: User | AnonymousUser) -> bool:
        """Whether this user's role reads rows of this kind at all."""
        return bool(
            user.is_authenticated and user.is_active and getattr(user, "role", "") in self.readers
        )

    def in_orgs_of(self, user: User | AnonymousUser) -> Self:
        """Rows of the organizations this user sees, whatever their role may read. Writes look
        their row up this way, so that a role's refusal is a 403 while another organization's
        row stays a 404."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        assert isinstance(user, User)
        if user.role in ALL_SEEING_ROLES:
            return self
        field = f"{self.organization_field}_id"
        if user.role == Role.TECHNICIAN:
            orgs = Membership.objects.filter(user=user).values("organization_id")
            return self.filter(**{f"{field}__in": orgs})
        return self.filter(**{field: user.organization_id})

    def for_org(self, org: Organization | int) -> Self:
        return self.filter(**{self.organization_field: org})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("role", Role.ADMIN)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def staff(self) -> models.QuerySet[User]:
        return self.filter(role__in=PROVIDER_ROLES, is_active=True)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: provider staff or a client company's contact."""

    email = models.EmailField(_("email"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.CLIENT_USER
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organization"),
    )
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Empty: the organization's language.")
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_timezone],
        help_text=_("Empty: the organization's time zone."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(default=now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        self.email = self.email.lower()
        if self.role in CLIENT_ROLES and self.organization_id is None:
            raise ValidationError({"organization": _("Client users belong to an organization.")})
        if self.role in PROVIDER_ROLES and self.organization_id is not None:
            raise ValidationError(
                {"organization": _("Provider staff do not belong to a client organization.")}
            )

    @property
    def is_staff(self) -> bool:
        # Django's admin site is for provider admins only.
        return self.role == Role.ADMIN

    def has_perm(self, perm: str, obj: models.Model | None = None) -> bool:
        # Provider admins administer everything in Django's admin site, as superusers do.
        return (self.is_active and self.role == Role.ADMIN) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        return (self.is_active and self.role == Role.ADMIN) or super().has_module_perms(app_label)

    @property
    def is_provider(self) -> bool:
        return self.role in PROVIDER_ROLES

    @property
    def is_client(self) -> bool:
        return self.role in CLIENT_ROLES

    @property
    def can_manage_settings(self) -> bool:
        """Calendars, SLA policies, organizations and agreements."""
        return self.role in ALL_SEEING_ROLES

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return (self.name or self.email).split(" ")[0]

    def preferred_language(self) -> str:
        if self.language:
            return self.language
        if self.organization is not None:
            return self.organization.language
        return "en"

    def preferred_timezone(self) -> str:
        if self.timezone:
            return self.timezone
        if self.organization is not None:
            return self.organization.timezone
        return "UTC"


def _hash_token(raw: str) -> str:
    # Tokens carry 256 bits of randomness, so a fast hash is enough: a slow KDF would only slow
    # every API request down without making a guess any more likely.
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> Self:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A personal API token; only its hash is stored, the token is shown once."""

    PREFIX = "stw_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, default="API")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user: User, name: str = "API") -> tuple[ApiToken, str]:
        """Create a token and return it with its one-time plain text."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_hash=_hash_token(raw), hint=raw[: len(cls.PREFIX) + 6]
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> User | None:
        token = (
            cls.objects.active().select_related("user").filter(key_hash=_hash_token(raw)).first()
        )
        if token is None:
            return None
        now = timezone.now()
        # Writing on every request would serialise API traffic on SQLite; a minute is precise
        # enough to tell an admin whether a token is still in use.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
