"""Satisfaction surveys: one question (1 to 5 and a comment) to the person who asked, after
each resolution of their ticket, by mail with a signed link and in the portal. A low score
reaches the client's IT manager. The desk knows nothing of this: the survey follows the
desk's status event (`connect`), in the transaction that resolved the ticket."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Role, User
from steward.desk import events
from steward.desk.models import DONE_STATUSES, EventKind, Source, Status, Ticket, TicketEvent
from steward.lib.errors import DomainError
from steward.mail.outbound import queue
from steward.reports.models import Survey

log = logging.getLogger(__name__)

RATINGS = (1, 2, 3, 4, 5)
# At or below this the client's IT manager hears of it, and the desk shows it in red.
LOW_RATING = 2
# How long the mailed link answers; after that the portal still does.
LINK_VALID = timedelta(days=30)
# Keeps a survey's token from being any other signed value of the site (and back).
_SALT = "steward.reports.survey"
# Tickets nobody asked for: a check's outage or planned maintenance has no requester to
# ask how it went, and its "requester" address is a monitoring mailbox at best.
NOT_ASKED = (Source.MONITORING, Source.MAINTENANCE)
# queue() renders mail/email/<template>; the survey's mail lives with its pages.
_MAIL = "../../reports/csat/email/"


class SurveyError(DomainError):
    """A survey answer refused: `conflict` when it cannot be answered now (already answered,
    ticket not resolved), else bad input."""

    def __init__(
        self, message: str, field: str = "", forbidden: bool = False, conflict: bool = False
    ) -> None:
        super().__init__(message, field, forbidden)
        self.conflict = conflict


class LinkError(Exception):
    """A survey link that is forged, damaged or too old (`expired`)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "bad signature")
        self.expired = expired


# --- Asking ---------------------------------------------------------------------------------


def resolutions(ticket: Ticket, upto: TicketEvent | None = None) -> int:
    """How many times the ticket has been resolved (up to `upto`, that event included)."""
    found = ticket.events.filter(kind=EventKind.STATUS, data__to=Status.RESOLVED)
    if upto is not None:
        found = found.filter(pk__lte=upto.pk)
    return found.count()


def recipient(ticket: Ticket) -> tuple[str, str, str] | None:
    """(address, language, time zone) of the person who asked, if the ticket has an address:
    their own settings when the address is their account's, else their organization's."""
    address = ticket.requester_email or (ticket.requester.email if ticket.requester else "")
    if not address:
        return None
    person = ticket.requester
    if person is not None and person.email.lower() == address.lower():
        return address, person.preferred_language(), person.preferred_timezone()
    return address, ticket.organization.language, ticket.organization.timezone


def ticket_resolved(event: TicketEvent) -> None:
    """The desk's status event: a ticket just resolved asks its requester, once per
    resolution (the event is handed over once; the unique key guards a replay)."""
    if event.data.get("to") != Status.RESOLVED:
        return
    ticket = event.ticket
    if ticket.source in NOT_ASKED:
        return
    person = recipient(ticket)
    if person is None:
        return  # Nobody to mail; the portal asks whoever opens the ticket (current_survey).
    number = resolutions(ticket, upto=event)
    if Survey.objects.filter(ticket=ticket, resolution=number).exists():
        return
    survey = Survey.objects.create(
        organization_id=ticket.organization_id,
        ticket=ticket,
        resolution=number,
        resolved_at=event.at,
        requester=ticket.requester,
        email=person[0],
        sent_at=event.at,
    )
    mail_survey(survey, *person)


def mail_survey(survey: Survey, address: str, language: str, tz: str) -> None:
    ticket = survey.ticket
    url = link(survey)
    with translation.override(language):
        subject = f"[{ticket.number}] " + _("How did we do? %(title)s") % {"title": ticket.title}
    queue(
        "survey",
        [address],
        _MAIL + "survey",
        {
            "ticket": ticket,
            "url": url,
            "ratings": [(n, f"{url}?rating={n}") for n in RATINGS],
            "valid_days": LINK_VALID.days,
        },
        subject,
        language,
        tz,
        ticket=ticket,
    )


def connect() -> None:
    """Subscribe to the desk's events (ReportsConfig.ready)."""
    events.subscribe(EventKind.STATUS, ticket_resolved)


# --- The signed link ------------------------------------------------------------------------


def token(survey: Survey) -> str:
    """The survey's id, signed with the time it was signed: the link needs no sign-in, so
    the signature is what stops a guessed id from answering someone else's survey."""
    return signing.dumps(survey.pk, salt=_SALT)


def link(survey: Survey) -> str:
    return settings.SITE_URL + reverse("surveys:answer", args=[token(survey)])


def from_token(value: str) -> Survey:
    """The survey a link names, or LinkError (forged, damaged, expired, or gone)."""
    try:
        # The signature carries the time it was made: an old link says it expired rather
        # than looking forged.
        pk = signing.loads(value, salt=_SALT, max_age=LINK_VALID)
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except signing.BadSignature as exc:
        raise LinkError() from exc
    if not isinstance(pk, int) or isinstance(pk, bool):
        raise LinkError()
    survey = Survey.objects.select_related("ticket", "organization").filter(pk=pk).first()
    if survey is None:
        raise LinkError()
    return survey


# --- Answering ------------------------------------------------------------------------------


def may_answer(user: User, ticket: Ticket) -> bool:
    """The person who asked, or a client admin of the ticket's organization."""
    if not user.is_client or user.organization_id != ticket.organization_id:
        return False
    if user.role == Role.CLIENT_ADMIN:
        return True
    return ticket.requester_id == user.pk or (
        bool(ticket.requester_email) and ticket.requester_email.lower() == user.email.lower()
    )


def is_resolved(ticket: Ticket) -> bool:
    return ticket.status in DONE_STATUSES and ticket.resolved_at is not None


def latest(ticket: Ticket) -> Survey | None:
    return ticket.surveys.order_by("-resolution").first()


def current_survey(ticket: Ticket) -> Survey | None:
    """The survey of the ticket's present resolution, made if none was sent (resolved before
    surveys existed, or nobody to mail); None while the ticket is not resolved."""
    if not is_resolved(ticket):
        return None
    number = max(resolutions(ticket), 1)
    found = ticket.surveys.filter(resolution__gte=number).order_by("-resolution").first()
    if found is not None:
        return found
    assert ticket.resolved_at is not None
    survey, _created = Survey.objects.get_or_create(
        ticket=ticket,
        resolution=number,
        defaults={
            "organization_id": ticket.organization_id,
            "resolved_at": ticket.resolved_at,
            "requester": ticket.requester,
            "email": "",
            "sent_at": timezone.now(),
        },
    )
    return survey


def check_rating(rating: object) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS:
        raise SurveyError(_("rating: choose a whole number from 1 to 5."), "rating")
    return rating


def answer(
    survey: Survey, rating: object, comment: str, by: User | None, at: datetime | None = None
) -> Survey:
    """Record the answer, once: of two answers racing, the conditional UPDATE lets one
    through and the other is told it was answered. A low score tells the IT manager."""
    value = check_rating(rating)
    at = at or timezone.now()
    comment = (comment or "").strip()
    with transaction.atomic():
        claimed = Survey.objects.filter(pk=survey.pk, answered_at__isnull=True).update(
            rating=value, comment=comment, answered_at=at, answered_by=by
        )
        if claimed != 1:
            raise SurveyError(_("This survey has already been answered."), "rating", conflict=True)
        survey.rating, survey.comment, survey.answered_at, survey.answered_by = (
            value,
            comment,
            at,
            by,
        )
        if value <= LOW_RATING:
            mail_low_score(survey)
    return survey


def answer_ticket(ticket: Ticket, rating: object, comment: str, by: User) -> Survey:
    """The portal's and the API's answer: by someone `may_answer` allows, on a resolved
    ticket, for its present resolution."""
    if not may_answer(by, ticket):
        raise SurveyError(
            _("Only the person who asked or a client admin can answer."), forbidden=True
        )
    check_rating(rating)
    with transaction.atomic():
        survey = current_survey(ticket)
        if survey is None:
            raise SurveyError(
                _("The ticket is not resolved: there is nothing to rate yet."),
                "status",
                conflict=True,
            )
        return answer(survey, rating, comment, by)


def is_low(survey: Survey) -> bool:
    return survey.rating is not None and survey.rating <= LOW_RATING


# --- A low score ----------------------------------------------------------------------------


def low_score_readers(survey: Survey) -> list[User]:
    """The client's IT manager (a provider user), else the provider's managers."""
    manager = survey.organization.it_manager
    if manager is not None and manager.is_active:
        return [manager]
    return list(User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk"))


def mail_low_score(survey: Survey) -> None:
    ticket = survey.ticket
    url = settings.SITE_URL + ticket.get_absolute_url()
    for person in low_score_readers(survey):
        language, tz = person.preferred_language(), person.preferred_timezone()
        with translation.override(language):
            subject = f"[{ticket.number}] " + _("Low satisfaction score: %(rating)s of 5") % {
                "rating": survey.rating
            }
        queue(
            "survey_low",
            [person.email],
            _MAIL + "low_score",
            {"ticket": ticket, "survey": survey, "url": url},
            subject,
            language,
            tz,
            ticket=ticket,
        )
    log.info("low score %s on %s", survey.rating, ticket.number)
