"""Preventive-maintenance plans: checking a plan, opening the service request of each
occurrence exactly once, and the plan's record (done on time, late, skipped).

An occurrence's window closes at the plan's next occurrence, and never later than 7 days after
it was due: a monthly check resolved three weeks late is late, and so is a daily one resolved
the next day. Its ticket resolved (or closed) within the window is *done on time*, after it
*late*; a ticket still unresolved is *open* until the window closes and *late* after.
An occurrence the worker missed (it was down while several fell due) opens no ticket: only
the latest missed one does, and the earlier ones are recorded as *skipped*, so nobody gets
five tickets for the same weekly check at once and the record says what was not done.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from steward.accounts.models import Organization
from steward.desk import actions as desk
from steward.desk.models import Kind, Source
from steward.lib.errors import DomainError
from steward.monitoring.models import MaintenancePlan, Occurrence
from steward.monitoring.recurrence import (
    RecurrenceError,
    next_occurrence,
    next_occurrences,
    occurrences,
    parse_rrule,
    zone,
)

log = logging.getLogger(__name__)

WINDOW_LIMIT = timedelta(days=7)
MAX_ITEMS = 100
# Missed occurrences recorded as skipped in one go (a plan every hour, a worker down a year).
MAX_SKIPPED = 1000
TICK = timedelta(microseconds=1)


class PlanError(DomainError):
    """A plan the rules refuse; `field` names the input at fault."""


# Plans


def _schedule_changed(plan: MaintenancePlan) -> bool:
    if plan.pk is None:
        return True
    before = (
        MaintenancePlan.objects.filter(pk=plan.pk).values_list("rrule", "starts", "active").first()
    )
    return before != (plan.rrule, plan.starts, plan.active)


def check_plan(plan: MaintenancePlan) -> None:
    """Refuse a plan that could not run, naming the field at fault."""
    org = plan.organization
    plan.name = plan.name.strip()
    if not plan.name:
        raise PlanError(_("name: give the plan a name."), "name")
    if len(plan.name) > 200:
        raise PlanError(_("name: at most 200 characters."), "name")
    if plan.starts is None or timezone.is_naive(plan.starts):
        raise PlanError(_("starts: give a date and time with its offset."), "starts")
    try:
        parse_rrule(plan.rrule, plan.starts, org.timezone)
    except RecurrenceError as e:
        raise PlanError(_("rrule: %(problem)s") % {"problem": e}, "rrule") from None
    plan.rrule = plan.rrule.strip().removeprefix("RRULE:").removeprefix("rrule:")
    items = plan.checklist
    if not isinstance(items, list) or not items:
        raise PlanError(_("checklist: list at least one step."), "checklist")
    if len(items) > MAX_ITEMS:
        raise PlanError(
            _("checklist: at most %(n)s steps.") % {"n": MAX_ITEMS},
            "checklist",
        )
    titles = []
    for item in items:
        title = item.strip() if isinstance(item, str) else ""
        if not title or "\n" in title or "\r" in title:
            raise PlanError(_("checklist: each step is one line of text."), "checklist")
        if len(title) > 200:
            raise PlanError(_("checklist: a step has at most 200 characters."), "checklist")
        titles.append(title)
    plan.checklist = titles
    if not isinstance(plan.estimated_minutes, int) or not 1 <= plan.estimated_minutes <= 100_000:
        raise PlanError(_("estimated_minutes: between 1 and 100000."), "estimated_minutes")
    assignee = plan.assignee
    if assignee is not None and not (assignee.is_provider and assignee.is_active):
        raise PlanError(_("assignee: no such provider staff member."), "assignee")
    if (
        assignee is not None
        and not Organization.objects.visible_to(assignee).filter(pk=org.pk).exists()
    ):
        raise PlanError(_("assignee: does not look after this organization."), "assignee")
    check = plan.linked_check
    if check is not None and check.organization_id != org.pk:
        raise PlanError(_("check: no such check of this organization."), "check")


def save_plan(plan: MaintenancePlan, now: datetime | None = None) -> MaintenancePlan:
    """Check the plan and save it with its next occurrence. A change of schedule starts again
    from now (an occurrence that already has its ticket is never opened twice); any other
    change keeps the occurrence the worker is waiting for."""
    check_plan(plan)
    now = now or timezone.now()
    if not plan.active:
        plan.next_at = None
    elif _schedule_changed(plan) or plan.next_at is None:
        after = max(now, plan.starts)
        if plan.pk is not None:
            last = plan.occurrences.order_by("-due_at").values_list("due_at", flat=True).first()
            if last is not None:
                after = max(after, last + TICK)
        plan.next_at = next_occurrence(plan.rrule, plan.starts, plan.organization.timezone, after)
    plan.save()
    return plan


def upcoming(plan: MaintenancePlan, n: int = 3) -> list[datetime]:
    """The plan's next `n` occurrences, from the one it waits for."""
    if plan.next_at is None:
        return []
    tz = plan.organization.timezone
    return list(islice(next_occurrences(plan.rrule, plan.starts, tz, plan.next_at), n))


# Opening occurrences


def _title(plan: MaintenancePlan, due: datetime) -> str:
    local = due.astimezone(zone(plan.organization.timezone))
    return f"{plan.name} — {local:%Y-%m-%d}"


def _description(plan: MaintenancePlan, due: datetime, skipped: int) -> str:
    org = plan.organization
    local = due.astimezone(zone(org.timezone))
    with translation.override(org.language or "en"):
        text = _(
            "Preventive maintenance: plan “%(plan)s”, due %(due)s. "
            "Estimated time: %(minutes)s minutes. Tick each step of the checklist with "
            "what you did and saw."
        ) % {
            "plan": plan.name,
            "due": f"{local:%Y-%m-%d %H:%M} {org.timezone}",
            "minutes": plan.estimated_minutes,
        }
        if skipped:
            text += "\n" + ngettext(
                "%(n)s earlier occurrence was missed and is recorded as skipped.",
                "%(n)s earlier occurrences were missed and are recorded as skipped.",
                skipped,
            ) % {"n": skipped}
    return text


def _open(plan: MaintenancePlan, now: datetime) -> Occurrence | None:
    """Open the plan's due occurrence; None when another worker got there first."""
    waited = plan.next_at
    assert waited is not None
    tz = plan.organization.timezone
    due = list(islice(occurrences(plan.rrule, plan.starts, tz, waited, now + TICK), MAX_SKIPPED))
    latest = due[-1] if due else waited
    skipped = [d for d in due[:-1] if d != latest]
    following = next_occurrence(plan.rrule, plan.starts, tz, latest + TICK)
    try:
        with transaction.atomic():
            # The claim: of two workers that read the same plan, one moves it on; the other
            # updates nothing (PostgreSQL re-reads the row once the first commits; SQLite's
            # IMMEDIATE transactions run one after the other) and leaves it.
            claimed = MaintenancePlan.objects.filter(
                pk=plan.pk, active=True, next_at=waited
            ).update(next_at=following)
            if claimed != 1:
                return None
            # The unique (plan, due_at) is the backstop: whatever else races, one ticket.
            Occurrence.objects.bulk_create(
                [Occurrence(plan=plan, due_at=d, created_at=now) for d in skipped]
            )
            occurrence = Occurrence.objects.create(plan=plan, due_at=latest, created_at=now)
            ticket = desk.open_ticket(
                desk.NewTicket(
                    organization=plan.organization,
                    title=_title(plan, latest),
                    description=_description(plan, latest, len(skipped)),
                    impact="low",
                    urgency="low",
                    kind=Kind.SERVICE_REQUEST,
                    source=Source.MAINTENANCE,
                    queue=plan.queue,
                    assignee=plan.assignee,
                    checklist=plan.checklist,
                ),
                actor=None,
                at=now,
            )
            occurrence.ticket = ticket
            occurrence.save(update_fields=["ticket"])
    except IntegrityError:
        log.info("plan %s: occurrence %s already opened", plan.pk, latest)
        return None
    plan.next_at = following
    return occurrence


def open_due(now: datetime | None = None, limit: int = 200) -> list[Occurrence]:
    """Open a service request for each plan whose occurrence has come, once per occurrence
    however many workers run this at the same time."""
    now = now or timezone.now()
    plans = (
        MaintenancePlan.objects.filter(active=True, next_at__lte=now)
        .select_related("organization", "assignee", "queue")
        .order_by("next_at")[:limit]
    )
    opened = []
    for plan in plans:
        occurrence = _open(plan, now)
        if occurrence is not None:
            opened.append(occurrence)
    return opened


# The record


ON_TIME, LATE, SKIPPED, OPEN = "on_time", "late", "skipped", "open"


def outcome(occurrence: Occurrence, closes: datetime, now: datetime) -> str:
    """What became of one occurrence whose window closes at `closes`."""
    ticket = occurrence.ticket
    if ticket is None:
        return SKIPPED
    if ticket.resolved_at is not None:
        return ON_TIME if ticket.resolved_at <= closes else LATE
    return OPEN if now <= closes else LATE


def window_end(due: datetime, following: datetime | None) -> datetime:
    end = due + WINDOW_LIMIT
    return min(end, following) if following is not None else end


@dataclass(frozen=True)
class Record:
    """How a plan's (or an organization's plans') occurrences turned out."""

    planned: int = 0
    on_time: int = 0
    late: int = 0
    skipped: int = 0
    open: int = 0

    @classmethod
    def of(cls, results: Iterable[str]) -> Record:
        counts = {ON_TIME: 0, LATE: 0, SKIPPED: 0, OPEN: 0}
        for result in results:
            counts[result] += 1
        return cls(
            planned=sum(counts.values()),
            on_time=counts[ON_TIME],
            late=counts[LATE],
            skipped=counts[SKIPPED],
            open=counts[OPEN],
        )

    def __str__(self) -> str:
        return ngettext(
            "%(done)s of %(planned)s planned check done on time",
            "%(done)s of %(planned)s planned checks done on time",
            self.planned,
        ) % {"done": self.on_time, "planned": self.planned}


def _after(plan: MaintenancePlan, due: datetime) -> datetime | None:
    """The plan's occurrence after `due`, by its rule as it stands."""
    try:
        return next_occurrence(plan.rrule, plan.starts, plan.organization.timezone, due + TICK)
    except RecurrenceError:
        return None


def outcomes(
    plans: Iterable[MaintenancePlan], now: datetime | None = None
) -> dict[int, list[tuple[Occurrence, str]]]:
    """Each plan's occurrences so far, newest first, with what became of each."""
    now = now or timezone.now()
    by_plan: dict[int, MaintenancePlan] = {p.pk: p for p in plans}
    rows = (
        Occurrence.objects.filter(plan__in=list(by_plan), due_at__lte=now)
        .select_related("ticket")
        .order_by("plan_id", "due_at", "id")
    )
    found: dict[int, list[tuple[Occurrence, str]]] = {pk: [] for pk in by_plan}
    grouped: dict[int, list[Occurrence]] = {pk: [] for pk in by_plan}
    for row in rows:
        grouped[row.plan_id].append(row)
    for pk, items in grouped.items():
        for n, occurrence in enumerate(items):
            following = (
                items[n + 1].due_at
                if n + 1 < len(items)
                else _after(by_plan[pk], occurrence.due_at)
            )
            closes = window_end(occurrence.due_at, following)
            found[pk].append((occurrence, outcome(occurrence, closes, now)))
        found[pk].reverse()
    return found


def record(
    plans: Iterable[MaintenancePlan],
    start: datetime | None = None,
    end: datetime | None = None,
    now: datetime | None = None,
) -> Record:
    """The counts for the value report: occurrences due in [start, end) of these plans."""
    return Record.of(
        result
        for items in outcomes(plans, now).values()
        for occurrence, result in items
        if (start is None or occurrence.due_at >= start)
        and (end is None or occurrence.due_at < end)
    )


def organization_record(
    org: Organization, start: datetime, end: datetime, now: datetime | None = None
) -> Record:
    """ "47 of 48 planned checks done on time": an organization's plans over a period."""
    return record(
        MaintenancePlan.objects.for_org(org).select_related("organization"), start, end, now
    )
