"""A resolved ticket asks its requester, by mail in their language, once per resolution; a
low score tells the client's IT manager."""

from __future__ import annotations

import re

import pytest

from steward.accounts.models import Role, User
from steward.desk import actions, events
from steward.desk.models import Source, Ticket
from steward.mail.models import Outbound
from steward.reports import surveys
from steward.reports.models import Survey
from steward.test import make_org, make_ticket, make_user, world

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://\S+/survey/([^/\s]+)/")


def _resolve(ticket: Ticket, tech: User) -> Ticket:
    return actions.change_status(ticket, "resolved", tech)


def test_it_mails_the_requester_a_signed_link_when_the_ticket_is_resolved() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user, title="Printer jams")
    _resolve(ticket, w.tech)
    survey = Survey.objects.get(ticket=ticket)
    assert (survey.resolution, survey.email, survey.requester) == (
        1,
        w.acme_user.email,
        w.acme_user,
    )
    assert survey.resolved_at == ticket.resolved_at and not survey.answered
    mail = Outbound.objects.get(kind="survey")
    assert mail.to == [w.acme_user.email] and ticket.number in mail.subject
    token = LINK.search(mail.text).group(1)  # type: ignore[union-attr]
    assert surveys.from_token(token) == survey
    # Five one-click ratings, each landing on the form with its rating chosen.
    for n in range(1, 6):
        assert f"/survey/{token}/?rating={n}" in mail.text
        assert f"/survey/{token}/?rating={n}" in mail.html


def test_it_asks_again_after_the_ticket_is_reopened_and_resolved_again() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    _resolve(ticket, w.tech)
    actions.change_status(ticket, "open", w.acme_user)
    _resolve(ticket, w.tech)
    assert list(ticket.surveys.order_by("resolution").values_list("resolution", flat=True)) == [
        1,
        2,
    ]
    assert Outbound.objects.filter(kind="survey").count() == 2


def test_it_asks_once_for_an_event_handed_over_by_the_worker() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    with events.detached():
        _resolve(ticket, w.tech)
    assert not Survey.objects.exists()
    events.publish_all()
    assert Survey.objects.filter(ticket=ticket).count() == 1
    assert events.publish_all() == 0
    assert Outbound.objects.filter(kind="survey").count() == 1


@pytest.mark.parametrize("source", [Source.MONITORING, Source.MAINTENANCE])
def test_it_does_not_ask_about_tickets_nobody_asked_for(source: str) -> None:
    w = world()
    ticket = make_ticket(w.acme, source=source, requester_email="alerts@acme.example")
    _resolve(ticket, w.tech)
    assert not Survey.objects.exists()
    assert not Outbound.objects.filter(kind="survey").exists()


def test_it_does_not_mail_without_a_requester_address() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.tech)
    _resolve(ticket, w.tech)
    assert not Outbound.objects.filter(kind="survey").exists()


def test_the_mail_speaks_the_requesters_language() -> None:
    w = world()
    greek = make_user(Role.CLIENT_USER, w.acme, language="el")
    _resolve(make_ticket(w.acme, actor=greek), w.tech)
    chinese = make_user(Role.CLIENT_USER, w.globex)  # Globex speaks Simplified Chinese
    _resolve(make_ticket(w.globex, actor=chinese), w.admin)
    el = Outbound.objects.get(kind="survey", to=[greek.email])
    zh = Outbound.objects.get(kind="survey", to=[chinese.email])
    assert el.language == "el" and "Πώς τα πήγαμε;" in el.subject
    assert "Απαντήστε στην έρευνα" in el.text and "5 αστέρια" in el.text
    assert zh.language == "zh-hans" and "我们做得怎么样？" in zh.subject
    assert "回答调查" in zh.text and "5 星" in zh.text


def test_a_low_score_mails_the_it_manager_with_the_comment_and_the_ticket() -> None:
    w = world()
    w.acme.it_manager = w.tech
    w.acme.save()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    _resolve(ticket, w.tech)
    survey = Survey.objects.get(ticket=ticket)
    surveys.answer(survey, 2, "Took three days to hear back.", None)
    mail = Outbound.objects.get(kind="survey_low")
    assert mail.to == [w.tech.email]
    assert "Took three days to hear back." in mail.text
    assert ticket.get_absolute_url() in mail.text and "2" in mail.subject


def test_a_low_score_goes_to_the_provider_managers_without_an_it_manager() -> None:
    w = world()
    other_manager = make_user(Role.MANAGER, language="zh-hans")
    ticket = make_ticket(w.acme, actor=w.acme_user)
    _resolve(ticket, w.tech)
    surveys.answer(Survey.objects.get(ticket=ticket), 1, "", None)
    sent = {tuple(m.to): m for m in Outbound.objects.filter(kind="survey_low")}
    assert set(sent) == {(w.manager.email,), (other_manager.email,)}
    assert "满意度低" in sent[(other_manager.email,)].subject


def test_a_good_score_tells_nobody() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    _resolve(ticket, w.tech)
    surveys.answer(Survey.objects.get(ticket=ticket), 3, "Fine.", None)
    assert not Outbound.objects.filter(kind="survey_low").exists()


def test_an_answer_counts_once() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    _resolve(ticket, w.tech)
    survey = Survey.objects.get(ticket=ticket)
    surveys.answer(survey, 5, "", None)
    with pytest.raises(surveys.SurveyError) as refused:
        surveys.answer(Survey.objects.get(pk=survey.pk), 1, "changed my mind", None)
    assert refused.value.conflict
    assert Survey.objects.get(pk=survey.pk).rating == 5
    assert not Outbound.objects.filter(kind="survey_low").exists()


def test_it_needs_no_requester_account_only_an_address() -> None:
    org = make_org("ACME", language="el")
    tech = make_user(Role.TECHNICIAN)
    ticket = make_ticket(org, source=Source.EMAIL, requester_email="someone@acme.example")
    _resolve(ticket, tech)
    mail = Outbound.objects.get(kind="survey")
    assert mail.to == ["someone@acme.example"] and mail.language == "el"
    assert Survey.objects.get(ticket=ticket).requester is None
