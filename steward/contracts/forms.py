"""The agreement form: its terms, the services it covers and its KPI targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization
from steward.contracts.models import KPIS, TERM_FIELDS, Agreement, OrganizationTax, Service


class AgreementForm(forms.ModelForm[Agreement]):
    """The terms; each covered service is a checkbox with its monthly price."""

    note = forms.CharField(
        label=_("What changed and why (kept in the history)"), max_length=500, required=False
    )

    class Meta:
        model = Agreement
        # KPI targets are a field per KPI below, gathered into kpi_targets.
        fields = [
            "organization",
            "name",
            "starts",
            "ends",
            "sla_policy",
            *[name for name in TERM_FIELDS if name != "kpi_targets"],
        ]
        widgets = {
            "starts": forms.DateInput(attrs={"type": "date"}),
            "ends": forms.DateInput(attrs={"type": "date"}),
            "exclusions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.visible_to(user)  # type: ignore[attr-defined]
        if self.instance.pk:
            # Who the agreement is with and when it began are not terms: they do not change.
            del self.fields["organization"]
            del self.fields["starts"]
        covered = (
            {c.service_id: c.price for c in self.instance.covered.all()} if self.instance.pk else {}
        )
        self.services = list(Service.objects.filter(active=True))
        for service in self.services:
            self.fields[f"covers_{service.code}"] = forms.BooleanField(
                label=service.name, required=False, initial=service.pk in covered
            )
            self.fields[f"price_{service.code}"] = forms.DecimalField(
                label=_("%s per month") % service.name,
                required=False,
                min_value=Decimal(0),
                max_digits=12,
                decimal_places=2,
                initial=covered.get(service.pk, Decimal("0.00")),
            )
        targets = self.instance.kpi_targets if self.instance.pk else {}
        for key, kpi in KPIS.items():
            self.fields[f"kpi_{key}"] = forms.DecimalField(
                label=kpi.label,
                help_text=kpi.phrase("…"),
                required=False,
                min_value=kpi.low,
                max_value=kpi.high,
                max_digits=8,
                decimal_places=2,
                initial=targets.get(key),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # JSON numbers: whole targets as int, others as float (KPI targets are not money).
        data["kpi_targets"] = {
            key: int(value) if value == value.to_integral_value() else float(value)
            for key in KPIS
            if (value := data.get(f"kpi_{key}")) is not None
        }
        self.instance.kpi_targets = data["kpi_targets"]  # not a form field: set here
        return data

    def service_prices(self) -> dict[str, Decimal]:
        return {
            s.code: self.cleaned_data.get(f"price_{s.code}") or Decimal("0.00")
            for s in self.services
            if self.cleaned_data.get(f"covers_{s.code}")
        }

    def term_fields(self) -> list[Any]:
        return [f for f in self if not f.name.startswith(("covers_", "price_", "kpi_", "note"))]

    def kpi_fields(self) -> list[Any]:
        return [self[f"kpi_{key}"] for key in KPIS]

    def service_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"covers_{s.code}"], self[f"price_{s.code}"]) for s in self.services]


class OrganizationTaxForm(forms.ModelForm[OrganizationTax]):
    """How VAT applies to a client's invoices unless an agreement sets its own."""

    class Meta:
        model = OrganizationTax
        fields = ["treatment", "rate", "note"]
