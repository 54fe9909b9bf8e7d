"""Agreements with clients: what is covered and at what price, versioned, and the service
catalogue; what a ticket opens under. (Work done on tickets is billed by `steward.billing`.)"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Self, TypedDict

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from steward.accounts.models import PROVIDER_ROLES, Organization, Role, TenantQuerySet
from steward.lib.formats import format_number

# Terms, prices, scope, quotes and invoices are the business between the provider and the
# client's administrators (the portal's agreement pages are theirs): a client user reads none.
ACCOUNT_READERS = PROVIDER_ROLES | {Role.CLIENT_ADMIN}


class _Money(TypedDict):
    max_digits: int
    decimal_places: int
    validators: list[MinValueValidator]


MONEY: _Money = {
    "max_digits": 12,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal(0))],
}


class Kpi(NamedTuple):
    label: Any
    unit: Any
    better: str  # ">=" (a floor the provider must reach) or "<=" (a ceiling)
    low: Decimal
    high: Decimal

    def phrase(self, target: object) -> str:
        """ "at least 95 %", "at most 30 business minutes" """
        if self.better == ">=":
            text = _("at least %(target)s %(unit)s")
        else:
            text = _("at most %(target)s %(unit)s")
        return (str(text) % {"target": target, "unit": self.unit}).strip()


# The targets a provider can commit to; the scorecard measures these keys.
KPIS: dict[str, Kpi] = {
    "sla_compliance": Kpi(
        _("Tickets within their SLA targets"), "%", ">=", Decimal(0), Decimal(100)
    ),
    "median_first_response_minutes": Kpi(
        _("Median first response"), _("business minutes"), "<=", Decimal(0), Decimal(100_000)
    ),
    "median_resolution_hours": Kpi(
        _("Median resolution"), _("business hours"), "<=", Decimal(0), Decimal(10_000)
    ),
    "csat": Kpi(_("Client satisfaction, 1 to 5"), "", ">=", Decimal(1), Decimal(5)),
    "reopened_percent": Kpi(_("Tickets reopened"), "%", "<=", Decimal(0), Decimal(100)),
}


def _decimal(value: Any) -> Decimal | None:
    """A number given as a JSON number or a string; None for anything else (true included)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def validate_kpi_targets(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("KPI targets are an object of target names and numbers."))
    for key, target in value.items():
        kpi = KPIS.get(key)
        if kpi is None:
            raise ValidationError(
                _("%(key)s is not a KPI; the KPIs are %(known)s."),
                params={"key": key, "known": ", ".join(KPIS)},
            )
        number = _decimal(target)
        if number is None:
            raise ValidationError(_("%(key)s: the target is a number."), params={"key": key})
        if not number.is_finite() or not kpi.low <= number <= kpi.high:
            raise ValidationError(
                _("%(key)s: the target is between %(low)s and %(high)s."),
                params={"key": key, "low": kpi.low, "high": kpi.high},
            )


class MonthlyAmount(NamedTuple):
    amount: Decimal
    units: int | None  # users (the headcount) or devices; None: the headcount is not known


class Billing(models.TextChoices):
    MANAGED_USER = "managed_user", _("Managed, per user")
    MANAGED_DEVICE = "managed_device", _("Managed, per device")
    BLOCK_HOURS = "block_hours", _("Block of prepaid hours")
    BREAK_FIX = "break_fix", _("Break-fix, hourly")


class TaxTreatment(models.TextChoices):
    STANDARD = "standard", _("VAT at a rate")
    EXEMPT = "exempt", _("Exempt from VAT")
    REVERSE_CHARGE = "reverse_charge", _("Reverse charge")


# The legal note a reverse-charge invoice carries when the provider gives none of its own.
REVERSE_CHARGE_NOTE = gettext_noop(
    "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC"
)


class Tax(NamedTuple):
    """The tax on an invoice's lines: how VAT applies, the rate, and the legal note."""

    treatment: str
    rate: Decimal
    note: str

    @property
    def category(self) -> str:
        """The EN 16931 VAT category code (UNCL 5305): S, Z (standard at 0 %), E or AE."""
        if self.treatment == TaxTreatment.EXEMPT:
            return "E"
        if self.treatment == TaxTreatment.REVERSE_CHARGE:
            return "AE"
        return "S" if self.rate > 0 else "Z"

    @property
    def label(self) -> str:
        """ "VAT 24%", "Exempt from VAT", "Reverse charge" in the active language."""
        if self.treatment == TaxTreatment.STANDARD:
            return _("VAT %(rate)s%%") % {"rate": format_number(self.rate)}
        return str(TaxTreatment(self.treatment).label)


NO_TAX = Tax(TaxTreatment.STANDARD, Decimal("0.00"), "")

RATE = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
}


def _tax_of(treatment: str, rate: Decimal | None, note: str) -> Tax:
    if treatment == TaxTreatment.STANDARD:
        return Tax(treatment, rate or Decimal("0.00"), note)
    # Exempt and reverse-charged lines carry no VAT: the rate is 0 whatever was typed.
    if treatment == TaxTreatment.REVERSE_CHARGE and not note:
        note = REVERSE_CHARGE_NOTE
    return Tax(treatment, Decimal("0.00"), note)


def _check_tax(treatment: str, note: str, field: str) -> None:
    if treatment == TaxTreatment.EXEMPT and not note.strip():
        raise ValidationError({field: _("An exempt invoice says why: give the legal reason.")})


class OrganizationTaxQuerySet(TenantQuerySet["OrganizationTax"]):
    readers = ACCOUNT_READERS


class OrganizationTax(models.Model):
    """How VAT applies to a client's invoices, unless its agreement says otherwise."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="tax", verbose_name=_("organization")
    )
    treatment = models.CharField(
        _("VAT"), max_length=16, choices=TaxTreatment.choices, default=TaxTreatment.STANDARD
    )
    rate = models.DecimalField(_("VAT rate (%)"), default=Decimal("0.00"), **RATE)  # type: ignore[arg-type]
    note = models.CharField(
        _("exemption reason or legal note"),
        max_length=300,
        blank=True,
        help_text=_("Printed on the invoice: the law that exempts it, or the reverse-charge note."),
    )

    objects = OrganizationTaxQuerySet.as_manager()

    class Meta:
        verbose_name = _("client's tax")
        verbose_name_plural = _("clients' tax")

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.treatment} {self.rate}"

    def clean(self) -> None:
        super().clean()
        _check_tax(self.treatment, self.note, "note")

    def as_tax(self) -> Tax:
        return _tax_of(self.treatment, self.rate, self.note)


class Service(models.Model):
    """A service in the provider's catalogue (backup monitoring, Microsoft 365 support...);
    agreements cover some of them, and tickets are filed under one."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    monthly_price = models.DecimalField(
        _("list price per month"),
        default=Decimal("0.00"),
        **MONEY,
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def names(cls) -> dict[str, str]:
        """Every service's name by its code, inactive ones too: versions name them by code."""
        return dict(cls.objects.values_list("code", "name"))


class AgreementQuerySet(TenantQuerySet["Agreement"]):
    readers = ACCOUNT_READERS

    def in_force(self, on: date) -> Self:
        return self.filter(Q(ends__isnull=True) | Q(ends__gte=on), starts__lte=on)


class Agreement(models.Model):
    """A contract with a client: its dates and the SLA policy it promises."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"), null=True, blank=True)
    sla_policy = models.ForeignKey(
        "sla.SlaPolicy",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("SLA policy"),
    )
    # The terms: changed only through revise(), which records a new version.
    billing = models.CharField(
        _("billing"), max_length=16, choices=Billing.choices, default=Billing.MANAGED_USER
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    monthly_fee = models.DecimalField(_("monthly fee"), default=Decimal("0.00"), **MONEY)
    unit_price = models.DecimalField(
        _("price per user or device"),
        default=Decimal("0.00"),
        **MONEY,
    )
    devices = models.PositiveIntegerField(_("devices covered"), default=0)
    hourly_rate = models.DecimalField(_("hourly rate"), default=Decimal("0.00"), **MONEY)
    out_of_hours_multiplier = models.DecimalField(
        _("out-of-hours multiplier"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.50"),
        validators=[MinValueValidator(Decimal(1))],
    )
    included_hours = models.DecimalField(
        _("hours included per month"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0))],
    )
    block_hours = models.DecimalField(
        _("hours in the monthly block"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0))],
    )
    rollover = models.BooleanField(_("unused block hours roll over one month"), default=False)
    increment_minutes = models.PositiveIntegerField(
        _("billing increment (minutes)"), default=15, validators=[MinValueValidator(1)]
    )
    exclusions = models.TextField(_("not covered"), blank=True)
    kpi_targets = models.JSONField(
        _("KPI targets"), default=dict, blank=True, validators=[validate_kpi_targets]
    )
    # Empty: the client's own tax setting applies (OrganizationTax).
    tax_treatment = models.CharField(
        _("VAT"),
        max_length=16,
        choices=TaxTreatment.choices,
        blank=True,
        help_text=_("Leave empty to use the client's tax setting."),
    )
    tax_rate = models.DecimalField(_("VAT rate (%)"), null=True, blank=True, **RATE)  # type: ignore[arg-type]
    tax_note = models.CharField(
        _("exemption reason or legal note"),
        max_length=300,
        blank=True,
        help_text=_("Printed on the invoice: the law that exempts it, or the reverse-charge note."),
    )
    services = models.ManyToManyField(
        Service, through="CoveredService", related_name="agreements", blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "-starts"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        indexes = [models.Index(fields=["organization", "starts"])]

    def __str__(self) -> str:
        return f"{self.organization}: {self.name}"

    def clean(self) -> None:
        super().clean()
        if self.ends is not None and self.starts is not None and self.ends < self.starts:
            raise ValidationError({"ends": _("An agreement cannot end before it starts.")})
        if self.tax_treatment == TaxTreatment.STANDARD and self.tax_rate is None:
            raise ValidationError({"tax_rate": _("Give the VAT rate, or leave VAT empty.")})
        _check_tax(self.tax_treatment, self.tax_note, "tax_note")

    def tax(self) -> Tax:
        """The tax its invoices carry: its own setting, else the client's, else none."""
        if self.tax_treatment:
            return _tax_of(self.tax_treatment, self.tax_rate, self.tax_note)
        try:
            own = self.organization.tax  # read with the organization where pages list many
        except OrganizationTax.DoesNotExist:
            return NO_TAX
        return own.as_tax()

    @classmethod
    def in_force_for(cls, org: Organization, on: date) -> Agreement | None:
        """The agreement that governs work opened on a day; the latest start wins an overlap."""
        return (
            cls.objects.for_org(org)
            .in_force(on)
            .select_related("sla_policy", "sla_policy__calendar")
            .order_by("-starts", "-pk")
            .first()
        )

    @property
    def is_managed(self) -> bool:
        return self.billing in (Billing.MANAGED_USER, Billing.MANAGED_DEVICE)

    def monthly_amount(self) -> MonthlyAmount:
        """What a month costs before any time is billed: the fee, plus the price per user times
        the organization's headcount or per device times the devices covered. `count` is None
        when the headcount a per-user price needs is not known."""
        count: int | None = None
        if self.billing == Billing.MANAGED_USER:
            count = self.organization.headcount
        elif self.billing == Billing.MANAGED_DEVICE:
            count = self.devices
        units = self.unit_price * count if count is not None and self.is_managed else Decimal(0)
        return MonthlyAmount(self.monthly_fee + units, count)

    def terms(self) -> dict[str, Any]:
        """Everything a version records, as JSON-ready values (money as strings)."""
        return {
            "name": self.name,
            "starts": self.starts.isoformat(),
            "ends": self.ends.isoformat() if self.ends else None,
            "sla_policy": self.sla_policy_id,
            # The promised targets themselves, so a version shows "P1 response 1 h -> 2 h".
            "sla_targets": self.sla_policy.targets if self.sla_policy_id else {},
            **{field: self._term(field) for field in TERM_FIELDS if field not in TAX_FIELDS},
            # Only an agreement's own tax is a term: versions recorded before agreements
            # could set one read the same as the terms now.
            **({f: self._term(f) for f in TAX_FIELDS} if self.tax_treatment else {}),
            "services": dict(sorted((str(c.service.code), str(c.price)) for c in self._covered())),
        }

    def _covered(self) -> Any:
        if "covered" in getattr(self, "_prefetched_objects_cache", {}):
            return self.covered.all()  # a list prefetched "covered__service"
        return self.covered.select_related("service")

    def _term(self, field: str) -> object:
        value = getattr(self, field)
        if isinstance(value, Decimal):
            # As stored: 90 set in code and 90.00 read back are the same term.
            places = getattr(self._meta.get_field(field), "decimal_places", 2)
            return str(value.quantize(Decimal(1).scaleb(-places)))
        return value

    def current_version(self) -> AgreementVersion | None:
        return self.versions.order_by("-number").first()

    def kpi_lines(self) -> list[tuple[Kpi, Any]]:
        """The committed targets in the catalogue's order, for pages and the scorecard."""
        targets = self.kpi_targets
        return [(kpi, targets[key]) for key, kpi in KPIS.items() if key in targets]


# Notes Steward itself writes on versions: stored in English, shown in the reader's language.
FIRST_VERSION = gettext_noop("first version")
AGREEMENT_MADE = gettext_noop("agreement made")
CHANGED_IN_ADMIN = gettext_noop("changed in the admin")
POLICY_CHANGED = gettext_noop("SLA policy changed")
SYSTEM_NOTES = {FIRST_VERSION, AGREEMENT_MADE, CHANGED_IN_ADMIN, POLICY_CHANGED}

TERM_FIELDS = [
    "billing",
    "currency",
    "monthly_fee",
    "unit_price",
    "devices",
    "hourly_rate",
    "out_of_hours_multiplier",
    "included_hours",
    "block_hours",
    "rollover",
    "increment_minutes",
    "exclusions",
    "kpi_targets",
    "tax_treatment",
    "tax_rate",
    "tax_note",
]
TAX_FIELDS = ["tax_treatment", "tax_rate", "tax_note"]


class CoveredService(models.Model):
    """A catalogue service an agreement covers, at a monthly price (0: in the base fee)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="covered")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    price = models.DecimalField(_("price per month"), default=Decimal("0.00"), **MONEY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "service"], name="service_once")
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id}: {self.service_id}"


class AgreementVersionQuerySet(TenantQuerySet["AgreementVersion"]):
    organization_field = "agreement__organization"
    readers = ACCOUNT_READERS


class AgreementVersion(models.Model):
    """The terms of an agreement from one change to the next; never edited."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    terms = models.JSONField()
    changes = models.JSONField(default=list)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AgreementVersionQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="version_once")]

    def __str__(self) -> str:
        return f"{self.agreement_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError("An agreement version is never changed; revise the agreement.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError("An agreement version is never deleted.")
