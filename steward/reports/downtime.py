"""Downtime and what it cost (DESIGN.md, Reports API, `value`): intervals from the monitoring
flips and from incidents that stopped the business, merged, with maintenance windows apart.

The rules, each chosen so that the report never overstates:

- A check is down from a flip to "down" until its next flip away from down, or the end (the
  period's end or now). Its status at the period's start is the `new` of its last flip
  before it (or, with none, the `old` of its first flip inside, as uptime.py reads it).
- An incident marked as stopping the business (`stops_business`, as the cost comparison of
  value.py counts outages) is down from its opening to its resolution (or its closing, or
  the end).
- Time inside a maintenance window is planned: a check's down time inside a window that
  covers it (a window naming no checks covers all the organization's), and an incident's
  inside a window naming no checks, is taken out and summed apart in `maintenance_minutes`.
- The intervals left are merged where they overlap or touch: the `downtime` list holds the
  merged intervals, each named by the interval that opened it (`source` and `check` or
  `ticket`) and listing every interval it holds in `merged`; `downtime_minutes` is their sum,
  so two checks down at the same time count once.
- The cost is the merged intervals' business hours (the organization's calendar; round the
  clock without one: nobody's work stops at 3 a.m. on a Sunday) x the people affected (the
  headcount, else the active portal accounts) x the organization's cost of an hour.
- Billed for fixes is the billable time logged on the tickets behind the downtime (the
  incidents, and the tickets the checks opened during their outages) at the agreement's
  rate, as the cost comparison prices work: industry studies put the repair at about 12% of
  an outage's cost, and the page shows the two apart.
- Caught early: incidents monitoring opened in the period with no incident reported by a
  person of the same organization in the hour before: the problem was on the desk before
  anybody had to call. (A person reporting an unrelated problem in that hour costs the count
  one: it errs on the side of not claiming.)
- Maintenance: the organization's plans' occurrences due in the period (plans.py's record);
  `planned` includes the ones still open.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from steward.accounts.models import Organization, User
from steward.billing.models import TimeEntry
from steward.contracts.models import Agreement
from steward.desk.models import Kind, Source, Ticket
from steward.lib.money import billable_minutes, hours, money
from steward.monitoring import plans, recurrence
from steward.monitoring.models import (
    Alert,
    Check,
    Flip,
    MaintenancePlan,
    MaintenanceWindow,
    Occurrence,
)
from steward.monitoring.plans import Record
from steward.reports.period import Period
from steward.sla.models import BusinessCalendar

# How long before a monitoring ticket a person's report makes it "not caught early".
EARLY = timedelta(hours=1)
# The rate value.py prices work at when the agreement names none.
DEFAULT_RATE = Decimal("90.00")
CHECK, TICKET = "check", "ticket"


@dataclass(frozen=True)
class Interval:
    """Down time of one check or one incident: [start, end)."""

    start: datetime
    end: datetime
    source: str  # "check" or "ticket"
    id: int
    ongoing: bool = False  # still down at the end

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass
class Span:
    """Merged down time: overlapping intervals of checks and incidents counted once."""

    start: datetime
    end: datetime
    parts: list[Interval]

    @property
    def first(self) -> Interval:
        return self.parts[0]

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    @property
    def ongoing(self) -> bool:
        return any(p.ongoing and p.end == self.end for p in self.parts)


@dataclass
class Downtime:
    """One organization's downtime over a period, with what the page shows besides the API."""

    org: Organization
    first: datetime
    end: datetime
    spans: list[Span]
    planned: list[Interval]  # down inside maintenance windows, per check or incident
    maintenance_time: timedelta
    business_hours: Decimal
    people: int
    people_source: str  # "headcount" or "accounts"
    hourly_cost: Decimal
    cost: Decimal
    billed: Decimal
    currency: str
    caught_early: list[Ticket]
    record: Record
    checks: dict[int, Check] = field(default_factory=dict)
    tickets: dict[int, Ticket] = field(default_factory=dict)

    @property
    def downtime(self) -> timedelta:
        return sum((s.length for s in self.spans), timedelta(0))


def minutes(td: timedelta) -> int:
    """Whole minutes, half a minute and more rounding up."""
    return int((td.total_seconds() + 30) // 60)


# Intervals


def check_intervals(
    org: Organization, first: datetime, end: datetime
) -> tuple[list[Interval], dict[int, Check]]:
    """Each check's down time within [first, end), from two queries: the checks with their
    status at `first` (their last flip before it), and the flips inside."""
    before = Flip.objects.filter(owner=OuterRef("pk"), at__lt=first).order_by("-at", "-id")
    after = Flip.objects.filter(owner=OuterRef("pk"), at__gte=first).order_by("at", "id")
    checks = {
        c.pk: c
        for c in Check.objects.filter(organization=org, created_at__lt=end)
        .annotate(
            status_before=Subquery(before.values("new")[:1]),
            # With no flip before: the status the first flip after left (uptime.py's rule).
            status_left=Subquery(after.values("old")[:1]),
        )
        .only("id", "name", "status", "organization_id")
    }
    flips: dict[int, list[tuple[datetime, str, str]]] = defaultdict(list)
    rows = (
        Flip.objects.filter(owner__organization=org, at__gte=first, at__lt=end)
        .order_by("owner_id", "at", "id")
        .values_list("owner_id", "at", "old", "new")
    )
    for owner, at, old, new in rows:
        flips[owner].append((at, old, new))
    found: list[Interval] = []
    for pk, check in checks.items():
        changes = flips.get(pk, [])
        status = check.status_before or check.status_left or check.status  # type: ignore[attr-defined]
        since = first if status == "down" else None
        for at, _old, new in changes:
            if since is None and new == "down":
                since = at
            elif since is not None and new != "down":
                if at > since:
                    found.append(Interval(since, at, CHECK, pk))
                since = None
        if since is not None and since < end:
            found.append(Interval(since, end, CHECK, pk, ongoing=True))
    return found, checks


def ticket_intervals(
    org: Organization, first: datetime, end: datetime
) -> tuple[list[Interval], dict[int, Ticket]]:
    """Incidents that stopped the business, from opening to resolution (or end), clipped."""
    rows = (
        Ticket.objects.filter(
            organization=org, kind=Kind.INCIDENT, stops_business=True, created_at__lt=end
        )
        .exclude(resolved_at__lt=first)
        .order_by("created_at", "id")
        # What the page shows of them: a ticket row is wide, and years of stops add up.
        .only("id", "number", "title", "status", "created_at", "resolved_at", "closed_at")
    )
    found: list[Interval] = []
    tickets: dict[int, Ticket] = {}
    for t in rows:
        ended = t.resolved_at or (t.closed_at if not t.is_open else None)
        if ended is not None and ended <= first:
            continue
        stop = min(ended, end) if ended is not None else end
        start = max(t.created_at, first)
        if stop > start:
            found.append(Interval(start, stop, TICKET, t.pk, ongoing=ended is None or ended > end))
            tickets[t.pk] = t
    return found, tickets


@dataclass(frozen=True)
class Window:
    """One occurrence of a maintenance window; `checks` empty: all of the organization's."""

    start: datetime
    end: datetime
    checks: frozenset[int]

    def covers(self, interval: Interval) -> bool:
        if interval.source == TICKET:
            return not self.checks
        return not self.checks or interval.id in self.checks


def windows(org: Organization, first: datetime, end: datetime) -> list[Window]:
    """The maintenance windows' occurrences overlapping [first, end), repeating ones expanded
    in the organization's time zone."""
    found = []
    for w in MaintenanceWindow.objects.filter(organization=org, starts__lt=end).prefetch_related(
        "checks"
    ):
        named = frozenset(c.pk for c in w.checks.all())
        try:
            for start, stop in recurrence.spans(
                w.starts, w.ends, w.rrule, org.timezone, first, end
            ):
                found.append(Window(start, stop, named))
        except recurrence.RecurrenceError:
            continue  # a rule saved before it was checked: it silenced nothing either
    return found


def split(interval: Interval, found: list[Window]) -> tuple[list[Interval], list[Interval]]:
    """The interval's pieces outside the windows that cover it, and those inside."""
    cuts = sorted(
        (max(w.start, interval.start), min(w.end, interval.end))
        for w in found
        if w.covers(interval) and w.start < interval.end and w.end > interval.start
    )
    outside: list[Interval] = []
    inside: list[Interval] = []
    cursor = interval.start
    for a, b in cuts:
        if a > cursor:
            outside.append(_piece(interval, cursor, a))
        if b > cursor:
            inside.append(_piece(interval, max(a, cursor), b))
            cursor = b
    if cursor < interval.end:
        outside.append(_piece(interval, cursor, interval.end))
    return outside, inside


def _piece(interval: Interval, start: datetime, end: datetime) -> Interval:
    ongoing = interval.ongoing and end == interval.end
    return Interval(start, end, interval.source, interval.id, ongoing)


def merge(intervals: Iterable[Interval]) -> list[Span]:
    """Overlapping or touching intervals as one span each, in order of start."""
    spans: list[Span] = []
    for i in sorted(intervals, key=lambda i: (i.start, i.end, i.source, i.id)):
        if spans and i.start <= spans[-1].end:
            spans[-1].end = max(spans[-1].end, i.end)
            spans[-1].parts.append(i)
        else:
            spans.append(Span(i.start, i.end, [i]))
    return spans


def union_length(intervals: Iterable[Interval]) -> timedelta:
    return sum((s.length for s in merge(intervals)), timedelta(0))


def outside(pieces: list[Interval], spans: list[Span]) -> timedelta:
    """The time of `pieces` (their union) that no span holds."""
    total = timedelta(0)
    for s in merge(pieces):
        left = s.length
        for d in spans:
            overlap = min(s.end, d.end) - max(s.start, d.start)
            if overlap > timedelta(0):
                left -= overlap
        total += left
    return total


# Money and people


def people(org: Organization) -> tuple[int, str]:
    """The people whose work stops: the headcount, else the active accounts (said so)."""
    if org.headcount is not None:
        return org.headcount, "headcount"
    return User.objects.filter(organization=org, is_active=True).count(), "accounts"


def business_hours(calendar: BusinessCalendar, spans: list[Span]) -> Decimal:
    compiled = calendar.compiled()
    total = sum((compiled.between(s.start, s.end) for s in spans), 0.0)
    return hours(int(round(total)))


def fix_tickets(org: Organization, intervals: list[Interval], first: datetime) -> set[int]:
    """The tickets behind the downtime: the incidents, and the tickets each check opened
    while it was down (an alert opened inside one of its intervals)."""
    ids = {i.id for i in intervals if i.source == TICKET}
    by_check: dict[int, list[Interval]] = defaultdict(list)
    for i in intervals:
        if i.source == CHECK:
            by_check[i.id].append(i)
    if by_check:
        alerts = Alert.objects.filter(owner_id__in=list(by_check), opened_at__gte=first)
        for owner, ticket, at in alerts.values_list("owner_id", "ticket_id", "opened_at"):
            if any(i.start <= at <= i.end for i in by_check[owner]):
                ids.add(ticket)
    return ids


def billed_for(ticket_ids: set[int], agreement: Agreement | None) -> Decimal:
    """The billable time on these tickets at the agreement's rate (value.py's pricing)."""
    if not ticket_ids:
        return money(0)
    rate = agreement.hourly_rate if agreement and agreement.hourly_rate else DEFAULT_RATE
    multiplier = agreement.out_of_hours_multiplier if agreement else Decimal("1.50")
    increment = agreement.increment_minutes if agreement else 15
    office = late = 0
    entries = TimeEntry.objects.done().filter(ticket_id__in=ticket_ids, billable=True)
    for logged, out_of_hours in entries.values_list("minutes", "out_of_hours"):
        if out_of_hours:
            late += billable_minutes(logged or 0, increment)
        else:
            office += billable_minutes(logged or 0, increment)
    return money(hours(office) * rate + hours(late) * rate * multiplier)


def caught_early(org: Organization, first: datetime, end: datetime) -> list[Ticket]:
    """Incidents monitoring opened in [first, end) that no person had reported in the hour
    before."""
    opened = list(
        Ticket.objects.filter(
            organization=org,
            kind=Kind.INCIDENT,
            source=Source.MONITORING,
            created_at__gte=first,
            created_at__lt=end,
        )
        .order_by("created_at", "id")
        # What the page lists of them (number, title, time): a whole row is wide.
        .only("id", "number", "title", "created_at")
    )
    if not opened:
        return []
    reported = sorted(
        Ticket.objects.filter(
            organization=org,
            kind=Kind.INCIDENT,
            created_at__gte=first - EARLY,
            created_at__lt=end,
        )
        .exclude(source__in=(Source.MONITORING, Source.MAINTENANCE))
        .order_by()  # sorted here: the model's default order would sort twice
        .values_list("created_at", flat=True)
    )
    early = []
    for t in opened:
        n = bisect_left(reported, t.created_at - EARLY)
        if n == len(reported) or reported[n] >= t.created_at:
            early.append(t)
    return early


def maintenance(org: Organization, first: datetime, end: datetime, now: datetime) -> Record:
    """The plans' occurrences due in [first, end) and what became of each, by plans.py's
    rules (a window that closes at the next occurrence, at most 7 days). Reads only the
    occurrences from `first` on, as plain values: plans.organization_record reads every
    occurrence ever with its ticket, which years of weekly plans make slow."""
    rows = (
        Occurrence.objects.filter(plan__organization=org, due_at__gte=first, due_at__lte=now)
        .order_by("plan_id", "due_at", "id")
        .values_list("plan_id", "due_at", "ticket_id", "ticket__resolved_at")
    )
    by_plan: dict[int, list[tuple[datetime, int | None, datetime | None]]] = defaultdict(list)
    for plan_id, due, ticket_id, resolved_at in rows:
        by_plan[plan_id].append((due, ticket_id, resolved_at))
    rules = {
        pk: (rule, starts)
        for pk, rule, starts in MaintenancePlan.objects.filter(pk__in=list(by_plan)).values_list(
            "pk", "rrule", "starts"
        )
    }
    found = []
    for plan_id, items in by_plan.items():
        for n, (due, ticket, resolved) in enumerate(items):
            if due >= end:
                break
            following = (
                items[n + 1][0]
                if n + 1 < len(items)
                else _after(*rules[plan_id], org.timezone, due)
            )
            closes = plans.window_end(due, following)
            if ticket is None:
                found.append(plans.SKIPPED)
            elif resolved is not None:
                found.append(plans.ON_TIME if resolved <= closes else plans.LATE)
            else:
                found.append(plans.OPEN if now <= closes else plans.LATE)
    return Record.of(found)


def _after(rule: str, starts: datetime, tz: str, due: datetime) -> datetime | None:
    """The plan's occurrence after `due`, by its rule as it stands (as plans.py reads it)."""
    try:
        return recurrence.next_occurrence(rule, starts, tz, due + plans.TICK)
    except recurrence.RecurrenceError:
        return None


# The report


def report(org: Organization, period: Period, now: datetime | None = None) -> Downtime:
    """Everything the page shows; value() is its API shape."""
    now = now or timezone.now()
    first = period.bounds(org.timezone)[0]
    end = period.end_or_now(org.timezone, now)
    end = max(end, first)  # a period in the future: nothing yet
    by_check, checks = check_intervals(org, first, end)
    by_ticket, tickets = ticket_intervals(org, first, end)
    found = sorted(windows(org, first, end), key=lambda w: w.start)
    starts = [w.start for w in found]
    longest = max((w.end - w.start for w in found), default=timedelta(0))
    counted: list[Interval] = []
    planned: list[Interval] = []
    for interval in by_check + by_ticket:
        # Only the windows that can reach it: a year of weekly windows against each outage
        # would otherwise be most of the report's time.
        near = found[
            bisect_left(starts, interval.start - longest) : bisect_left(starts, interval.end)
        ]
        out, inside = split(interval, near)
        counted += out
        planned += inside
    spans = merge(counted)
    agreement = Agreement.objects.filter(organization=org).order_by("-starts", "-pk").first()
    calendar = org.calendar or BusinessCalendar.always_open(tz=org.timezone)
    busy = business_hours(calendar, spans)
    n, source = people(org)
    record = maintenance(org, first, end, now)
    return Downtime(
        org=org,
        first=first,
        end=end,
        spans=spans,
        planned=sorted(planned, key=lambda i: (i.start, i.id)),
        maintenance_time=outside(planned, spans),
        business_hours=busy,
        people=n,
        people_source=source,
        hourly_cost=org.hourly_cost_per_user,
        cost=money(busy * n * org.hourly_cost_per_user),
        billed=billed_for(fix_tickets(org, by_check + by_ticket, first), agreement),
        currency=agreement.currency if agreement else "EUR",
        caught_early=caught_early(org, first, end),
        record=record,
        checks=checks,
        tickets=tickets,
    )


def _ref(i: Interval) -> dict[str, Any]:
    return {"source": i.source, i.source: i.id, "start": i.start, "end": i.end}


def as_value(d: Downtime) -> dict[str, Any]:
    return {
        "downtime_minutes": minutes(d.downtime),
        "downtime": [
            {
                "start": s.start,
                "end": s.end,
                "source": s.first.source,
                s.first.source: s.first.id,
                "ongoing": s.ongoing,
                "merged": [_ref(p) for p in s.parts],
            }
            for s in d.spans
        ],
        "maintenance_minutes": minutes(d.maintenance_time),
        "cost_of_downtime": d.cost,
        "billed_for_fixes": d.billed,
        "currency": d.currency,
        "caught_early": len(d.caught_early),
        "maintenance": {
            "planned": d.record.planned,
            "done_on_time": d.record.on_time,
            "late": d.record.late,
            "skipped": d.record.skipped,
        },
    }


def value(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The API's shape exactly: {"downtime_minutes", "downtime": [{"start", "end", "source",
    "check" | "ticket", "ongoing", "merged"}], "maintenance_minutes", "cost_of_downtime",
    "billed_for_fixes", "currency", "caught_early", "maintenance": {"planned",
    "done_on_time", "late", "skipped"}}; money as Decimal, datetimes as aware datetimes."""
    return as_value(report(org, period, now))
