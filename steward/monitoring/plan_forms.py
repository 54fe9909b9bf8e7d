"""The form of a preventive-maintenance plan on the desk."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, User
from steward.desk.models import Queue
from steward.monitoring.models import MaintenancePlan


class PlanForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("Organization")
    )
    name = forms.CharField(max_length=200, label=_("Name"))
    rrule = forms.CharField(
        max_length=500,
        label=_("Repeats (RRULE)"),
        help_text=_("For example FREQ=MONTHLY;BYDAY=1MO: the first Monday of every month."),
    )
    starts = forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        label=_("First occurrence"),
        help_text=_("In the organization's time zone; each occurrence keeps this time of day."),
    )
    checklist = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("Checklist"),
        help_text=_("One step per line."),
    )
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Assignee")
    )
    queue = forms.ModelChoiceField(queryset=Queue.objects.all(), required=False, label=_("Queue"))
    estimated_minutes = forms.IntegerField(
        min_value=1, max_value=100_000, initial=30, label=_("Estimated minutes")
    )
    active = forms.BooleanField(required=False, initial=True, label=_("Active"))

    def __init__(self, *args: Any, user: User, plan: MaintenancePlan | None = None, **kw: Any):
        if plan is not None and "initial" not in kw:
            tz = zoneinfo.ZoneInfo(plan.organization.timezone)
            kw["initial"] = {
                "organization": plan.organization_id,
                "name": plan.name,
                "rrule": plan.rrule,
                "starts": plan.starts.astimezone(tz).replace(tzinfo=None),
                "checklist": "\n".join(plan.checklist),
                "assignee": plan.assignee_id,
                "queue": plan.queue_id,
                "estimated_minutes": plan.estimated_minutes,
                "active": plan.active,
            }
        super().__init__(*args, **kw)
        org_field = self.fields["organization"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = Organization.objects.visible_to(user).order_by("name")
        if plan is not None:
            org_field.disabled = True
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ModelChoiceField)
        assignee.queryset = User.objects.staff().order_by("name")

    def clean_starts(self) -> datetime:
        # Naive here: placed in the organization's zone once the organization is known.
        value: datetime = self.cleaned_data["starts"]
        return value.replace(tzinfo=None)

    def steps(self) -> list[str]:
        text: str = self.cleaned_data.get("checklist", "")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def apply(self, plan: MaintenancePlan) -> None:
        data = self.cleaned_data
        if plan.pk is None:
            plan.organization = data["organization"]
        tz = zoneinfo.ZoneInfo(plan.organization.timezone)
        plan.name = data["name"]
        plan.rrule = data["rrule"]
        plan.starts = data["starts"].replace(tzinfo=tz)
        plan.checklist = self.steps()
        plan.assignee = data["assignee"]
        plan.queue = data["queue"]
        plan.estimated_minutes = data["estimated_minutes"]
        plan.active = data["active"]
