"""Forms of the desk's settings pages: business calendars, SLA policies, queues and routing."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import holidays
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization
from steward.contracts.models import Service
from steward.desk.models import Queue, RoutingRule, Source, Status
from steward.lib.formats import locale
from steward.lib.timezones import available_timezones
from steward.sla.models import (
    CLOCKS,
    DAYS,
    HHMM,
    PRIORITIES,
    BusinessCalendar,
    SlaPolicy,
    default_pause_statuses,
)

# Empty interval slots shown beyond a day's intervals: a second (or third) one is typed into
# the spare slot, no script needed.
SPARE_SLOTS = 1
MIN_SLOTS = 2
MAX_SLOTS = 8
DAY_NAMES = {
    "mon": _("Monday"),
    "tue": _("Tuesday"),
    "wed": _("Wednesday"),
    "thu": _("Thursday"),
    "fri": _("Friday"),
    "sat": _("Saturday"),
    "sun": _("Sunday"),
}
CLOCK_NAMES = {
    "first_response": _("First response"),
    "next_update": _("Next update"),
    "resolution": _("Resolution"),
}
PAUSABLE = (Status.WAITING_ON_CLIENT, Status.WAITING_ON_THIRD_PARTY)


def _time_input() -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "class": "form-control steward-hhmm",
            "placeholder": "--:--",
            "inputmode": "numeric",
            "maxlength": "5",
            "autocomplete": "off",
        }
    )


def _dates_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2027-12-24"}),
    )


def _parse_dates(text: str) -> list[str]:
    found: set[str] = set()
    for item in text.replace(",", "\n").split():
        try:
            found.add(date.fromisoformat(item.strip()).isoformat())
        except ValueError:
            raise ValidationError(
                _("%(value)s is not a date (YYYY-MM-DD).") % {"value": item[:20]}
            ) from None
    return sorted(found)


def country_choices() -> list[tuple[str, Any]]:
    """The countries the holidays package knows, named in the viewer's language."""
    names = locale().territories
    codes = holidays.list_supported_countries()
    choices = [(code, f"{names.get(code, code)} ({code})") for code in codes]
    return [("", _("No public holidays"))] + sorted(choices, key=lambda c: c[1])


class CalendarForm(forms.ModelForm[BusinessCalendar]):
    timezone = forms.ChoiceField(label=_("Time zone"))
    holiday_country = forms.ChoiceField(label=_("Public holidays of"), required=False)
    holiday_subdivision = forms.CharField(
        label=_("Region"),
        required=False,
        max_length=10,
        help_text=_("Optional: a region's code as the holidays package names it, e.g. ENG."),
    )
    closed_dates = _dates_field(
        _("Closed dates"), _("Days you are closed besides public holidays; one date a line.")
    )
    extra_working_dates = _dates_field(
        _("Make-up working days"),
        _("Days you work although the week or a holiday says closed; one date a line."),
    )

    class Meta:
        model = BusinessCalendar
        fields = ["name", "timezone", "holiday_country", "holiday_subdivision"]
        labels = {"name": _("Name")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [  # type: ignore[attr-defined]
            (z, z) for z in sorted(available_timezones())
        ]
        self.fields["holiday_country"].choices = country_choices()  # type: ignore[attr-defined]
        cal = self.instance
        if not self.is_bound:
            self.initial["closed_dates"] = "\n".join(cal.closed_dates)
            self.initial["extra_working_dates"] = "\n".join(cal.extra_working_dates)
        self.slots = self._slots(cal)
        for day in DAYS:
            for i in range(self.slots[day]):
                pair = cal.weekly.get(day, [])[i] if i < len(cal.weekly.get(day, [])) else None
                for end, label in ((0, _("from")), (1, _("to"))):
                    name = f"{day}_{i}_{'end' if end else 'start'}"
                    self.fields[name] = forms.CharField(
                        label=f"{DAY_NAMES[day]} {label}",
                        required=False,
                        max_length=5,
                        widget=_time_input(),
                        initial=pair[end] if pair else "",
                    )

    def _slots(self, cal: BusinessCalendar) -> dict[str, int]:
        slots = {}
        for day in DAYS:
            used = len(cal.weekly.get(day, []))
            if self.is_bound:
                used = max(
                    [i + 1 for i in range(MAX_SLOTS) if self.data.get(f"{day}_{i}_start")] or [0]
                )
            slots[day] = min(MAX_SLOTS, max(MIN_SLOTS, used + SPARE_SLOTS))
        return slots

    def days(self) -> list[tuple[str, Any, list[tuple[Any, Any]]]]:
        """Each day with its name and its (from, to) bound fields, for the template."""
        return [
            (
                day,
                DAY_NAMES[day],
                [
                    (self[f"{day}_{i}_start"], self[f"{day}_{i}_end"])
                    for i in range(self.slots[day])
                ],
            )
            for day in DAYS
        ]

    def clean_closed_dates(self) -> list[str]:
        return _parse_dates(self.cleaned_data["closed_dates"])

    def clean_extra_working_dates(self) -> list[str]:
        return _parse_dates(self.cleaned_data["extra_working_dates"])

    def clean_holiday_subdivision(self) -> str:
        return str(self.cleaned_data["holiday_subdivision"]).strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        weekly: dict[str, list[list[str]]] = {}
        for day in DAYS:
            pairs: list[tuple[str, str, str]] = []
            for i in range(self.slots[day]):
                start = (data.get(f"{day}_{i}_start") or "").strip()
                end = (data.get(f"{day}_{i}_end") or "").strip()
                if not start and not end:
                    continue
                bad = self._bad_times(day, i, start, end)
                if bad:
                    continue
                pairs.append((start, end, f"{day}_{i}_end"))
            pairs.sort()
            previous_end = ""
            for start, end, field in pairs:
                if start < previous_end:
                    self.add_error(
                        field,
                        _("%(day)s: %(start)s-%(end)s overlaps another interval.")
                        % {"day": DAY_NAMES[day], "start": start, "end": end},
                    )
                previous_end = max(previous_end, end)
            if pairs:
                weekly[day] = [[start, end] for start, end, _field in pairs]
        data["weekly"] = weekly
        # Not fields of the model form: set here, so the model's clean() sees them too.
        for key in ("weekly", "closed_dates", "extra_working_dates"):
            if key in data:
                setattr(self.instance, key, data[key])
        return data

    def _bad_times(self, day: str, i: int, start: str, end: str) -> bool:
        bad = False
        for side, value in (("start", start), ("end", end)):
            if not HHMM.match(value) or (side == "start" and value == "24:00"):
                self.add_error(
                    f"{day}_{i}_{side}",
                    _("%(day)s: %(value)s is not a time (HH:MM, e.g. 09:00).")
                    % {"day": DAY_NAMES[day], "value": value or "—"},
                )
                bad = True
        if not bad and start >= end:
            self.add_error(
                f"{day}_{i}_end",
                _("%(day)s: %(start)s-%(end)s ends before it starts.")
                % {"day": DAY_NAMES[day], "start": start, "end": end},
            )
            bad = True
        return bad

    def fingerprint(self) -> str:
        """What the preview showed: saving what was not previewed shows the preview again."""
        keys = [
            "name",
            "timezone",
            "holiday_country",
            "holiday_subdivision",
            "closed_dates",
            "extra_working_dates",
            "weekly",
        ]
        text = json.dumps({k: self.cleaned_data.get(k) for k in keys}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def _minutes_fields(priority: str, clock: str, minutes: int | None) -> dict[str, forms.Field]:
    hours, mins = divmod(minutes or 0, 60)
    required = clock != "next_update"
    attrs = {"class": "form-control", "min": "0"}
    return {
        f"{priority}_{clock}_h": forms.IntegerField(
            label=f"{priority} {CLOCK_NAMES[clock]} ({_('hours')})",
            min_value=0,
            max_value=24 * 366,
            required=False,
            initial=hours if minutes else ("" if not required else None),
            widget=forms.NumberInput(attrs={**attrs, "max": "8784"}),
        ),
        f"{priority}_{clock}_m": forms.IntegerField(
            label=f"{priority} {CLOCK_NAMES[clock]} ({_('minutes')})",
            min_value=0,
            max_value=59,
            required=False,
            initial=mins if minutes else "",
            widget=forms.NumberInput(attrs={**attrs, "max": "59"}),
        ),
    }


class PolicyForm(forms.ModelForm[SlaPolicy]):
    """Targets in hours and minutes (stored as business minutes), pauses, the warning."""

    class Meta:
        model = SlaPolicy
        fields = ["name", "calendar", "warning_percent"]
        labels = {
            "name": _("Name"),
            "calendar": _("Business calendar"),
            "warning_percent": _("Warning threshold, percent of a target"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        policy = self.instance
        calendar = self.fields["calendar"]
        calendar.empty_label = _("The client organization's calendar")  # type: ignore[attr-defined]
        calendar.help_text = _("Empty: each client's own calendar, else 24x7 in its time zone.")
        self.fields["warning_percent"].widget.attrs.update({"min": "1", "max": "99"})
        targets = policy.targets if policy.pk else {}
        for priority in PRIORITIES:
            for clock in CLOCKS:
                minutes = (targets.get(priority) or {}).get(clock)
                self.fields.update(_minutes_fields(priority, clock, minutes))
        pauses = policy.pause_statuses if policy.pk else default_pause_statuses()
        for clock in CLOCKS:
            if isinstance(pauses, list):
                initial = pauses if clock in ("resolution", "next_update") else []
            else:
                initial = pauses.get(clock, [])
            self.fields[f"pause_{clock}"] = forms.MultipleChoiceField(
                label=CLOCK_NAMES[clock],
                choices=[(s.value, s.label) for s in PAUSABLE],
                required=False,
                initial=initial,
                widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            )

    def grid(self) -> list[tuple[str, list[tuple[Any, Any, Any]]]]:
        """Per priority, per clock: (clock name, hours field, minutes field)."""
        return [
            (
                priority,
                [
                    (CLOCK_NAMES[c], self[f"{priority}_{c}_h"], self[f"{priority}_{c}_m"])
                    for c in CLOCKS
                ],
            )
            for priority in PRIORITIES
        ]

    def pause_fields(self) -> list[Any]:
        return [self[f"pause_{clock}"] for clock in CLOCKS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        targets: dict[str, dict[str, int]] = {}
        for priority in PRIORITIES:
            clocks: dict[str, int] = {}
            for clock in CLOCKS:
                hours, mins = data.get(f"{priority}_{clock}_h"), data.get(f"{priority}_{clock}_m")
                if f"{priority}_{clock}_h" in self.errors or f"{priority}_{clock}_m" in self.errors:
                    continue
                total = (hours or 0) * 60 + (mins or 0)
                if total:
                    clocks[clock] = total
                elif clock != "next_update":
                    self.add_error(
                        f"{priority}_{clock}_h",
                        _("%(p)s: a %(clock)s target of at least one minute.")
                        % {"p": priority, "clock": CLOCK_NAMES[clock]},
                    )
            targets[priority] = clocks
        data["targets"] = targets
        pauses = {clock: list(data.get(f"pause_{clock}") or []) for clock in CLOCKS}
        if not pauses["first_response"] and pauses["next_update"] == pauses["resolution"]:
            data["pause_statuses"] = pauses["resolution"]  # the usual, short form
        else:
            data["pause_statuses"] = pauses
        self.instance.targets = targets
        self.instance.pause_statuses = data["pause_statuses"]
        return data


class QueueForm(forms.ModelForm[Queue]):
    # Not a model field here: the one-default rule is kept by routing.make_default on saving.
    is_default = forms.BooleanField(
        label=_("Default queue"),
        required=False,
        help_text=_("New tickets that no routing rule places land here."),
    )

    class Meta:
        model = Queue
        fields = ["name", "email"]
        labels = {"name": _("Name"), "email": _("Notification email")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["is_default"].initial = self.instance.is_default

    def clean_is_default(self) -> bool:
        value = bool(self.cleaned_data["is_default"])
        if not value and self.instance.is_default:
            raise ValidationError(
                _("Make another queue the default instead: new tickets always need one.")
            )
        return value


class RuleForm(forms.ModelForm[RoutingRule]):
    class Meta:
        model = RoutingRule
        fields = ["position", "organization", "source", "service", "queue"]
        labels = {
            "position": _("Position"),
            "organization": _("Organization"),
            "source": _("Source"),
            "service": _("Service"),
            "queue": _("Queue"),
        }
        help_texts = {
            "position": _("Rules are tried from the lowest position; the first match wins.")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = self.fields["organization"]
        org.queryset = Organization.objects.order_by("name")  # type: ignore[attr-defined]
        org.empty_label = _("Any organization")  # type: ignore[attr-defined]
        service = self.fields["service"]
        service.queryset = Service.objects.all()  # type: ignore[attr-defined]
        service.empty_label = _("Any service")  # type: ignore[attr-defined]
        source = self.fields["source"]
        source.choices = [("", _("Any source")), *Source.choices]  # type: ignore[attr-defined]
        self.fields["queue"].empty_label = None  # type: ignore[attr-defined]
