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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from django.db import connections
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce

from steward.accounts.models import Organization
from steward.desk.models import (
    ACTIVE_STATUSES,
    DONE_STATUSES,
    EventKind,
    Message,
    Priority,
    Source,
    Status,
    Ticket,
    TicketEvent,
)
from steward.desk.sla import Between, Change, facts_of
from steward.reports.models import Survey
from steward.sla.models import DEFAULT_PAUSE_STATUSES, BusinessCalendar, SlaPolicy

if TYPE_CHECKING:
    from steward.sla.clock import CompiledCalendar

MET, MISSED = "met", "missed"
ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")
DONE = [str(s) for s in DONE_STATUSES]
ROUND_THE_CLOCK = -1  # Calendars.ids: no calendar, business time is elapsed time
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
    tickets in hand (one ticket's page); `opened_counts` counts the same rule in SQL."""
    outcomes = [
        outcome
        for t in tickets
        for outcome in (first_response_outcome(t, end), resolution_outcome(t, end))
        if outcome is not None
    ]
    return percent(sum(1 for o in outcomes if o == MET), len(outcomes))


def sla_conditions(end: datetime) -> dict[str, Q]:
    """The outcomes of first_response_outcome and resolution_outcome as conditions on a
    ticket queryset annotated with `stop` (see `opened_counts`)."""
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

    def ids(self, policies: Sequence[int | None], orgs: Sequence[int]) -> np.ndarray:
        """calendar_id of each (policy, organization) pair, ROUND_THE_CLOCK for None."""
        found = {}
        for pair in set(zip(policies, orgs, strict=True)):
            calendar_id = self.calendar_id(*pair)
            found[pair] = ROUND_THE_CLOCK if calendar_id is None else calendar_id
        if len(set(found.values())) == 1:  # one calendar for all (usual): no lookup per row
            return np.full(len(policies), next(iter(found.values())), dtype=np.int64)
        return np.array([found[pair] for pair in zip(policies, orgs, strict=True)], dtype=np.int64)

    def get(self, calendar_id: int) -> CompiledCalendar:
        if calendar_id not in self.compiled:
            self.compiled[calendar_id] = BusinessCalendar.objects.get(pk=calendar_id).compiled()
        return self.compiled[calendar_id]

    def measure(self, calendar_id: int | None) -> Between:
        """What business time is measured in for one calendar id (None: round the clock)."""
        return ELAPSED if calendar_id is None else self.get(calendar_id)


class Elapsed:
    """Round the clock: business time is elapsed time, in any time zone and any year."""

    def between(self, a: datetime, b: datetime) -> float:
        return (b - a).total_seconds() / 60


ELAPSED = Elapsed()


def _cumulative(cal: CompiledCalendar, epochs: np.ndarray) -> np.ndarray:
    """Working seconds from the calendar's table start to each instant (its `_cum_at`, over
    an array at once)."""
    count = len(cal.np_starts)
    i = np.searchsorted(cal.np_ends, epochs, side="right")
    j = np.minimum(i, count - 1)
    inside = cal.np_cum_start[j] + np.clip(epochs - cal.np_starts[j], 0, None)
    result: np.ndarray = np.where(i < count, inside, cal.np_cum_end[-1])
    return result


class Epoch(Func):
    """Seconds since 1970 of a datetime column, as a float: building a Python datetime for
    each of a quarter's tickets cost more than measuring their business time. SQLite holds
    the UTC text: its whole seconds from unixepoch() (strftime before 3.38), the
    microseconds from the text's end (julianday() would keep milliseconds only)."""

    output_field = FloatField()
    template = "EXTRACT(EPOCH FROM %(expressions)s)::float8"

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        whole = (
            "unixepoch(%(expressions)s)"  # SQLite 3.38 and later: a third faster
            if connection.Database.sqlite_version_info >= (3, 38)
            else "CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)"
        )
        template = f"({whole} + CAST(substr(%(expressions)s, 20) AS REAL))"
        return super().as_sql(compiler, connection, template=template, **extra)


def epochs(values: Sequence[float | int | None]) -> np.ndarray:
    """Numbers as an array, NaN for none (Epoch() values, kept seconds)."""
    return np.array(values, dtype=np.float64)


def business_seconds(
    calendars: Calendars, calendar_ids: np.ndarray, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """Business seconds from each a to b (epoch seconds), each in its own calendar (an id,
    or ROUND_THE_CLOCK), a calendar's rows at once; never negative."""
    result = np.zeros(len(a), dtype=np.float64)
    for calendar_id in np.unique(calendar_ids).tolist():
        rows = calendar_ids == calendar_id
        if calendar_id == ROUND_THE_CLOCK:
            result[rows] = b[rows] - a[rows]
        else:
            cal = calendars.get(calendar_id)
            result[rows] = _cumulative(cal, b[rows]) - _cumulative(cal, a[rows])
    return np.maximum(result, 0)


def _median_of_whole(seconds: np.ndarray, unit: int, places: Decimal) -> Kpi:
    """The median of the durations rounded to whole seconds, in minutes (unit 60) or hours
    (3600), half-up to `places`; null over none. Sorted as numbers; only the middle values
    become Decimals."""
    whole = np.sort(np.round(seconds))
    if not len(whole):
        return Kpi(None, 0)
    middle = len(whole) // 2
    values = [whole[middle - 1], whole[middle]] if len(whole) % 2 == 0 else [whole[middle]]
    found = median([Decimal(int(v)) / unit for v in values])
    assert found is not None
    return Kpi(half_up(found, places), len(whole))


def fetch(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """A values_list queryset's rows straight from the cursor, without Django's per-row
    converters: thousands of rows of plain numbers."""
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def durations(opened: QuerySet[Ticket], calendars: Calendars) -> tuple[Kpi, Kpi]:
    """median_first_response_minutes and median_resolution_hours, from one read of the
    opened tickets' instants and kept resolution times, as columns of numbers."""
    rows = fetch(
        opened.order_by().values_list(
            "sla_policy_id",
            "organization_id",
            Epoch("created_at"),
            Epoch("first_responded_at"),
            "resolution_seconds",
            ExpressionWrapper(Q(resolved_at__isnull=False), output_field=BooleanField()),
        )
    )
    if not rows:
        return Kpi(None, 0), Kpi(None, 0)
    policies, orgs, created_at, responded_at, kept_seconds, resolved = zip(*rows, strict=True)
    which = calendars.ids(policies, orgs)
    created, responded = epochs(created_at), epochs(responded_at)
    answered = ~np.isnan(responded)
    first_response = _median_of_whole(
        business_seconds(calendars, which[answered], created[answered], responded[answered]),
        60,
        ONE_DECIMAL,
    )
    done = np.array(resolved, dtype=bool)
    kept = epochs(kept_seconds)  # whole seconds, NaN where none is kept
    measured = kept[done & ~np.isnan(kept)].tolist()
    if np.any(done & np.isnan(kept)):
        measured += replayed_resolution_seconds(
            opened.filter(resolved_at__isnull=False, resolution_seconds__isnull=True), calendars
        )
    resolution = _median_of_whole(np.array(measured, dtype=np.float64), 3600, TWO_DECIMALS)
    return first_response, resolution


def replayed_resolution_seconds(resolved: QuerySet[Ticket], calendars: Calendars) -> list[float]:
    """The resolution business seconds of resolved tickets measured from their status events,
    as the desk keeps them (desk.sla.facts_of), for tickets that do not keep them."""
    rows = list(
        resolved.order_by().values_list("pk", "sla_policy_id", "organization_id", "created_at")
    )
    changes = {pk: [Change(created_at, "created")] for pk, _policy, _org, created_at in rows}
    for chunk in chunks(list(changes)):
        # The new status as text from the database: decoding each event's whole JSON in
        # Python cost more than replaying it.
        events = TicketEvent.objects.filter(ticket_id__in=chunk, kind=EventKind.STATUS).annotate(
            to=KeyTextTransform("to", "data")
        )
        for ticket_id, at, to in events.order_by("at", "id").values_list("ticket_id", "at", "to"):
            changes[ticket_id].append(Change(at, "status", to or ""))
    measured = (
        facts_of(
            changes[pk],
            calendars.measure(calendars.calendar_id(policy_id, org_id)),
            calendars.pauses.get(policy_id, calendars.pauses[None]),
        ).resolution_seconds
        for pk, policy_id, org_id, _created_at in rows
    )
    return [float(seconds) for seconds in measured if seconds is not None]


def chunks(ids: Sequence[int], size: int = 900) -> Iterator[Sequence[int]]:
    """Ids in lists short enough for one query's parameters (SQLite counts them)."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# --- resolutions: resolved, reopened, first contact -------------------------------------------


def could_be_resolved(
    tickets: QuerySet[Ticket], first: datetime, end: datetime
) -> QuerySet[Ticket]:
    """The tickets that may have a resolution in the period, by their columns alone: opened
    before the end and active (no resolution time), or last resolved (or closed) after the
    period began (or the end, for a period still to come: the backlog at the end is among
    them); a ticket done before it has no later resolution. For one organization,
    two ranges of the index reports 0002 adds, so its older tickets are not read at all."""
    return opened_before(tickets, end).filter(
        Q(resolved_at__isnull=True) | Q(resolved_at__gte=min(first, end))
    )


class Unindexed(Func):
    """A column SQLite must not choose an index by: `+column` (its documented way to say
    so). Without it SQLite ranged over the tickets by opening time, every one of the
    organization's, instead of by resolution time."""

    template = "%(expressions)s"

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra)


def opened_before(tickets: QuerySet[Ticket], end: datetime) -> QuerySet[Ticket]:
    """The tickets opened before the end, for a range by resolution time to narrow."""
    return tickets.alias(opened=Unindexed("created_at", output_field=DateTimeField())).filter(
        opened__lt=end
    )


def resolved_and_reopened(ids: Sequence[int], first: datetime, end: datetime) -> dict[int, bool]:
    """The tickets with a status change to resolved in the period, each mapped to whether it
    was reopened before the end (a change from resolved or closed back to an active status),
    from their status events in one grouped pass."""
    rows = (
        TicketEvent.objects.filter(ticket_id__in=ids, kind=EventKind.STATUS)
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


def replied_more_than_once(ids: Sequence[int], end: datetime) -> set[int]:
    """The tickets with more than one public message from provider staff before the end:
    they were not resolved at first contact."""
    return set(
        Message.objects.filter(ticket_id__in=ids, by_staff=True, public=True, created_at__lt=end)
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
    backlog: int


def resolution_counts(candidates: QuerySet[Ticket], first: datetime, end: datetime) -> list[int]:
    """[resolved, reopened, first contact, unsure, backlog] among the candidates (the
    backlog at the end is among them: active then, so active now or done after the end),
    from the facts each keeps (desk.sla.Facts): a ticket's resolutions lie from its first to
    its last, so one of those in the period says it was resolved in it; reopened or replied
    to twice before the end is when the first of those happened. Unsure: resolved three
    times or more, the first before the period and the last after it (a middle one may be
    in it)."""
    in_period = Q(first_resolved_at__gte=first, first_resolved_at__lt=end) | Q(
        last_resolved_at__gte=first, last_resolved_at__lt=end
    )
    not_reopened = Q(reopened_at__isnull=True) | Q(reopened_at__gte=end)
    one_reply = Q(second_reply_at__isnull=True) | Q(second_reply_at__gte=end)
    found = candidates.aggregate(
        resolved=Count("pk", filter=in_period),
        reopened=Count("pk", filter=in_period & Q(reopened_at__lt=end)),
        first_contact=Count("pk", filter=in_period & not_reopened & one_reply),
        unsure=Count("pk", filter=unsure(first, end)),
        backlog=Count("pk", filter=waiting_at(end)),
    )
    keys = ("resolved", "reopened", "first_contact", "unsure", "backlog")
    return [found[key] or 0 for key in keys]


def unsure(first: datetime, end: datetime) -> Q:
    return Q(resolutions__gt=2, first_resolved_at__lt=first, last_resolved_at__gte=end)


def resolution_kpis(tickets: QuerySet[Ticket], first: datetime, end: datetime) -> Resolutions:
    """resolved (each ticket once however many times it was resolved in the period),
    reopened_percent and first_contact_resolution_percent, counted over the columns of the
    tickets that may have been resolved in the period; only a ticket resolved three times
    or more around the period has its events and messages read."""
    candidates = could_be_resolved(tickets, first, end)
    resolved, reopened, first_contact, doubtful, waiting = resolution_counts(candidates, first, end)
    if doubtful:
        ids = list(candidates.filter(unsure(first, end)).values_list("pk", flat=True))
        for chunk in chunks(ids):
            found = resolved_and_reopened(chunk, first, end)
            if not found:
                continue
            chatty = replied_more_than_once(list(found), end)
            resolved += len(found)
            reopened += sum(1 for again in found.values() if again)
            first_contact += sum(1 for pk, again in found.items() if not again and pk not in chatty)
    return Resolutions(
        resolved,
        percent(reopened, resolved),
        percent(first_contact, resolved),
        waiting,
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


def waiting_at(end: datetime) -> Q:
    """The backlog at the end: tickets opened before it (the candidates' filter) and not
    resolved or closed by then; a ticket done after the end was still active at it. An
    active ticket has no resolution time and a done one has one (desk.sla)."""
    return Q(resolved_at__isnull=True, status__in=ACTIVE) | Q(resolved_at__gte=end)


def opened_counts(
    opened: QuerySet[Ticket], end: datetime
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """The breakdowns by priority and by source (every choice present, 0 when none) and the
    counts of the SLA outcomes (sla_conditions) of the tickets opened in the period, in one
    grouped pass over them."""
    conditions = sla_conditions(end)
    by_priority = dict.fromkeys(Priority.values, 0)
    by_source = dict.fromkeys(Source.values, 0)
    sla = dict.fromkeys(conditions, 0)
    rows = (
        with_stop(opened)
        .order_by()
        .values("priority", "source")
        .annotate(n=Count("pk"), **{name: Count("pk", filter=c) for name, c in conditions.items()})
    )
    for found in rows:
        row: dict[str, Any] = dict(found)
        by_priority[row["priority"]] = by_priority.get(row["priority"], 0) + row["n"]
        by_source[row["source"]] = by_source.get(row["source"], 0) + row["n"]
        for name in conditions:
            sla[name] += row[name]
    return by_priority, by_source, sla


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
    by_priority, by_source, sla = opened_counts(opened, end)
    first_response, resolution = durations(opened, calendars)
    done = resolution_kpis(tickets, first, end)
    satisfaction = csat(surveys, first, end)
    count = sum(by_priority.values())
    waiting = done.backlog
    return Measures(
        kpis={
            "opened": Kpi(Decimal(count), count),
            "resolved": Kpi(Decimal(done.resolved), done.resolved),
            "backlog": Kpi(Decimal(waiting), waiting),
            "sla_compliance": sla_from_counts(sla),
            "median_first_response_minutes": first_response,
            "median_resolution_hours": resolution,
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
