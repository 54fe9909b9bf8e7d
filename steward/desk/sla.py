"""The SLA clock applied to a ticket: due times derived from its events, with explanations.

Rules (docs/sla.md explains them to users):
- first_response runs from opening until the first public reply by provider staff;
- next_update restarts at every public staff reply and stops at resolution;
- resolution runs from opening until resolved or closed, resumes on reopen;
- a clock pauses while the status is in the policy's pause list for that clock;
- a priority change re-derives every target from the opening time with the new priority.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from django.utils.translation import gettext as _

from steward.desk.models import Status
from steward.lib.formats import format_datetime, format_duration
from steward.sla.models import BusinessCalendar, SlaPolicy

# Annotations only: the clock imports numpy, which loads on the first SLA computation.
if TYPE_CHECKING:
    from steward.sla.clock import CompiledCalendar

CLOCK_LABELS = {
    "first_response": "First response",
    "next_update": "Next update",
    "resolution": "Resolution",
}
DONE = ("resolved", "closed")


@dataclass(frozen=True)
class Change:
    """What the clock needs to know of one ticket event."""

    at: datetime
    kind: str  # "created", "status", "staff_reply"
    status: str = ""


@dataclass
class Clock:
    name: str
    target: int
    elapsed: float = 0.0  # business minutes used in finished active segments
    segment_start: datetime | None = None  # set while running and not paused
    started_at: datetime | None = None
    paused_since: datetime | None = None
    paused_for: timedelta = field(default_factory=timedelta)
    pause_status: str = ""
    stopped_at: datetime | None = None
    due: datetime | None = None
    warn_at: datetime | None = None
    breached: bool = False
    # A first response the client withdrew: the ticket was resolved or closed before the
    # target fell due, without one. Neither met nor missed (DESIGN.md, sla_compliance).
    withdrawn: bool = False

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.stopped_at is None

    @property
    def paused(self) -> bool:
        return self.running and self.segment_start is None


@dataclass
class SlaState:
    clocks: dict[str, Clock]
    calendar: BusinessCalendar
    priority: str
    opened_at: datetime
    first_responded_at: datetime | None = None
    resolved_at: datetime | None = None

    def due(self, name: str) -> datetime | None:
        clock = self.clocks.get(name)
        return clock.due if clock else None

    @property
    def paused(self) -> bool:
        return any(c.paused for c in self.clocks.values())

    @property
    def breached(self) -> list[str]:
        return [name for name, c in self.clocks.items() if c.breached]

    @property
    def earliest_due(self) -> datetime | None:
        dues = [c.due for c in self.clocks.values() if c.running and not c.paused and c.due]
        return min(dues) if dues else None


class SlaEngine:
    """Replays a ticket's changes over a policy and calendar; pure apart from reading them."""

    def __init__(self, policy: SlaPolicy, calendar: BusinessCalendar) -> None:
        self.policy = policy
        self.calendar = calendar
        self.cal: CompiledCalendar = calendar.compiled()

    def run(self, priority: str, changes: Sequence[Change], now: datetime) -> SlaState:
        targets = self.policy.targets_for(priority)
        # In a fixed order: PostgreSQL's jsonb does not keep the keys in the order written.
        clocks = {name: Clock(name, targets[name]) for name in CLOCK_LABELS if name in targets}
        opened_at = changes[0].at
        state = SlaState(clocks, self.calendar, priority, opened_at)
        status = "new"
        for change in changes:
            if change.kind == "created":
                for name in ("first_response", "resolution"):
                    if name in clocks:
                        self._start(clocks[name], change.at, status)
            elif change.kind == "staff_reply":
                self._staff_reply(state, change.at, status)
            elif change.kind == "status":
                self._status(state, status, change.status, change.at)
                status = change.status
        for clock in clocks.values():
            self._settle(clock, now)
        return state

    def _start(self, clock: Clock, at: datetime, status: str) -> None:
        clock.started_at = at
        clock.stopped_at = None
        clock.elapsed = 0.0
        clock.paused_for = timedelta()
        clock.paused_since = None
        clock.segment_start = at
        if self.policy.pauses(clock.name, status):
            self._pause(clock, at, status)

    def _pause(self, clock: Clock, at: datetime, status: str) -> None:
        if clock.segment_start is not None:
            clock.elapsed += self.cal.between(clock.segment_start, at)
            clock.segment_start = None
            clock.paused_since = at
            clock.pause_status = status

    def _resume(self, clock: Clock, at: datetime) -> None:
        if clock.segment_start is None and clock.paused_since is not None:
            clock.paused_for += at - clock.paused_since
            clock.paused_since = None
            clock.segment_start = at

    def _stop(self, clock: Clock, at: datetime) -> None:
        if not clock.running:
            return
        if clock.segment_start is not None:
            clock.due = self._due(clock, clock.segment_start, 0.0)
            clock.elapsed += self.cal.between(clock.segment_start, at)
        elif clock.paused_since is not None:
            clock.paused_for += at - clock.paused_since
            clock.paused_since = None
        clock.segment_start = None
        clock.stopped_at = at
        clock.breached = clock.elapsed > clock.target

    def _staff_reply(self, state: SlaState, at: datetime, status: str) -> None:
        clocks = state.clocks
        if state.first_responded_at is None:
            state.first_responded_at = at
            if "first_response" in clocks:
                self._stop(clocks["first_response"], at)
        if "next_update" in clocks and status not in DONE:
            self._start(clocks["next_update"], at, status)

    def _status(self, state: SlaState, old: str, new: str, at: datetime) -> None:
        clocks = state.clocks
        if new in DONE and old not in DONE:
            if new == "resolved" or state.resolved_at is None:
                state.resolved_at = at
            first = clocks.get("first_response")
            unanswered = first is not None and first.running and state.first_responded_at is None
            for clock in clocks.values():
                self._stop(clock, at)
            if unanswered and first is not None and not first.breached:
                first.withdrawn = True
            return
        if old in DONE and new not in DONE:
            state.resolved_at = None
            resolution = clocks.get("resolution")
            if resolution is not None and resolution.stopped_at is not None:
                # Reopened: the resolution clock continues from what was already used.
                resolution.stopped_at = None
                resolution.breached = False
                resolution.segment_start = at
            if "next_update" in clocks and state.first_responded_at is not None:
                self._start(clocks["next_update"], at, new)
            if resolution is not None and self.policy.pauses("resolution", new):
                self._pause(resolution, at, new)
            return
        for clock in clocks.values():
            if not clock.running:
                continue
            if self.policy.pauses(clock.name, new):
                self._pause(clock, at, new)
            else:
                self._resume(clock, at)

    def _due(self, clock: Clock, start: datetime, used: float) -> datetime:
        return self.cal.add(start, max(clock.target - clock.elapsed - used, 0))

    def _settle(self, clock: Clock, now: datetime) -> None:
        if clock.stopped_at is not None or clock.started_at is None:
            return
        if clock.segment_start is None:
            clock.due = None
            clock.breached = clock.elapsed > clock.target
            return
        clock.due = self._due(clock, clock.segment_start, 0.0)
        warn_minutes = clock.target * self.policy.warning_percent / 100
        if warn_minutes > clock.elapsed:
            clock.warn_at = self.cal.add(clock.segment_start, warn_minutes - clock.elapsed)
        else:
            clock.warn_at = clock.segment_start
        clock.breached = now > clock.due


def changes_from_events(events: Iterable[tuple[datetime, str, dict[str, object]]]) -> list[Change]:
    """Turn (at, kind, data) ticket events into the clock's changes, in order."""
    changes: list[Change] = []
    for at, kind, data in events:
        if kind == "created":
            changes.append(Change(at, "created"))
        elif kind == "status":
            changes.append(Change(at, "status", str(data.get("to", ""))))
        elif kind == "message" and data.get("public") and data.get("by_staff"):
            changes.append(Change(at, "staff_reply"))
    return changes


def _when(dt: datetime, tz: str) -> str:
    return format_datetime(dt, "yMMMEd", tz=tz)


def explain(state: SlaState, tz_label: str | None = None) -> list[str]:
    """One plain-language sentence per clock saying how its due time was reached."""
    tz = state.calendar.timezone
    tz_label = tz_label or tz
    hours = state.calendar.describe_hours()
    cal_name = state.calendar.name
    lines = []
    for name, clock in state.clocks.items():
        label = _(CLOCK_LABELS[name])
        target = format_duration(clock.target)
        start = clock.started_at
        if start is None:
            lines.append(
                _("%(clock)s: not started (starts with the first public reply).") % {"clock": label}
            )
            continue
        base = {
            "clock": label,
            "target": target,
            "priority": state.priority,
            "start": _when(start, tz),
            "tz": tz_label,
            "hours": hours,
            "cal": cal_name,
            "paused": format_duration(clock.paused_for),
        }
        if clock.stopped_at is not None:
            base["stop"] = _when(clock.stopped_at, tz)
            base["used"] = format_duration(clock.elapsed)
            if clock.withdrawn:
                text = _(
                    "%(clock)s not needed: the ticket was resolved or closed at %(stop)s "
                    "%(tz)s, before it fell due; not counted as met or missed."
                )
            elif clock.breached:
                text = _(
                    "%(clock)s missed: %(used)s of business time used by %(stop)s "
                    "%(tz)s, target %(target)s for %(priority)s."
                )
            else:
                text = _(
                    "%(clock)s met at %(stop)s %(tz)s: %(used)s of business time used, "
                    "target %(target)s for %(priority)s."
                )
            lines.append(text % base)
            continue
        if clock.due is None:
            base["since"] = _when(clock.paused_since or start, tz)
            base["used"] = format_duration(clock.elapsed)
            base["status"] = (
                str(Status(clock.pause_status).label)
                if clock.pause_status in Status.values
                else clock.pause_status
            )
            lines.append(
                _(
                    "%(clock)s paused since %(since)s %(tz)s (%(status)s): %(used)s "
                    "of %(target)s used; the clock resumes when the ticket leaves that "
                    "status."
                )
                % base
            )
            continue
        base["due"] = _when(clock.due, tz)
        text = _(
            "%(clock)s due %(due)s %(tz)s: %(target)s of business time for "
            "%(priority)s from %(start)s, counted in %(cal)s hours (%(hours)s)"
        )
        if clock.paused_for:
            text += _(", paused %(paused)s")
        lines.append((text + ".") % base)
    return lines


# --- what the reports count, kept on the ticket's row ------------------------------------------


@dataclass
class Facts:
    """What the scorecard counts of a ticket's history, derived from the same changes as its
    clocks and stored on its row (Ticket.resolutions and the columns after it), so that a
    report over a quarter reads tickets, not their events."""

    resolutions: int = 0  # changes to `resolved`
    first_resolved_at: datetime | None = None
    last_resolved_at: datetime | None = None
    reopened_at: datetime | None = None  # the first change from done back to active
    second_reply_at: datetime | None = None  # the second public reply by provider staff
    # Business seconds in which the resolution clock ran, from opening to the last time the
    # ticket was done (not in a status that pauses it, nor between a resolution and a
    # reopening); None while the ticket is active, or without a calendar to measure it in.
    resolution_seconds: int | None = None


FACTS = [f.name for f in fields(Facts)]  # their columns on Ticket


class Between(Protocol):
    """What business time is measured in: a compiled calendar, or elapsed time."""

    def between(self, a: datetime, b: datetime) -> float:
        """Business minutes from a to b."""
        ...


def facts_of(changes: Sequence[Change], cal: Between | None, pauses: Iterable[str]) -> Facts:
    """The Facts of a ticket from its changes in order; `cal` and `pauses` (the statuses that
    pause its resolution clock) measure resolution_seconds, None leaves it unknown."""
    facts = Facts()
    stopped = frozenset(pauses) | set(DONE)  # the statuses in which the clock does not run
    replies: list[datetime] = []
    status, since = "new", None
    seconds = 0.0
    for change in changes:
        if change.kind == "created":
            since = change.at
        elif change.kind == "staff_reply":
            replies.append(change.at)
        elif change.kind == "status":
            new = change.status
            if since is not None:
                if cal is not None and status not in stopped and change.at > since:
                    seconds += cal.between(since, change.at) * 60
                since = change.at
            if new == "resolved":
                facts.resolutions += 1
                facts.first_resolved_at = facts.first_resolved_at or change.at
                facts.last_resolved_at = change.at
            if status in DONE and new not in DONE and facts.reopened_at is None:
                facts.reopened_at = change.at
            status = new
    if len(replies) > 1:
        facts.second_reply_at = replies[1]
    if cal is not None and status in DONE and since is not None:
        facts.resolution_seconds = round(seconds)
    return facts
