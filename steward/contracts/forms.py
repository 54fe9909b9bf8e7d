"""Forms of the agreement, time and invoice pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization
from steward.contracts.models import KPIS, TERM_FIELDS, Agreement, Service

# Far outside any contract, 0001-01 and 9999-12 overflow as soon as a month is added or a
# time zone applied, which would be a 500: the forms refuse them, naming the field.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def within_years(value: date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class TimeForm(forms.Form):
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=1440)
    description = forms.CharField(label=_("What was done"), max_length=500)
    # Empty: the work just ended. Read in the viewer's time zone.
    started_at = forms.DateTimeField(
        label=_("Started"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[within_years],
    )
    billable = forms.BooleanField(label=_("Billable"), required=False, initial=True)


class TimerForm(forms.Form):
    description = forms.CharField(label=_("What you are doing"), max_length=500, required=False)


class ScopeForm(forms.Form):
    in_scope = forms.TypedChoiceField(
        label=_("Scope"),
        choices=[("1", _("In scope")), ("0", _("Out of scope"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class QuoteForm(forms.Form):
    description = forms.CharField(
        label=_("Work to be approved"), widget=forms.Textarea(attrs={"rows": 3})
    )
    hours = forms.DecimalField(
        label=_("Estimated hours"),
        required=False,
        min_value=Decimal("0.25"),
        max_digits=8,
        decimal_places=2,
    )
    fixed_price = forms.DecimalField(
        label=_("Or a fixed price"),
        required=False,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("hours") is None) == (data.get("fixed_price") is None) and not self.errors:
            raise forms.ValidationError(_("Give either an estimate of hours or a fixed price."))
        return data


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", "approve"), ("0", "decline")], coerce=lambda v: v == "1"
    )
    note = forms.CharField(required=False, max_length=500)


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        validators=[within_years],
    )

    def clean_month(self) -> date:
        month: date = self.cleaned_data["month"]
        return month.replace(day=1)


class CreditForm(forms.Form):
    reason = forms.CharField(label=_("Why is it credited?"), max_length=300)


def _this_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


class ComparisonForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        required=False,
        validators=[within_years],
    )
    end = forms.DateField(
        label=_("To"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        required=False,
        validators=[within_years],
    )
    break_fix_rate = forms.DecimalField(
        label=_("Break-fix rate per hour"),
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
    )
    managed_price_per_user = forms.DecimalField(
        label=_("Managed price per user and month"),
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
    )
    hourly_cost_per_user = forms.DecimalField(
        label=_("Cost of an hour of a person's work"),
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
    )
    affected_users = forms.IntegerField(
        label=_("People stopped by an outage"), required=False, min_value=0, max_value=100_000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class AgreementForm(forms.ModelForm):  # type: ignore[type-arg]
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
