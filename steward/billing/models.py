"""Work on tickets and its bill: the scope register, quotes, time entries, invoices and credit
notes. The tables keep the names they had under `contracts` (see docs/decisions.md)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Self

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import PROVIDER_ROLES, Organization, TenantQuerySet, User
from steward.contracts.models import (
    ACCOUNT_READERS,
    MONEY,
    Agreement,
    AgreementVersion,
    Tax,
    TaxTreatment,
)
from steward.desk.models import Ticket

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class ScopeDecisionQuerySet(TenantQuerySet["ScopeDecision"]):
    organization_field = "ticket__organization"
    readers = ACCOUNT_READERS


class ScopeDecision(models.Model):
    """Staff's word that a ticket is in or out of its agreement's scope, with the reason."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="scope")
    in_scope = models.BooleanField()
    reason = models.CharField(max_length=500)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    objects = ScopeDecisionQuerySet.as_manager()

    class Meta:
        db_table = "contracts_scopedecision"
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.ticket_id}: {'in' if self.in_scope else 'out of'} scope"


class QuoteState(models.TextChoices):
    PENDING = "pending", _("Waiting for the client")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class QuoteQuerySet(TenantQuerySet["Quote"]):
    organization_field = "ticket__organization"
    readers = ACCOUNT_READERS

    def approved(self) -> Self:
        return self.filter(state=QuoteState.APPROVED)


class Quote(models.Model):
    """An estimate for out-of-scope work (hours or a fixed price) the client approves first."""

    # PROTECT: a ticket with a client's decision or billed time is a record, not deleted.
    ticket = models.ForeignKey(Ticket, on_delete=models.PROTECT, related_name="quotes")
    description = models.TextField(_("work"))
    hours = models.DecimalField(
        _("estimated hours"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    fixed_price = models.DecimalField(_("fixed price"), null=True, blank=True, **MONEY)
    state = models.CharField(max_length=10, choices=QuoteState.choices, default=QuoteState.PENDING)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        db_table = "contracts_quote"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Quote {self.pk} for ticket {self.ticket_id}"

    @property
    def currency(self) -> str:
        agreement = self.ticket.agreement
        return agreement.currency if agreement else "EUR"

    @property
    def rate(self) -> Decimal | None:
        """The hourly rate an estimate is priced at: the ticket's terms (billing.hours)."""
        from steward.billing.hours import ticket_rate  # it imports these models

        agreement = self.ticket.agreement
        hourly = ticket_rate(self.ticket, agreement).hourly if agreement else None
        return hourly or None  # no rate agreed: the estimate stays in hours

    @property
    def price(self) -> Decimal | None:
        """The fixed price, or the hours times the rate; None when no rate is known."""
        if self.fixed_price is not None:
            return self.fixed_price
        rate = self.rate
        if self.hours is None or rate is None:
            return None
        return (self.hours * rate).quantize(Decimal("0.01"))


class TimeEntryQuerySet(TenantQuerySet["TimeEntry"]):
    organization_field = "ticket__organization"
    # Time is the provider's working record; clients see what is billed, on invoices.
    readers = PROVIDER_ROLES

    def running(self) -> Self:
        return self.filter(minutes__isnull=True)

    def done(self) -> Self:
        return self.filter(minutes__isnull=False)

    def between(self, start: datetime, end: datetime) -> Self:
        return self.filter(started_at__gte=start, started_at__lt=end)

    def invoiced(self) -> Self:
        """On an issued invoice that stands: billed, so no longer corrected."""
        return self.filter(
            invoice_lines__invoice__state=InvoiceState.ISSUED,
            **{f"invoice_lines__invoice__{k}": v for k, v in STANDING.items()},
        )


class TimeEntry(models.Model):
    """Work done on a ticket: who, when, how long, what, and whether the client pays."""

    ticket = models.ForeignKey(Ticket, on_delete=models.PROTECT, related_name="time")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("started"))
    minutes = models.PositiveIntegerField(_("minutes"), null=True, blank=True)
    description = models.CharField(_("what was done"), max_length=500)
    billable = models.BooleanField(_("billable"), default=True)
    in_scope = models.BooleanField(default=True)
    out_of_hours = models.BooleanField(_("out of hours"), default=False)
    quote = models.ForeignKey(
        Quote, on_delete=models.PROTECT, null=True, blank=True, related_name="time"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TimeEntryQuerySet.as_manager()

    class Meta:
        db_table = "contracts_timeentry"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["ticket", "started_at"])]
        constraints = [
            # One running timer per person.
            models.UniqueConstraint(
                fields=["user"], condition=Q(minutes__isnull=True), name="one_timer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.ticket_id}: {self.minutes} min"


# An invoice that stands for its month: neither a credit note nor cancelled by one.
STANDING: dict[str, Any] = {"credits__isnull": True, "credited": False}


class InvoiceState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class InvoiceQuerySet(TenantQuerySet["Invoice"]):
    readers = ACCOUNT_READERS

    def in_orgs_of(self, user: User | AnonymousUser) -> Self:
        # A client never learns of the provider's drafts, not even from a refused write.
        qs = super().in_orgs_of(user)
        return qs.issued() if getattr(user, "is_client", False) else qs

    def issued(self) -> Self:
        return self.filter(state=InvoiceState.ISSUED)

    def standing(self) -> Self:
        """The month's own invoice (draft or issued): not a credit note, not credited."""
        return self.filter(**STANDING)


class InvoiceCounter(models.Model):
    """The provider's last invoice number: taken under a lock so numbers have no gaps."""

    name = models.CharField(max_length=20, unique=True, default="invoices")
    last = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "contracts_invoicecounter"

    def __str__(self) -> str:
        return f"{self.name}: {self.last}"


class Invoice(models.Model):
    """A month's bill for an agreement (or a credit note correcting one); frozen when
    issued: corrections are credit notes, never edits."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="invoices"
    )
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="invoices")
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, null=True, related_name="+"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    currency = models.CharField(max_length=3)
    state = models.CharField(max_length=8, choices=InvoiceState.choices, default=InvoiceState.DRAFT)
    number = models.PositiveIntegerField(null=True, blank=True, unique=True)
    credits = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="credit_notes"
    )
    # Cancelled in full by a credit note: the month may be invoiced again, correctly.
    credited = models.BooleanField(default=False)
    # Net (sum of the lines), VAT (per rate, see tax_groups) and the total payable.
    net = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    tax = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    created_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set when issued, in the client's time zone; a credit note has no due date.
    issue_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    # Who sold to whom, as it stood when the invoice was issued: a later edit of the
    # provider's or the client's details does not change an issued invoice.
    seller = models.JSONField(default=dict, blank=True)
    buyer = models.JSONField(default=dict, blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        db_table = "contracts_invoice"
        ordering = ["-period_start", "-id"]
        constraints = [
            # One draft or invoice per agreement and month in force; credit notes, and
            # invoices they cancelled, are extra.
            models.UniqueConstraint(
                fields=["agreement", "period_start"],
                condition=Q(**STANDING),
                name="one_invoice_per_month",
            )
        ]

    def __str__(self) -> str:
        return self.display_number

    @property
    def display_number(self) -> str:
        if self.number is None:
            return f"Draft {self.pk}"
        prefix = "CN" if self.credits_id else "INV"
        return f"{prefix}-{self.number:06d}"

    @property
    def is_credit_note(self) -> bool:
        return self.credits_id is not None


class InvoiceLineQuerySet(TenantQuerySet["InvoiceLine"]):
    organization_field = "invoice__organization"
    readers = ACCOUNT_READERS


class InvoiceLine(models.Model):
    """One line of an invoice, traceable to the tickets and time entries it bills."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=20)
    description = models.CharField(max_length=300)
    quantity = models.DecimalField(max_digits=10, decimal_places=2)
    unit = models.CharField(max_length=12)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    # The line's VAT as the agreement (or the client) set it when the line was written.
    tax_treatment = models.CharField(
        max_length=16, choices=TaxTreatment.choices, default=TaxTreatment.STANDARD
    )
    tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal("0.00"))
    tax_note = models.CharField(max_length=300, blank=True)
    tickets = models.ManyToManyField(Ticket, blank=True, related_name="+")
    time_entries = models.ManyToManyField(TimeEntry, blank=True, related_name="invoice_lines")

    objects = InvoiceLineQuerySet.as_manager()

    class Meta:
        db_table = "contracts_invoiceline"
        ordering = ["invoice", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def tax(self) -> Tax:
        return Tax(self.tax_treatment, self.tax_rate, self.tax_note)


class BlockAlert(models.Model):
    """That a client was told its block of hours reached a threshold this month (once)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    threshold = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "contracts_blockalert"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "month", "threshold"], name="block_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.month} {self.threshold}%"
