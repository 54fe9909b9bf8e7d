"""Forms of the monitoring pages: the board's filters, a check of any kind, a maintenance
window. Each speaks a person's units (minutes, hours, a weekday) and hands the actions the
same input the API does."""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, User
from steward.desk.models import Level
from steward.lib import formats
from steward.lib.forms import within_years
from steward.lib.timezones import available_timezones
from steward.monitoring import actions, recurrence
from steward.monitoring.models import Check, Kind
from steward.vault.models import Asset

UNITS = [
    ("1", _("seconds")),
    ("60", _("minutes")),
    ("3600", _("hours")),
    ("86400", _("days")),
]
BOARD_STATUSES = [
    ("", _("Any status")),
    ("down", _("Down")),
    ("late", _("Late")),
    ("up", _("Up")),
    ("new", _("New")),
    ("paused", _("Paused")),
]
# The fields of the form that each kind of check reads (the rest are hidden for it).
KIND_FIELDS = {
    Kind.HEARTBEAT: ("schedule_mode", "period", "schedule", "tz", "grace"),
    Kind.HTTP: ("target", "interval", "timeout", "retries", "method", "status_codes",
                "contains", "not_contains", "max_ms", "follow_redirects"),
    Kind.TCP: ("target", "interval", "timeout", "retries"),
    Kind.TLS: ("target", "interval", "timeout", "retries", "days_left"),
    Kind.DNS: ("target", "interval", "timeout", "retries", "dns_values"),
    Kind.DOMAIN: ("target", "interval", "timeout", "retries", "days_left"),
}  # fmt: skip
# A CheckError names the API's field; the form's field of the same input.
ERROR_FIELDS = {"timezone": "tz", "keep_pings": None, "expect": None}


class BoardFilterForm(forms.Form):
    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
        label=_("Organization"),
    )
    status = forms.ChoiceField(choices=BOARD_STATUSES, required=False, label=_("Status"))
    kind = forms.ChoiceField(
        choices=[("", _("Any kind")), *Kind.choices], required=False, label=_("Kind")
    )
    tag = forms.ChoiceField(required=False, label=_("Tag"))

    def __init__(self, *args: Any, user: User, tags: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.visible_to(user)  # type: ignore[attr-defined]
        self.fields["tag"].choices = [("", _("Any tag")), *[(t, t) for t in tags]]  # type: ignore[attr-defined]


def _amount(label: Any, min_value: int = 1, **kwargs: Any) -> forms.IntegerField:
    """The number of a duration; its unit is the field of the same name + "_unit"."""
    return forms.IntegerField(
        label=label, required=False, min_value=min_value, max_value=10**7, **kwargs
    )


def _unit() -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=UNITS,
        required=False,
        initial="60",
        widget=forms.Select(attrs={"aria-label": _("Unit")}),
    )


CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})


def split(seconds: int) -> tuple[int, str]:
    """Seconds in the largest unit that holds them whole: 7200 -> (2, hours)."""
    for size in ("86400", "3600", "60"):
        if seconds and seconds % int(size) == 0:
            return seconds // int(size), size
    return seconds, "1"


DURATIONS = ("period", "grace", "interval", "reopen_within")


def _codes(text: str) -> list[int]:
    codes = []
    for part in re.split(r"[\s,;]+", text.strip()):
        if not part:
            continue
        if not (part.isascii() and part.isdigit() and 100 <= int(part) <= 599):
            raise forms.ValidationError(_("Give HTTP status codes from 100 to 599, e.g. 200, 301."))
        codes.append(int(part))
    return codes


class CheckForm(forms.Form):
    """A check of any kind; the fields of the other kinds are hidden and ignored."""

    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        label=_("Organization"),
        empty_label=_("Choose an organization"),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    impact = forms.ChoiceField(label=_("Impact"), choices=Level.choices, initial=Level.MEDIUM)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Level.choices, initial=Level.MEDIUM)
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=900,
        help_text=_("Separated by commas, e.g. backup, nas."),
    )
    # Heartbeat
    schedule_mode = forms.ChoiceField(
        label=_("Expected"),
        choices=[("period", _("Every so often")), ("cron", _("On a cron schedule"))],
        initial="period",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        required=False,
    )
    period = _amount(_("Every"), help_text=_("How often the job pings."))
    period_unit = _unit()
    schedule = forms.CharField(
        label=_("Cron expression"),
        required=False,
        max_length=100,
        help_text=_("Five fields: minute hour day month weekday, e.g. 0 2 * * * for 02:00."),
    )
    tz = forms.ChoiceField(label=_("Time zone of the schedule"), required=False)
    grace = _amount(
        _("Grace time"),
        help_text=_("How late a ping may be before the check is down and a ticket opens."),
    )
    grace_unit = _unit()
    # Active kinds
    target = forms.CharField(label=_("Target"), required=False, max_length=500)
    interval = _amount(_("Check every"))
    interval_unit = _unit()
    timeout = forms.IntegerField(
        label=_("Timeout (seconds)"), required=False, min_value=1, max_value=120, initial=10
    )
    retries = forms.IntegerField(
        label=_("Failures before down"),
        required=False,
        min_value=0,
        max_value=20,
        initial=0,
        help_text=_("Consecutive failures tolerated before the check goes down."),
    )
    method = forms.ChoiceField(
        label=_("Method"), choices=[(m, m) for m in actions.HTTP_METHODS], required=False
    )
    status_codes = forms.CharField(
        label=_("Expected status codes"),
        required=False,
        max_length=200,
        initial="200",
        help_text=_("Separated by commas; empty: any status below 400."),
    )
    contains = forms.CharField(label=_("The page must contain"), required=False, max_length=500)
    not_contains = forms.CharField(
        label=_("The page must not contain"), required=False, max_length=500
    )
    max_ms = forms.IntegerField(
        label=_("Slowest answer (ms)"), required=False, min_value=1, max_value=600_000
    )
    follow_redirects = forms.BooleanField(
        label=_("Follow redirects"), required=False, initial=True, widget=CHECKBOX
    )
    days_left = forms.IntegerField(
        label=_("Warn when fewer days are left than"),
        required=False,
        min_value=0,
        max_value=3650,
        initial=14,
    )
    dns_values = forms.CharField(
        label=_("Expected addresses or names"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas; empty: any answer."),
    )
    # Tickets
    auto_resolve = forms.BooleanField(
        label=_("Resolve its ticket when the check recovers"),
        required=False,
        initial=True,
        widget=CHECKBOX,
    )
    reopen_within = _amount(_("Reopen the last ticket if it fails again within"), min_value=0)
    reopen_within_unit = _unit()
    asset = forms.ModelChoiceField(
        Asset.objects.none(),
        label=_("Asset"),
        required=False,
        empty_label=_("None"),
        help_text=_("The client's asset it watches, if it is recorded."),
    )

    def __init__(self, *args: Any, user: User, check: Check | None = None, **kwargs: Any) -> None:
        self.check = check
        if check is not None:
            kwargs.setdefault("initial", initial_of(check))
        super().__init__(*args, **kwargs)
        # Fields of the other kinds are hidden: a browser must not insist on them.
        self.use_required_attribute = False
        self.fields["organization"].queryset = Organization.objects.visible_to(user)  # type: ignore[attr-defined]
        assets = Asset.objects.visible_to(user).select_related("organization")
        if check is not None:
            assets = assets.filter(organization_id=check.organization_id)
        self.fields["asset"].queryset = assets.order_by("organization__name", "name")  # type: ignore[attr-defined]
        self.fields["asset"].label_from_instance = _asset_label  # type: ignore[attr-defined]
        zones = sorted(available_timezones() | {"UTC"})
        self.fields["tz"].choices = [(z, z) for z in zones]  # type: ignore[attr-defined]
        if check is not None:
            # A check keeps its organization and its kind.
            del self.fields["organization"]
            self.fields["kind"].disabled = True
        else:
            self.fields["tz"].initial = timezone.get_current_timezone_name()
            for name, seconds in (
                ("period", 86400),
                ("grace", 3600),
                ("interval", 300),
                ("reopen_within", 3600),
            ):
                amount, unit = split(seconds)
                self.fields[name].initial = amount
                self.fields[f"{name}_unit"].initial = unit

    def kind_of(self) -> str:
        return str(self.check.kind if self.check else self["kind"].value() or Kind.HEARTBEAT)

    def clean_tags(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]

    def clean_status_codes(self) -> list[int]:
        return _codes(self.cleaned_data["status_codes"])

    def clean_dns_values(self) -> list[str]:
        return [v for v in re.split(r"[\s,;]+", self.cleaned_data["dns_values"]) if v]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in DURATIONS:
            if data.get(name) is not None:
                data[name] = data[name] * int(data.get(f"{name}_unit") or 1)
        kind = data.get("kind") or (self.check.kind if self.check else "")
        if kind == Kind.HEARTBEAT:
            cron = data.get("schedule_mode") == "cron"
            needed: tuple[str, ...] = ("grace", "schedule" if cron else "period")
        else:
            needed = ("target", "interval", "timeout", "retries")
        for name in needed:
            if name in self.fields and data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, _("This field is required."))
        if kind == Kind.HEARTBEAT and data.get("schedule_mode") == "cron" and data.get("schedule"):
            try:
                recurrence.check_cron(data["schedule"])
            except recurrence.RecurrenceError:
                self.add_error(
                    "schedule",
                    _(
                        "Not a cron expression Steward can run: five fields, minute hour day "
                        "month weekday, e.g. 30 2 * * 1-5."
                    ),
                )
        return data

    def to_input(self) -> actions.CheckInput:
        """The valid form as the actions take it: the chosen kind's settings only."""
        d = self.cleaned_data
        kind = self.kind_of()
        base = actions.input_of(self.check) if self.check else None
        data = actions.CheckInput(
            name=d["name"],
            kind=kind,
            impact=d["impact"],
            urgency=d["urgency"],
            tags=d["tags"],
            auto_resolve=d["auto_resolve"],
            reopen_within=d["reopen_within"] if d["reopen_within"] is not None else 3600,
            asset_id=d["asset"].pk if d.get("asset") else None,
        )
        if base is not None:
            data.keep_pings = base.keep_pings
        if kind == Kind.HEARTBEAT:
            cron = d["schedule_mode"] == "cron"
            data.schedule = d["schedule"] if cron else ""
            data.period = d["period"] or (base.period if base else 86400)
            data.tz = d["tz"] or "UTC"
            data.grace = d["grace"]
            return data
        data.target = d["target"]
        data.interval = d["interval"]
        data.timeout = d["timeout"]
        data.retries = d["retries"]
        expect: dict[str, object] = {}
        if kind == Kind.HTTP:
            expect["method"] = d["method"] or "GET"
            if d["status_codes"]:
                expect["status"] = d["status_codes"]
            for key in ("contains", "not_contains", "max_ms"):
                if d[key]:
                    expect[key] = d[key]
            expect["follow_redirects"] = d["follow_redirects"]
        elif kind in (Kind.TLS, Kind.DOMAIN) and d["days_left"] is not None:
            expect["days_left"] = d["days_left"]
        elif kind == Kind.DNS and d["dns_values"]:
            expect["values"] = d["dns_values"]
        data.expect = expect
        return data

    def refused(self, error: actions.CheckError) -> None:
        """Show the actions' refusal on the field it names."""
        name = ERROR_FIELDS.get(error.field, error.field)
        if name not in self.fields:
            name = None
        message = str(error)
        if error.field and message.startswith(f"{error.field}: "):
            message = message[len(error.field) + 2 :]
        self.add_error(name, message)


def _asset_label(asset: Asset) -> str:
    return f"{asset.name} ({asset.organization.code})"


def initial_of(check: Check) -> dict[str, Any]:
    """What the form shows for a check as it is."""
    expect = dict(check.expect)
    codes = expect.get("status") or []
    values = expect.get("values") or []
    return {
        "name": check.name,
        "kind": check.kind,
        "impact": check.impact,
        "urgency": check.urgency,
        "tags": ", ".join(check.tags),
        "asset": check.asset_id,
        "schedule_mode": "cron" if check.schedule else "period",
        **{
            key: value
            for name in DURATIONS
            for key, value in zip((name, f"{name}_unit"), split(getattr(check, name)), strict=True)
        },
        "schedule": check.schedule,
        "tz": check.tz,
        "target": check.target,
        "timeout": check.timeout,
        "retries": check.retries,
        "method": expect.get("method", "GET"),
        "status_codes": ", ".join(str(c) for c in codes) if isinstance(codes, list) else "",
        "contains": expect.get("contains", ""),
        "not_contains": expect.get("not_contains", ""),
        "max_ms": expect.get("max_ms"),
        "follow_redirects": expect.get("follow_redirects", True),
        "days_left": expect.get("days_left", 14),
        "dns_values": ", ".join(values) if isinstance(values, list) else "",
        "auto_resolve": check.auto_resolve,
    }


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time, naive: the window's organization says which zone it is in."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("validators", [within_years])
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(str(value).strip(), fmt)  # noqa: DTZ007 - wall clock
            except (ValueError, TypeError):
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class ChecksField(forms.ModelMultipleChoiceField[Check]):
    """Checks by id (as desk's ContactsField): an id no column holds is an invalid choice."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not re.fullmatch(r"[0-9]{1,18}", str(pk)):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


REPEATS = [
    ("", _("Once")),
    ("weekly", _("Every week, on")),
    ("monthly", _("Every month, on day")),
    ("rrule", _("By a rule (RFC 5545 RRULE)")),
]
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class WindowForm(forms.Form):
    """A maintenance window: once, or repeating by a preset or by an RRULE of one's own."""

    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        label=_("Organization"),
        empty_label=_("Choose an organization"),
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    starts = LocalDateTimeField(label=_("Starts"), help_text=_("In the organization's time zone."))
    ends = LocalDateTimeField(label=_("Ends"))
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEATS, required=False)
    weekday = forms.TypedChoiceField(label=_("Weekday"), coerce=int, required=False)
    monthday = forms.IntegerField(
        label=_("Day of the month"), min_value=1, max_value=31, required=False
    )
    rrule = forms.CharField(
        label=_("Rule"),
        max_length=500,
        required=False,
        help_text=_("e.g. FREQ=MONTHLY;BYDAY=1SA for the first Saturday of every month."),
    )
    checks = ChecksField(
        Check.objects.none(),
        label=_("Checks"),
        required=False,
        help_text=_("None chosen: every check of the organization."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False
        self.fields["organization"].queryset = Organization.objects.visible_to(user)  # type: ignore[attr-defined]
        checks = Check.objects.visible_to(user).select_related("organization")
        self.fields["checks"].queryset = checks  # type: ignore[attr-defined]
        self.fields["checks"].label_from_instance = lambda c: f"{c.organization.code} · {c.name}"  # type: ignore[attr-defined]
        self.fields["weekday"].choices = [  # type: ignore[attr-defined]
            (i, formats.weekday(i, width="wide")) for i in range(7)
        ]

    def rule(self) -> str:
        d = self.cleaned_data
        repeat = d.get("repeat") or ""
        if repeat == "weekly":
            day = d.get("weekday")
            index = day if isinstance(day, int) else d["starts"].weekday()
            return f"FREQ=WEEKLY;BYDAY={BYDAY[index]}"
        if repeat == "monthly":
            return f"FREQ=MONTHLY;BYMONTHDAY={d.get('monthday') or d['starts'].day}"
        if repeat == "rrule":
            return str(d.get("rrule") or "")
        return ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        org, starts = data.get("organization"), data.get("starts")
        if self.errors or org is None or starts is None:
            return data
        if data.get("repeat") == "rrule" and not data.get("rrule"):
            self.add_error("rrule", _("This field is required."))
            return data
        rule = self.rule()
        if re.search(r"FREQ=(SECONDLY|MINUTELY)", rule.upper()):
            self.add_error("rrule", _("A window repeats hourly at most often."))
        elif rule:
            try:
                recurrence.parse_rrule(rule, self._aware(starts), org.timezone)
            except recurrence.RecurrenceError:
                self.add_error(
                    "rrule" if data.get("repeat") == "rrule" else "repeat",
                    _("Not a rule Steward can repeat: e.g. FREQ=WEEKLY;BYDAY=SU."),
                )
        for name in ("checks",):
            wrong = [c for c in data.get(name) or [] if c.organization_id != org.pk]
            if wrong:
                self.add_error(name, _("Choose checks of the organization only."))
        return data

    def _aware(self, wall: datetime) -> datetime:
        org = self.cleaned_data["organization"]
        return wall.replace(tzinfo=zoneinfo.ZoneInfo(org.timezone))

    def to_input(self) -> actions.WindowInput:
        d = self.cleaned_data
        return actions.WindowInput(
            starts=self._aware(d["starts"]),
            ends=self._aware(d["ends"]),
            rrule=self.rule(),
            reason=d.get("reason") or "",
            checks=[c.pk for c in d.get("checks") or []],
        )

    def refused(self, error: actions.CheckError) -> None:
        name = error.field if error.field in self.fields else None
        message = str(error)
        if error.field and message.startswith(f"{error.field}: "):
            message = message[len(error.field) + 2 :]
        if name == "rrule" and self.cleaned_data.get("repeat") != "rrule":
            name = "repeat"
        self.add_error(name, message)
