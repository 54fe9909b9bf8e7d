"""Problems (ITIL): the cause behind tickets that keep coming back. One place changes them
(`save_problem`), and one place says which known errors a ticket looks like
(`known_errors_for`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import ALL_SEEING_ROLES, Organization, Role, User
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.monitoring.models import Alert
from steward.reports import recurring
from steward.reports.models import Problem, ProblemStatus
from steward.vault.models import TicketAsset

# A ticket reads like a known error when its text is at least this close (cosine similarity
# of the same character n-grams the recurring groups use) to the problem's title or to one
# of its tickets: a little stricter than the clustering's threshold (similarity 0.20), as a
# flag on one ticket is read as a claim.
KNOWN_ERROR_SIMILARITY = 0.25

# The tickets of a problem compared with a new ticket: its most recent ones.
COMPARED_TICKETS = 50

TITLE_CHARS = 200


def staff_of(org: Organization) -> QuerySet[User]:
    """Who may own a problem of this organization: provider staff who see it."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(role__in=ALL_SEEING_ROLES) | Q(role=Role.TECHNICIAN, memberships__organization=org)
        )
        .distinct()
        .order_by("name", "pk")
    )


def require_writer(user: User) -> None:
    """Provider staff write problems; the client reads them."""
    if not user.is_provider:
        raise DomainError(_("Your role does not allow this."), forbidden=True)


@dataclass
class Changes:
    """What a form or a request body sets; None leaves a field as it is."""

    title: str | None = None
    root_cause: str | None = None
    workaround: str | None = None
    status: str | None = None
    owner: int | None = None
    owner_set: bool = False  # owner given, even as null (no owner)
    tickets: Sequence[int] | None = None


def save_problem(problem: Problem, changes: Changes, actor: User | None) -> Problem:
    """Check everything, then write the problem and its tickets at once: a refused change
    writes nothing. Raises DomainError naming the field."""
    org = problem.organization
    fields: dict[str, Any] = {}
    if changes.title is not None:
        title = " ".join(changes.title.split())
        if not title:
            raise DomainError(_("Give the problem a title."), "title")
        if len(title) > TITLE_CHARS:
            raise DomainError(_("A title is at most 200 characters."), "title")
        fields["title"] = title
    elif problem.pk is None:
        raise DomainError(_("Give the problem a title."), "title")
    if changes.root_cause is not None:
        fields["root_cause"] = changes.root_cause.strip()
    if changes.workaround is not None:
        fields["workaround"] = changes.workaround.strip()
    if changes.status is not None:
        if changes.status not in ProblemStatus.values:
            raise DomainError(
                _("Use one of %(values)s.") % {"values": ", ".join(ProblemStatus.values)},
                "status",
            )
        fields["status"] = changes.status
    if changes.owner_set:
        owner = None
        if changes.owner is not None:
            owner = staff_of(org).filter(pk=changes.owner).first()
            if owner is None:
                raise DomainError(
                    _("The owner must be provider staff who look after this client."), "owner"
                )
        fields["owner"] = owner
    tickets = None
    if changes.tickets is not None:
        tickets = _tickets_of(org, changes.tickets)
    now = timezone.now()
    with transaction.atomic():
        for name, value in fields.items():
            setattr(problem, name, value)
        if "status" in fields:
            problem.resolved_at = now if problem.status == ProblemStatus.RESOLVED else None
        problem.updated_at = now
        if problem.pk is None:
            problem.created_by = actor
            problem.created_at = now
        problem.save()
        if tickets is not None:
            problem.tickets.set(tickets)
    return problem


def _tickets_of(org: Organization, ids: Sequence[int]) -> list[Ticket]:
    """The tickets named, all of this organization, or a DomainError naming `tickets`."""
    wanted = list(dict.fromkeys(ids))
    found = list(Ticket.objects.filter(organization=org, pk__in=wanted))
    if len(found) != len(wanted):
        missing = sorted(set(wanted) - {t.pk for t in found})
        raise DomainError(
            _("Not tickets of this client: %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            "tickets",
        )
    return found


def known_errors_for(ticket: Ticket) -> list[Problem]:
    """The known errors of the ticket's organization it looks like: the same asset or check
    as one of their tickets, or text close to their title or tickets'."""
    candidates = list(
        Problem.objects.filter(organization_id=ticket.organization_id)
        .filter(status=ProblemStatus.KNOWN_ERROR)
        .exclude(tickets=ticket)
        .order_by("-updated_at")[:20]
    )
    if not candidates:
        return []
    linked: dict[int, list[tuple[int, str, str]]] = {p.pk: [] for p in candidates}
    links = (
        Problem.tickets.through.objects.filter(problem__in=candidates)
        .order_by("problem_id", "-ticket__created_at")
        .values_list("problem_id", "ticket_id", "ticket__title", "ticket__description")
    )
    for problem_id, pk, title, description in links:
        if len(linked[problem_id]) < COMPARED_TICKETS:
            linked[problem_id].append((pk, title, description))
    shared = _sharing_a_key(ticket, {pk for rows in linked.values() for pk, _t, _d in rows})
    matches = []
    for problem in candidates:
        ids = {pk for pk, _t, _d in linked[problem.pk]}
        if ids & shared:
            matches.append(problem)
            continue
        texts = [problem.title] + [
            f"{title} {description[: recurring.DESCRIPTION_CHARS]}"
            for _pk, title, description in linked[problem.pk]
        ]
        if _closest(ticket, texts) >= KNOWN_ERROR_SIMILARITY:
            matches.append(problem)
    return matches


def _sharing_a_key(ticket: Ticket, others: set[int]) -> set[int]:
    """Of `others`, the tickets about the same asset or opened by the same check."""
    asset = TicketAsset.objects.filter(ticket=ticket).values("asset_id")
    check = Alert.objects.filter(ticket=ticket).values("owner_id")
    by_asset = TicketAsset.objects.filter(ticket_id__in=others, asset_id__in=asset)
    by_check = Alert.objects.filter(ticket_id__in=others, owner_id__in=check)
    return set(by_asset.values_list("ticket_id", flat=True)) | set(
        by_check.values_list("ticket_id", flat=True)
    )


def _closest(ticket: Ticket, texts: list[str]) -> float:
    """The highest cosine similarity between the ticket's text and any of `texts`."""
    mine = f"{ticket.title} {ticket.description[: recurring.DESCRIPTION_CHARS]}"
    normalised = [recurring.normalise(t) for t in [mine, *texts]]
    vectors = recurring.vectors(normalised)
    if vectors.shape[0] < 2:
        return 0.0
    scores = (vectors[1:] @ vectors[0].T).toarray().ravel()
    return float(np.max(scores)) if scores.size else 0.0
