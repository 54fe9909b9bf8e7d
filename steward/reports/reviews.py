"""Post-incident reviews: what happened, how it was fixed, how it will be avoided, and the
actions someone owns by a date. One place writes a review and its actions; pages and API
both call it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import ALL_SEEING_ROLES, Provider, Role, User
from steward.desk.models import DONE_STATUSES, Priority, Ticket
from steward.lib.errors import DomainError
from steward.reports.models import Review, ReviewAction

TITLE_MAX = 200
TEXT_MAX = 100_000


@dataclass(frozen=True)
class ActionIn:
    """One action as a form or a body gives it."""

    title: str
    owner: int | None = None
    due: date | None = None
    done: bool = False


def may_write(user: User) -> bool:
    """Provider staff write reviews (of the tickets they see); clients read them."""
    return user.is_provider


def owners_for(ticket: Ticket) -> QuerySet[User]:
    """Who may own an action of this ticket's review: the provider staff who see its
    organization and the organization's own people."""
    org = ticket.organization_id
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(role__in=ALL_SEEING_ROLES)
            | Q(role=Role.TECHNICIAN, memberships__organization_id=org)
            | Q(organization_id=org)
        )
        .distinct()
        .order_by("name", "email")
    )


def _check(ticket: Ticket, texts: dict[str, str], actions: list[ActionIn]) -> None:
    """Refuse the first bad input by name, before anything is written."""
    for name, text in texts.items():
        if len(text) > TEXT_MAX:
            raise DomainError(_("%(field)s: too long.") % {"field": name}, name)
    owner_ids = {a.owner for a in actions if a.owner is not None}
    allowed = set(owners_for(ticket).filter(pk__in=owner_ids).values_list("pk", flat=True))
    for i, action in enumerate(actions):
        field = f"actions.{i}"
        if not action.title.strip():
            raise DomainError(
                _("%(field)s: an action needs a title.") % {"field": field + ".title"},
                field + ".title",
            )
        if len(action.title.strip()) > TITLE_MAX:
            raise DomainError(
                _("%(field)s: at most 200 characters.") % {"field": field + ".title"},
                field + ".title",
            )
        if action.owner is not None and action.owner not in allowed:
            raise DomainError(
                _("%(field)s: not someone of this organization or its provider staff.")
                % {"field": field + ".owner"},
                field + ".owner",
            )


def save_review(
    ticket: Ticket,
    author: User,
    texts: dict[str, str],
    actions: list[ActionIn],
    now: datetime | None = None,
) -> Review:
    """Write the review of `ticket` and replace its actions with `actions`, all or nothing.
    `texts` holds what_happened, how_fixed and how_to_avoid. An action that was already done
    keeps the moment it was done."""
    now = now or timezone.now()
    _check(ticket, texts, actions)
    with transaction.atomic():
        review = Review.objects.select_for_update().filter(ticket=ticket).first()
        if review is None:
            review = Review(ticket=ticket, author=author, created_at=now)
        review.what_happened = texts.get("what_happened", review.what_happened)
        review.how_fixed = texts.get("how_fixed", review.how_fixed)
        review.how_to_avoid = texts.get("how_to_avoid", review.how_to_avoid)
        review.updated_at = now
        review.save()
        done_before = {
            a.title: a.done_at for a in review.actions.filter(done=True) if a.done_at is not None
        }
        review.actions.all().delete()
        ReviewAction.objects.bulk_create(
            ReviewAction(
                review=review,
                position=i,
                title=a.title.strip(),
                owner_id=a.owner,
                due=a.due,
                done=a.done,
                done_at=(done_before.get(a.title.strip(), now) if a.done else None),
            )
            for i, a in enumerate(actions)
        )
    return review


def required(provider: Provider | None = None) -> bool:
    """Whether the provider requires a review of every P1 ticket (a setting)."""
    return (provider or Provider.current()).review_required_for_p1


def needs_review(ticket: Ticket) -> bool:
    """A P1 ticket must have a review, if the provider says so."""
    return ticket.priority == Priority.P1 and required()


def missing(user: User) -> QuerySet[Ticket]:
    """P1 tickets this user sees, resolved or closed, without a review: empty when the
    provider does not require them."""
    if not required():
        return Ticket.objects.none()
    return (
        Ticket.objects.visible_to(user)
        .filter(priority=Priority.P1, status__in=DONE_STATUSES, review__isnull=True)
        .select_related("organization")
        .order_by("-resolved_at", "-id")
    )


def overdue_actions(user: User, today: date | None = None) -> QuerySet[ReviewAction]:
    """Open actions past their due date, of the reviews this user sees."""
    today = today or timezone.localdate()
    return (
        ReviewAction.objects.visible_to(user)
        .filter(done=False, due__lt=today)
        .select_related("review__ticket__organization", "owner")
        .order_by("due", "id")
    )


def is_overdue(action: ReviewAction, today: date) -> bool:
    return not action.done and action.due is not None and action.due < today
