"""Forms of the time, scope, quote and invoice pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.lib.forms import within_years


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
