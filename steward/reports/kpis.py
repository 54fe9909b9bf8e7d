"""The KPI engine of the scorecard (DESIGN.md, Reports API): plain functions over a queryset
of tickets (one organization's, or everyone's) and a period's instants.

Counting happens in the database: conditional counts over the tickets' stored SLA columns,
distinct ticket ids over their status events. Only business time needs Python, and only the
two instants it is measured between are fetched for each ticket; a ticket's status events
are replayed only when it was paused or reopened (the others' resolution time is the plain
business time from opening to resolution).

Instants: `first` and `last` bound the period ([00:00 local on from, 24:00 local on to));
`end` is "the end" of DESIGN.md, the period's end or now, whichever is earlier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from django.db.models import Avg, Count, F, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce

from steward.accounts.models import Organization
from steward.desk.models import (
    ACTIVE_STATUSES,
    DONE_STATUSES,
    EventKind,
    Message,
    Status,
    Ticket,
    TicketEvent,
)
from steward.reports.models import Survey
from steward.sla.models import DEFAULT_PAUSE_STATUSES, BusinessCalendar, SlaPolicy

if TYPE_CHECKING:
    from steward.sla.clock import CompiledCalendar

MET, MISSED = "met", "missed"
ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")
DONE = [str(s) for s in DONE_STATUSES]
ACTIVE = [str(s) for s in ACTIVE_STATUSES]


class Kpi(NamedTuple):
    value: Decimal | None  # None: nothing to count
    n: int


def half_up(value: Decimal, places: Decimal = ONE_DECIMAL) -> Decimal:
    return value.quantize(places, ROUND_HALF_UP)


def percent(part: int, whole: int) -> Kpi:
    """100 x part / whole, half-up to one decimal; null over nothing."""
    if not whole:
        return Kpi(None, 0)
    return Kpi(half_up(Decimal(100) * part / whole), whole)


def median(values: Sequence[Decimal]) -> Decimal | None:
    """The middle value; of an even count, the mean of the two middle ones."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


# --- sla_compliance -------------------------------------------------------------------------


def first_response_outcome(t: Ticket, end: datetime) -> str | None:
    """met, missed, or None when undecided or withdrawn (resolved or closed before the
    target fell due without a response: the client withdrew it)."""
    due = t.first_response_due
    if due is None:
        return None
    if t.first_responded_at is not None:
        return MET if t.first_responded_at <= due else MISSED
    stopped = t.stopped_at
    if stopped is not None and stopped <= end:
        return MISSED if stopped > due else None  # a stopped clock stops; before due: withdrawn
    return MISSED if due < end else None


def resolution_outcome(t: Ticket, end: datetime) -> str | None:
    due = t.resolution_due
    if due is None:
        return None
    if t.resolved_at is not None:
        return MET if t.resolved_at <= due else MISSED
    return MISSED if due < end else None


def sla_compliance(tickets: Iterable[Ticket], end: datetime) -> Kpi:
    """Over tickets opened in the period: each decided first-response and resolution target
    counts once; value = 100 x met / counted, rounded half-up to one decimal. The rule for
    tickets in hand (one ticket's page); `sla_counts` is the same rule in SQL."""
    outcomes = [
        outcome
        for t in tickets
        for outcome in (first_response_outcome(t, end), resolution_outcome(t, end))
        if outcome is not None
    ]
    return percent(sum(1 for o in outcomes if o == MET), len(outcomes))


def sla_conditions(end: datetime) -> dict[str, Q]:
    """The outcomes of first_response_outcome and resolution_outcome as conditions on a
    ticket queryset annotated with `stop` (see `sla_counts`)."""
    responded = Q(first_responded_at__isnull=False)
    stopped = Q(status__in=DONE, stop__lte=end)
    fr_due = Q(first_response_due__isnull=False)
    resolved = Q(resolved_at__isnull=False)
    res_due = Q(resolution_due__isnull=False)
    return {
        "fr_met": fr_due & responded & Q(first_responded_at__lte=F("first_response_due")),
        "fr_missed": fr_due
        & (
            (responded & Q(first_responded_at__gt=F("first_response_due")))
            | (~responded & stopped & Q(stop__gt=F("first_response_due")))
            | (~responded & ~stopped & Q(first_response_due__lt=end))
        ),
        "res_met": res_due & resolved & Q(resolved_at__lte=F("resolution_due")),
        "res_missed": res_due
        & (
            (resolved & Q(resolved_at__gt=F("resolution_due")))
            | (~resolved & Q(resolution_due__lt=end))
        ),
    }


def with_stop(tickets: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """When a done ticket stopped its clocks (Ticket.stopped_at, in SQL)."""
    return tickets.annotate(stop=Coalesce("resolved_at", "closed_at", "updated_at"))


def sla_counts(opened: QuerySet[Ticket], end: datetime) -> dict[str, int]:
    conditions = sla_conditions(end)
    counts = with_stop(opened).aggregate(
        **{name: Count("pk", filter=condition) for name, condition in conditions.items()}
    )
    return {name: counts[name] or 0 for name in conditions}


def sla_from_counts(counts: dict[str, int]) -> Kpi:
    met = counts["fr_met"] + counts["res_met"]
    return percent(met, met + counts["fr_missed"] + counts["res_missed"])


# --- business time --------------------------------------------------------------------------


@dataclass
class Calendars:
    """Which business calendar measures each ticket (desk.actions.calendar_of: the policy's
    own, else the organization's, else round the clock), loaded once for a whole report."""

    policy_calendar: dict[int, int | None]
    org_calendar: dict[int, int | None]
    pauses: dict[int | None, frozenset[str]]  # per policy (None: the default list)
    compiled: dict[int, CompiledCalendar] = field(default_factory=dict)

    @classmethod
    def load(cls, org_ids: Iterable[int]) -> Calendars:
        policies = list(SlaPolicy.objects.only("pk", "calendar_id", "pause_statuses"))
        # Without a policy the tickets have no clock; the default list says what pauses.
        pauses: dict[int | None, frozenset[str]] = {None: frozenset(DEFAULT_PAUSE_STATUSES)}
        for p in policies:
            pauses[p.pk] = frozenset(s for s in Status.values if p.pauses("resolution", s))
        orgs = Organization.objects.filter(pk__in=list(org_ids)).values_list("pk", "calendar_id")
        return cls({p.pk: p.calendar_id for p in policies}, dict(orgs), pauses)

    def calendar_id(self, policy_id: int | None, org_id: int) -> int | None:
        """None: round the clock, where business time is elapsed time in any time zone."""
        own = self.policy_calendar.get(policy_id) if policy_id is not None else None
        return own if own is not None else self.org_calendar.get(org_id)

    def get(self, calendar_id: int) -> CompiledCalendar:
        if calendar_id not in self.compiled:
            self.compiled[calendar_id] = BusinessCalendar.objects.get(pk=calendar_id).compiled()
        return self.compiled[calendar_id]

    def seconds(self, calendar_id: int | None, a: datetime, b: datetime) -> float:
        if b <= a:
            return 0.0
        if calendar_id is None:
            return (b - a).total_seconds()
        return self.get(calendar_id).between(a, b) * 60


def _cumulative(cal: CompiledCalendar, epochs: np.ndarray) -> np.ndarray:
    """Working seconds from the calendar's table start to each instant (its `_cum_at`, over
    an array at once)."""
    count = len(cal.np_starts)
    i = np.searchsorted(cal.np_ends, epochs, side="right")
    j = np.minimum(i, count - 1)
    inside = cal.np_cum_start[j] + np.clip(epochs - cal.np_starts[j], 0, None)
    result: np.ndarray = np.where(i < count, inside, cal.np_cum_end[-1])
    return result


def business_seconds(
    calendars: Calendars, rows: Iterable[tuple[int | None, datetime, datetime]]
) -> list[float]:
    """Business seconds between each (calendar id, a, b), a calendar's rows in one go."""
    rows = list(rows)
    result = [0.0] * len(rows)
    by_calendar: dict[int | None, list[int]] = defaultdict(list)
    for index, (calendar_id, _a, _b) in enumerate(rows):
        by_calendar[calendar_id].append(index)
    for calendar_id, indexes in by_calendar.items():
        a = np.array([rows[i][1].timestamp() for i in indexes], dtype=np.float64)
        b = np.array([rows[i][2].timestamp() for i in indexes], dtype=np.float64)
        if calendar_id is None:
            seconds = b - a
        else:
            cal = calendars.get(calendar_id)
            seconds = _cumulative(cal, b) - _cumulative(cal, a)
        for i, s in zip(indexes, np.maximum(seconds, 0).tolist(), strict=True):
            result[i] = s
    return result


def _whole(seconds: float) -> Decimal:
    return Decimal(round(seconds))


def median_first_response_minutes(opened: QuerySet[Ticket], calendars: Calendars) -> Kpi:
    """Over tickets opened in the period with a first response: the median business minutes
    from opening to the first response, in each ticket's calendar."""
    rows = (
        opened.filter(first_responded_at__isnull=False)
        .order_by()
        .values_list("sla_policy_id", "organization_id", "created_at", "first_responded_at")
    )
    spans = [(calendars.calendar_id(p, o), a, b) for p, o, a, b in rows if b is not None]
    minutes = [_whole(s) / 60 for s in business_seconds(calendars, spans)]
    found = median(minutes)
    return Kpi(None if found is None else half_up(found), len(minutes))


def resolution_seconds(
    calendars: Calendars,
    calendar_id: int | None,
    pauses: frozenset[str],
    created_at: datetime,
    resolved_at: datetime,
    changes: Sequence[tuple[datetime, str]],
) -> float:
    """Business seconds from opening to resolution in which the resolution clock ran: not
    in a status that pauses it, nor between a resolution and a reopening."""
    total = 0.0
    status = str(Status.NEW)
    since = created_at
    for at, to in [*changes, (resolved_at, "")]:
        at = min(max(at, created_at), resolved_at)
        if status not in pauses and status not in DONE:
            total += calendars.seconds(calendar_id, since, at)
        status, since = to, at
    return total


def median_resolution_hours(opened: QuerySet[Ticket], calendars: Calendars) -> Kpi:
    """Over tickets opened in the period and resolved: the median business hours from
    opening to resolution less the time in statuses that pause resolution. Only tickets that
    entered such a status, or were reopened, have their status events replayed."""
    resolved = opened.filter(resolved_at__isnull=False)
    rows = [
        (pk, policy_id, org_id, created_at, resolved_at)
        for pk, policy_id, org_id, created_at, resolved_at in resolved.order_by().values_list(
            "pk", "sla_policy_id", "organization_id", "created_at", "resolved_at"
        )
        if resolved_at is not None
    ]
    if not rows:
        return Kpi(None, 0)
    pausing = sorted(set().union(*calendars.pauses.values()))
    # Grouped with a conditional count, not filtered: PostgreSQL then joins the tickets'
    # events through the ticket index instead of reading every status event's JSON.
    replayed = set(
        TicketEvent.objects.filter(ticket__in=resolved.values("pk"), kind=EventKind.STATUS)
        .order_by()
        .values("ticket_id")
        .annotate(
            n=Count(
                "pk",
                filter=Q(data__to__in=pausing) | Q(data__from__in=DONE, data__to__in=ACTIVE),
            )
        )
        .filter(n__gt=0)
        .values_list("ticket_id", flat=True)
    )
    changes: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    if replayed:
        # The new status as text from the database: decoding each event's whole JSON in
        # Python cost more than replaying it.
        events = TicketEvent.objects.filter(ticket_id__in=replayed, kind=EventKind.STATUS).annotate(
            to=KeyTextTransform("to", "data")
        )
        for ticket_id, at, to in events.order_by("at", "id").values_list("ticket_id", "at", "to"):
            changes[ticket_id].append((at, to or ""))
    plain = [r for r in rows if r[0] not in replayed]
    seconds = business_seconds(
        calendars, [(calendars.calendar_id(p, o), a, b) for _pk, p, o, a, b in plain]
    )
    for pk, policy_id, org_id, created_at, resolved_at in rows:
        if pk in replayed:
            seconds.append(
                resolution_seconds(
                    calendars,
                    calendars.calendar_id(policy_id, org_id),
                    calendars.pauses.get(policy_id, calendars.pauses[None]),
                    created_at,
                    resolved_at,
                    changes[pk],
                )
            )
    hours = [_whole(s) / 3600 for s in seconds]
    found = median(hours)
    return Kpi(None if found is None else half_up(found, TWO_DECIMALS), len(hours))


# --- resolutions: resolved, reopened, first contact -------------------------------------------


def could_be_resolved(
    tickets: QuerySet[Ticket], first: datetime, end: datetime
) -> list[QuerySet[Ticket]]:
    """The tickets that may have a resolution in the period, by their columns alone, as two
    sets that do not overlap: opened before the end and active (no resolution time), or last
    resolved (or closed) after the period began; a ticket done before it has no later
    resolution. Apart, each is a range of the index reports 0002 adds, so the organization's
    older tickets are not read at all."""
    before = tickets.filter(created_at__lt=end)
    return [before.filter(resolved_at__isnull=True), before.filter(resolved_at__gte=first)]


def resolved_and_reopened(
    candidates: QuerySet[Ticket], first: datetime, end: datetime
) -> dict[int, bool]:
    """The candidates with a status change to resolved in the period, each mapped to whether
    it was reopened before the end (a change from resolved or closed back to an active
    status). One grouped pass over the candidates' status events: a correlated subquery per
    ticket read each ticket's events again for every question."""
    rows = (
        TicketEvent.objects.filter(ticket__in=candidates.values("pk"), kind=EventKind.STATUS)
        .order_by()
        .values("ticket_id")
        .annotate(
            resolutions=Count("pk", filter=Q(data__to=Status.RESOLVED, at__gte=first, at__lt=end)),
            reopenings=Count("pk", filter=Q(data__from__in=DONE, data__to__in=ACTIVE, at__lt=end)),
        )
        .filter(resolutions__gt=0)
        .values_list("ticket_id", "reopenings")
    )
    return {ticket_id: reopenings > 0 for ticket_id, reopenings in rows}


def replied_more_than_once(candidates: QuerySet[Ticket], end: datetime) -> set[int]:
    """The candidates with more than one public message from provider staff before the end:
    they were not resolved at first contact."""
    return set(
        Message.objects.filter(
            ticket__in=candidates.values("pk"), by_staff=True, public=True, created_at__lt=end
        )
        .order_by()
        .values("ticket_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("ticket_id", flat=True)
    )


class Resolutions(NamedTuple):
    resolved: int
    reopened_percent: Kpi
    first_contact_resolution_percent: Kpi


def resolution_kpis(tickets: QuerySet[Ticket], first: datetime, end: datetime) -> Resolutions:
    """resolved (each ticket once however many times it was resolved in the period),
    reopened_percent and first_contact_resolution_percent: the events and messages of only
    the tickets that may have been resolved in the period are looked at."""
    resolved = reopened = first_contact = 0
    for candidates in could_be_resolved(tickets, first, end):
        found = resolved_and_reopened(candidates, first, end)
        if not found:
            continue
        chatty = replied_more_than_once(candidates, end)
        resolved += len(found)
        reopened += sum(1 for again in found.values() if again)
        first_contact += sum(1 for pk, again in found.items() if not again and pk not in chatty)
    return Resolutions(
        resolved,
        percent(reopened, resolved),
        percent(first_contact, resolved),
    )


# --- csat, backlog, breakdowns -----------------------------------------------------------------


class Csat(NamedTuple):
    value: Decimal | None
    n: int  # surveys answered
    sent: int
    response_rate: Decimal | None


def csat(surveys: QuerySet[Survey], first: datetime, end: datetime) -> Csat:
    """The mean rating of the surveys answered for tickets resolved in the period, and the
    answered share of those sent, in percent."""
    found = surveys.filter(resolved_at__gte=first, resolved_at__lt=end).aggregate(
        sent=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False, rating__isnull=False)),
        mean=Avg("rating", filter=Q(answered_at__isnull=False)),
    )
    sent, answered = found["sent"] or 0, found["answered"] or 0
    mean = None if not answered else half_up(Decimal(str(found["mean"])))
    return Csat(mean, answered, sent, percent(answered, sent).value)


def backlog(tickets: QuerySet[Ticket], end: datetime) -> int:
    """Tickets active at the end: opened before it and not resolved or closed by then (a
    ticket done after the end was still active at it). An active ticket has no resolution
    time and a done one has one (desk.sla), so the index on (organization, resolved_at) finds
    both without reading the tickets done before the end."""
    before = tickets.filter(created_at__lt=end)
    return (
        before.filter(resolved_at__isnull=True, status__in=ACTIVE).count()
        + before.filter(resolved_at__gte=end).count()
    )


def breakdown(opened: QuerySet[Ticket]) -> tuple[dict[str, int], dict[str, int]]:
    """Tickets opened by priority and by source, every choice present (0 when none)."""
    from steward.desk.models import Priority, Source

    by_priority = dict.fromkeys(Priority.values, 0)
    by_source = dict.fromkeys(Source.values, 0)
    for priority, source, n in (
        opened.order_by().values_list("priority", "source").annotate(n=Count("pk"))
    ):
        by_priority[priority] = by_priority.get(priority, 0) + n
        by_source[source] = by_source.get(source, 0) + n
    return by_priority, by_source


# --- everything for one window -------------------------------------------------------------------


@dataclass
class Measures:
    """The scorecard's KPIs for one period, as kpi key -> Kpi, plus the breakdowns."""

    kpis: dict[str, Kpi]
    response_rate: Decimal | None
    sent: int
    by_priority: dict[str, int]
    by_source: dict[str, int]


def scope(org: Organization | None) -> tuple[QuerySet[Ticket], QuerySet[Survey], list[int]]:
    """One organization's tickets and surveys, or everyone's (org None)."""
    if org is None:
        return (
            Ticket.objects.all(),
            Survey.objects.all(),
            list(Organization.objects.values_list("pk", flat=True)),
        )
    return (
        Ticket.objects.filter(organization=org),
        Survey.objects.filter(organization=org),
        [org.pk],
    )


def measure(org: Organization | None, first: datetime, last: datetime, end: datetime) -> Measures:
    """Every KPI of DESIGN.md for one organization (or all, org None) over [first, last),
    "the end" being `end`."""
    tickets, surveys, org_ids = scope(org)
    opened = tickets.filter(created_at__gte=first, created_at__lt=last)
    calendars = Calendars.load(org_ids)
    by_priority, by_source = breakdown(opened)
    done = resolution_kpis(tickets, first, end)
    satisfaction = csat(surveys, first, end)
    count = sum(by_priority.values())
    waiting = backlog(tickets, end)
    return Measures(
        kpis={
            "opened": Kpi(Decimal(count), count),
            "resolved": Kpi(Decimal(done.resolved), done.resolved),
            "backlog": Kpi(Decimal(waiting), waiting),
            "sla_compliance": sla_from_counts(sla_counts(opened, end)),
            "median_first_response_minutes": median_first_response_minutes(opened, calendars),
            "median_resolution_hours": median_resolution_hours(opened, calendars),
            "reopened_percent": done.reopened_percent,
            "first_contact_resolution_percent": done.first_contact_resolution_percent,
            "csat": Kpi(satisfaction.value, satisfaction.n),
        },
        response_rate=satisfaction.response_rate,
        sent=satisfaction.sent,
        by_priority=by_priority,
        by_source=by_source,
    )


def sla_by_organization(
    orgs: Iterable[Organization], first: datetime, last: datetime, end: datetime
) -> dict[int, Kpi]:
    """SLA compliance of each organization over the same instants, in one grouped query (the
    desk's list of clients)."""
    conditions = sla_conditions(end)
    rows = (
        with_stop(
            Ticket.objects.filter(
                organization__in=[o.pk for o in orgs], created_at__gte=first, created_at__lt=last
            )
        )
        .order_by()
        .values("organization_id")
        .annotate(**{name: Count("pk", filter=c) for name, c in conditions.items()})
    )
    found: dict[int, Kpi] = {}
    for row in rows:
        counts: dict[str, Any] = dict(row.items())
        found[counts["organization_id"]] = sla_from_counts(counts)
    return found
