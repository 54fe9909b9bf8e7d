"""Agreements between the provider and a client organization (minimal; billing comes later)."""

from __future__ import annotations

from datetime import date
from typing import Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, TenantQuerySet


class AgreementQuerySet(TenantQuerySet["Agreement"]):
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
