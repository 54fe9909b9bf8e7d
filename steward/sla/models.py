"""Business calendars and SLA policies: the contract terms, free of tickets and organizations."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import holidays
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.lib.formats import weekday
from steward.lib.timezones import validate_timezone

# The clock imports numpy: it loads on the first SLA computation, not with the models.
if TYPE_CHECKING:
    from steward.sla.clock import CalendarSpec, CompiledCalendar

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PRIORITIES = ("P1", "P2", "P3", "P4")
CLOCKS = ("first_response", "next_update", "resolution")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")

# Years of public holidays compiled around today: far enough back for old tickets' explanations,
# far enough ahead for a 30-day resolution target opened in late December.
HOLIDAY_YEARS_BACK = 5  # as steward.sla.clock.YEARS_BACK
HOLIDAY_YEARS_AHEAD = 10

DEFAULT_MATRIX = {
    "high": {"high": "P1", "medium": "P2", "low": "P3"},
    "medium": {"high": "P2", "medium": "P3", "low": "P4"},
    "low": {"high": "P3", "medium": "P4", "low": "P4"},
}
# Statuses that stop the clocks. A plain list (the usual form) pauses the resolution and
# next-update clocks; an object says per clock, e.g. {"first_response": [...], ...}.
DEFAULT_PAUSE_STATUSES = ["waiting_on_client", "waiting_on_third_party"]
LIST_PAUSES = ("resolution", "next_update")


def validate_weekly(weekly: Any) -> None:
    if not isinstance(weekly, dict):
        raise ValidationError(
            _('Weekly hours must be an object like {"mon": [["09:00", "17:00"]]}.')
        )
    for day, intervals in weekly.items():
        if day not in DAYS:
            raise ValidationError(
                _("%(day)s is not a day; use mon, tue, wed, thu, fri, sat, sun.") % {"day": day}
            )
        if not isinstance(intervals, list):
            raise ValidationError(_("%(day)s: a list of [start, end] pairs.") % {"day": day})
        previous_end = ""
        for pair in intervals:
            if (
                not isinstance(pair, list | tuple)
                or len(pair) != 2
                or not all(isinstance(t, str) and _HHMM.match(t) for t in pair)
            ):
                raise ValidationError(
                    _('%(day)s: each interval is ["HH:MM", "HH:MM"].') % {"day": day}
                )
            start, end = pair
            if start == "24:00" or start >= end:
                raise ValidationError(
                    _("%(day)s: %(start)s-%(end)s ends before it starts.")
                    % {"day": day, "start": start, "end": end}
                )
            if start < previous_end:
                raise ValidationError(
                    _("%(day)s: intervals overlap or are out of order.") % {"day": day}
                )
            previous_end = end


def validate_dates(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("A list of dates (YYYY-MM-DD)."))
    for item in value:
        try:
            date.fromisoformat(item)
        except (TypeError, ValueError):
            raise ValidationError(
                _("%(value)s is not a date (YYYY-MM-DD).") % {"value": item}
            ) from None


def validate_holiday_country(country: str) -> None:
    if country and country not in holidays.list_supported_countries():
        raise ValidationError(
            _(
                "%(country)s is not a country the holidays package knows "
                "(ISO 3166 code, e.g. GR, CN, GB)."
            )
            % {"country": country}
        )


class BusinessCalendar(models.Model):
    """When a client is open for business: weekly hours, public holidays and custom dates."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    weekly = models.JSONField(_("weekly hours"), default=dict, validators=[validate_weekly])
    holiday_country = models.CharField(
        _("holiday country"), max_length=3, blank=True, validators=[validate_holiday_country]
    )
    holiday_subdivision = models.CharField(_("holiday subdivision"), max_length=10, blank=True)
    closed_dates = models.JSONField(
        _("closed dates"), default=list, blank=True, validators=[validate_dates]
    )
    extra_working_dates = models.JSONField(
        _("extra working dates"), default=list, blank=True, validators=[validate_dates]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.holiday_subdivision and not self.holiday_country:
            raise ValidationError({"holiday_subdivision": _("A subdivision needs a country.")})
        if self.holiday_country and self.holiday_subdivision:
            subdivisions = holidays.list_supported_countries().get(self.holiday_country, [])
            if self.holiday_subdivision not in subdivisions:
                raise ValidationError(
                    {
                        "holiday_subdivision": _("%(sub)s is not a subdivision of %(country)s.")
                        % {"sub": self.holiday_subdivision, "country": self.holiday_country}
                    }
                )

    @classmethod
    def always_open(cls, name: str = "24x7", tz: str = "UTC") -> BusinessCalendar:
        return cls(name=name, timezone=tz, weekly={d: [["00:00", "24:00"]] for d in DAYS})

    def public_holidays(self, years: range) -> dict[date, str]:
        if not self.holiday_country:
            return {}
        return _public_holidays(
            self.holiday_country, self.holiday_subdivision, years.start, years.stop
        )

    def spec(self) -> CalendarSpec:
        from steward.sla.clock import CalendarSpec  # lazy: numpy (see the top)

        this_year = timezone.now().year
        years = range(this_year - HOLIDAY_YEARS_BACK, this_year + HOLIDAY_YEARS_AHEAD + 1)
        closed = set(self.public_holidays(years))
        closed.update(date.fromisoformat(d) for d in self.closed_dates)
        return CalendarSpec(
            timezone=self.timezone,
            weekly={
                day: [tuple(pair) for pair in self.weekly.get(day, [])]
                for day in DAYS
                if self.weekly.get(day)
            },
            closed_dates=frozenset(closed),
            extra_working_dates=frozenset(date.fromisoformat(d) for d in self.extra_working_dates),
        )

    def compiled(self) -> CompiledCalendar:
        from steward.sla.clock import compile_calendar  # lazy: numpy (see the top)

        if self.pk is None:
            return compile_calendar(self.spec())
        return _compiled(self.pk, self.updated_at, self)

    def describe_hours(self) -> str:
        """`Mon-Fri 09:00-17:00` style summary for explanations."""
        groups: list[tuple[list[str], str]] = []
        for day in DAYS:
            hours = ", ".join(f"{a}-{b}" for a, b in self.weekly.get(day, []))
            if not hours:
                continue
            if (
                groups
                and groups[-1][1] == hours
                and DAYS.index(groups[-1][0][-1]) + 1 == DAYS.index(day)
            ):
                groups[-1][0].append(day)
            else:
                groups.append(([day], hours))
        parts = []
        for days, hours in groups:
            first, last = weekday(DAYS.index(days[0])), weekday(DAYS.index(days[-1]))
            label = first if len(days) == 1 else f"{first}-{last}"
            parts.append(f"{label} {hours}")
        return "; ".join(parts) or str(_("no working hours"))


@lru_cache(maxsize=64)
def _public_holidays(country: str, subdivision: str, first: int, stop: int) -> dict[date, str]:
    found = holidays.country_holidays(
        country, subdiv=subdivision or None, years=list(range(first, stop))
    )
    return dict(found.items())


@lru_cache(maxsize=256)
def _compiled(pk: int | None, updated_at: Any, calendar: BusinessCalendar) -> CompiledCalendar:
    # Keyed on the row's version so an edited calendar is recompiled, an unchanged one never.
    from steward.sla.clock import compile_calendar  # lazy: numpy (see the top)

    del pk, updated_at
    return compile_calendar(calendar.spec())


def validate_targets(targets: Any) -> None:
    if not isinstance(targets, dict) or not targets:
        raise ValidationError(
            _('Targets must be an object like {"P1": {"first_response": 30, "resolution": 240}}.')
        )
    for priority, clocks in targets.items():
        if priority not in PRIORITIES:
            raise ValidationError(
                _("%(p)s is not a priority; use P1, P2, P3 or P4.") % {"p": priority}
            )
        if not isinstance(clocks, dict):
            raise ValidationError(
                _("%(p)s: an object of business minutes per clock.") % {"p": priority}
            )
        for clock, minutes in clocks.items():
            if clock not in CLOCKS:
                raise ValidationError(
                    _("%(clock)s is not a clock; use first_response, next_update or resolution.")
                    % {"clock": clock}
                )
            if minutes is None and clock == "next_update":
                continue
            if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
                raise ValidationError(
                    _("%(p)s %(clock)s: a positive whole number of business minutes.")
                    % {"p": priority, "clock": clock}
                )
        for required in ("first_response", "resolution"):
            if required not in clocks:
                raise ValidationError(
                    _("%(p)s needs a %(clock)s target.") % {"p": priority, "clock": required}
                )


def default_pause_statuses() -> list[str]:
    return list(DEFAULT_PAUSE_STATUSES)


def validate_pause_statuses(value: Any) -> None:
    if isinstance(value, list):
        value = dict.fromkeys(LIST_PAUSES, value)
    if not isinstance(value, dict):
        raise ValidationError(
            _(
                'Pause statuses are a list like ["waiting_on_client"] or an object like '
                '{"resolution": ["waiting_on_client"]}.'
            )
        )
    for clock, statuses in value.items():
        if clock not in CLOCKS:
            raise ValidationError(_("%(clock)s is not a clock.") % {"clock": clock})
        if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
            raise ValidationError(_("%(clock)s: a list of statuses.") % {"clock": clock})


def validate_matrix(value: Any) -> None:
    levels = ("high", "medium", "low")
    if not isinstance(value, dict) or set(value) != set(levels):
        raise ValidationError(_("The priority matrix needs rows high, medium and low."))
    for row in value.values():
        if (
            not isinstance(row, dict)
            or set(row) != set(levels)
            or not all(p in PRIORITIES for p in row.values())
        ):
            raise ValidationError(_("Each matrix row maps high, medium and low to P1-P4."))


class SlaPolicy(models.Model):
    """Response and resolution targets per priority, in business minutes of a calendar."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    calendar = models.ForeignKey(
        BusinessCalendar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policies",
        verbose_name=_("calendar"),
        help_text=_("Empty: the client organization's calendar."),
    )
    targets = models.JSONField(_("targets"), validators=[validate_targets])
    pause_statuses = models.JSONField(
        _("pause statuses"),
        default=default_pause_statuses,
        blank=True,
        validators=[validate_pause_statuses],
    )
    # xgettext:no-python-format
    warning_percent = models.PositiveSmallIntegerField(_("warning at % of target"), default=80)
    matrix = models.JSONField(
        _("priority matrix"), default=dict, blank=True, validators=[validate_matrix]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.matrix:
            self.matrix = DEFAULT_MATRIX
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not 1 <= self.warning_percent <= 99:
            raise ValidationError({"warning_percent": _("Between 1 and 99.")})

    def targets_for(self, priority: str) -> dict[str, int]:
        """Business minutes per clock for a priority; clocks without a target are absent."""
        clocks = self.targets.get(priority, {})
        return {clock: minutes for clock, minutes in clocks.items() if minutes}

    def pauses(self, clock: str, status: str) -> bool:
        setting = self.pause_statuses
        if isinstance(setting, list):
            return clock in LIST_PAUSES and status in setting
        return status in setting.get(clock, [])

    def priority_for(self, impact: str, urgency: str) -> str:
        return priority_for(impact, urgency, self.matrix or DEFAULT_MATRIX)


def priority_for(impact: str, urgency: str, matrix: dict[str, dict[str, str]] | None = None) -> str:
    """Priority from impact x urgency by the matrix in DESIGN.md (or a policy's own)."""
    return (matrix or DEFAULT_MATRIX)[impact][urgency]
