"""The form of the cost comparison: the period and the assumptions, each optional."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.lib.forms import within_years


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
    users = forms.IntegerField(
        label=_("People working there"),
        required=False,
        min_value=0,
        max_value=100_000,
        help_text=_("Empty: the organization's headcount."),
    )
    affected_users = forms.IntegerField(
        label=_("People stopped by an outage"), required=False, min_value=0, max_value=100_000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data
