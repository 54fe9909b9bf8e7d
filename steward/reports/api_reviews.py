"""The reviews endpoints of the Reports API (DESIGN.md): `GET/PUT /tickets/{id}/review`.
Everyone who sees the ticket reads its review; provider staff write it. A ticket without a
review answers 404 ("no review yet"), so that an empty review is never mistaken for one."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from steward.desk.models import Ticket
from steward.lib.api import ApiError, Id, Out, Timestamp, api_user, get_visible, require
from steward.lib.errors import DomainError
from steward.reports import reviews
from steward.reports.models import Review

router = Router(tags=["reports"])

TEXT = Field("", max_length=reviews.TEXT_MAX)


class ActionIn(Schema):
    title: str = Field(..., max_length=reviews.TITLE_MAX)
    owner: Id | None = Field(None, description="A user id: provider staff or the client's.")
    due: date | None = None
    done: bool = False


class ReviewIn(Schema):
    what_happened: str = TEXT
    how_fixed: str = TEXT
    how_to_avoid: str = TEXT
    actions: list[ActionIn] = Field(
        default_factory=list, description="Replaces the review's actions, in this order."
    )


class ActionOut(Out):
    title: str
    owner: int | None
    due: date | None
    done: bool
    done_at: Timestamp | None


class ReviewOut(Out):
    ticket: int
    what_happened: str
    how_fixed: str
    how_to_avoid: str
    actions: list[ActionOut]
    author: int | None
    created_at: Timestamp
    updated_at: Timestamp

    @classmethod
    def of(cls, review: Review) -> ReviewOut:
        return cls(
            ticket=review.ticket_id,
            what_happened=review.what_happened,
            how_fixed=review.how_fixed,
            how_to_avoid=review.how_to_avoid,
            actions=[
                ActionOut(
                    title=a.title, owner=a.owner_id, due=a.due, done=a.done, done_at=a.done_at
                )
                for a in review.actions.all()
            ],
            author=review.author_id,
            created_at=review.created_at,
            updated_at=review.updated_at,
        )


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    return get_visible(Ticket.objects.all(), api_user(request), "ticket", pk=ticket_id)


@router.get("/tickets/{ticket_id}/review", response=ReviewOut)
def get_review(request: HttpRequest, ticket_id: int) -> ReviewOut:
    """The ticket's post-incident review; 404 while it has none."""
    ticket = _ticket(request, ticket_id)
    review = Review.objects.filter(ticket=ticket).first()
    if review is None:
        raise ApiError(404, _("This ticket has no review yet."))
    return ReviewOut.of(review)


@router.put("/tickets/{ticket_id}/review", response=ReviewOut)
def put_review(request: HttpRequest, ticket_id: int, payload: ReviewIn) -> ReviewOut:
    """Write the review; `actions` replaces the list whole. Provider staff only."""
    user = api_user(request)
    ticket = _ticket(request, ticket_id)
    require(reviews.may_write(user))
    texts = {
        "what_happened": payload.what_happened,
        "how_fixed": payload.how_fixed,
        "how_to_avoid": payload.how_to_avoid,
    }
    actions = [reviews.ActionIn(a.title, a.owner, a.due, a.done) for a in payload.actions]
    try:
        review = reviews.save_review(ticket, user, texts, actions)
    except DomainError as exc:
        raise ApiError(400, str(exc), exc.field) from None
    return ReviewOut.of(review)
