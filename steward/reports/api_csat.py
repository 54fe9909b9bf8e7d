"""The satisfaction survey of a ticket (DESIGN.md, "Reports API"): everyone who sees the
ticket reads it; the person who asked or a client admin answers, once per resolution."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status as HttpStatus

from steward.desk.models import Ticket
from steward.lib.api import ApiError, Out, Timestamp, api_user, get_for_write, get_visible
from steward.reports import surveys
from steward.reports.forms_csat import COMMENT_MAX
from steward.reports.models import Survey

router = Router(tags=["Reports: satisfaction"])


class SatisfactionIn(Schema):
    # Any JSON value: a rating out of range, a string or a fraction is named as `rating`
    # by the survey's own check, in the same words the portal uses.
    rating: Any = Field(..., description="A whole number from 1 (very dissatisfied) to 5.")
    comment: str = Field("", max_length=COMMENT_MAX)


class SatisfactionOut(Out):
    """The ticket's latest survey (its latest resolution's), or nulls if none was made."""

    ticket: int
    resolution: int | None
    resolved_at: Timestamp | None
    sent_at: Timestamp | None
    answered_at: Timestamp | None
    answered_by: int | None
    rating: int | None
    comment: str
    low: bool
    # Whether the caller may answer now: the ticket is resolved, its present resolution is
    # unanswered, and they asked for it or are a client admin of its organization.
    can_answer: bool

    @classmethod
    def of(cls, ticket: Ticket, survey: Survey | None, can_answer: bool) -> SatisfactionOut:
        return cls(
            ticket=ticket.pk,
            resolution=survey.resolution if survey else None,
            resolved_at=survey.resolved_at if survey else None,
            sent_at=survey.sent_at if survey else None,
            answered_at=survey.answered_at if survey else None,
            answered_by=survey.answered_by_id if survey else None,
            rating=survey.rating if survey else None,
            comment=survey.comment if survey else "",
            low=bool(survey and surveys.is_low(survey)),
            can_answer=can_answer,
        )


def _can_answer(request: HttpRequest, ticket: Ticket, survey: Survey | None) -> bool:
    if not (surveys.may_answer(api_user(request), ticket) and surveys.is_resolved(ticket)):
        return False
    present = max(surveys.resolutions(ticket), 1)
    return survey is None or survey.resolution < present or not survey.answered


@router.get("/tickets/{ticket_id}/satisfaction", response=SatisfactionOut)
def get_satisfaction(request: HttpRequest, ticket_id: int) -> SatisfactionOut:
    ticket = get_visible(Ticket.objects.all(), api_user(request), "ticket", pk=ticket_id)
    survey = surveys.latest(ticket)
    return SatisfactionOut.of(ticket, survey, _can_answer(request, ticket, survey))


@router.post(
    "/tickets/{ticket_id}/satisfaction",
    response={201: SatisfactionOut},
    openapi_extra={"responses": {409: {"description": "Not resolved, or already answered."}}},
)
def answer_satisfaction(
    request: HttpRequest, ticket_id: int, payload: SatisfactionIn
) -> HttpStatus[SatisfactionOut]:
    """Answer the survey of the ticket's present resolution: 409 while the ticket is not
    resolved (field `status`) and for a second answer (field `rating`)."""
    user = api_user(request)
    # A client user reads only their own tickets: another's is as absent as in the portal.
    ticket = get_for_write(Ticket.objects.visible_to(user), user, "ticket", pk=ticket_id)
    try:
        survey = surveys.answer_ticket(ticket, payload.rating, payload.comment, user)
    except surveys.SurveyError as exc:
        status = 403 if exc.forbidden else 409 if exc.conflict else 422
        raise ApiError(status, str(exc), exc.field) from exc
    return HttpStatus(201, SatisfactionOut.of(ticket, survey, False))
