"""The survey in the portal (the ticket page's card and its own page), the desk ticket
page's card, and the desk's list of answers."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Role
from steward.desk import actions
from steward.desk.models import Ticket
from steward.reports import surveys
from steward.reports.models import Survey
from steward.test import ScanningClient, World, covers, make_ticket, make_user, world

pytestmark = pytest.mark.django_db


def _resolved(w: World, title: str = "Mail bounces acme-marker-5e1f") -> Ticket:
    ticket = make_ticket(w.acme, actor=w.acme_user, title=title)
    actions.change_status(ticket, "resolved", w.tech)
    return ticket


def _survey_url(ticket: Ticket) -> str:
    return reverse("reports_portal:survey", args=[ticket.number])


def _panel(client: Client, ticket: Ticket) -> str:
    url = reverse("reports_portal:ticket_panel", args=[ticket.number])
    return str(client.get(url).content.decode())


@covers("reports_portal:survey", kinds=("role",))
def test_the_requester_answers_in_the_portal() -> None:
    w = world()
    ticket = _resolved(w)
    client = ScanningClient(w.acme_user)
    panel = _panel(client, ticket)
    assert 'name="rating"' in panel and _survey_url(ticket) in panel
    answered = client.post(_survey_url(ticket), {"rating": "5", "comment": "Spot on"})
    assert answered.status_code == 302
    assert answered["Location"] == reverse("portal:ticket", args=[ticket.number])
    survey = Survey.objects.get(ticket=ticket)
    assert (survey.rating, survey.comment, survey.answered_by) == (5, "Spot on", w.acme_user)
    # Afterwards the card shows the answer, and a second answer is refused.
    panel = _panel(client, ticket)
    assert 'name="rating"' not in panel and "5/5" in panel and "Spot on" in panel
    again = client.post(_survey_url(ticket), {"rating": "1"})
    assert again.status_code == 409
    assert Survey.objects.get(ticket=ticket).rating == 5


def test_the_portal_page_shows_the_form_and_refuses_a_bad_rating() -> None:
    w = world()
    ticket = _resolved(w)
    client = ScanningClient(w.acme_admin)
    page = client.get(_survey_url(ticket))
    assert page.status_code == 200 and b'name="rating"' in page.content
    refused = client.post(_survey_url(ticket), {"rating": "0"})
    assert refused.status_code == 400
    assert Survey.objects.get(ticket=ticket).answered_at is None


def test_before_resolution_the_portal_says_it_will_ask() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    client = ScanningClient(w.acme_user)
    assert "Once we resolve this request" in _panel(client, ticket)
    refused = client.post(_survey_url(ticket), {"rating": "5"})
    assert refused.status_code == 409
    assert not Survey.objects.exists()


@covers("reports_portal:survey", kinds=("role",))
def test_a_colleague_who_reads_the_ticket_does_not_rate_it() -> None:
    w = world()
    w.acme.users_see_all_tickets = True
    w.acme.save()
    ticket = _resolved(w)
    colleague = make_user(Role.CLIENT_USER, w.acme)
    client = ScanningClient(colleague)
    assert 'name="rating"' not in _panel(client, ticket)
    assert client.post(_survey_url(ticket), {"rating": "1"}).status_code == 403
    assert Survey.objects.get(ticket=ticket).answered_at is None


@covers("reports_portal:survey", kinds=("tenancy",))
def test_another_organizations_ticket_is_a_404_in_the_portal() -> None:
    w = world()
    ticket = _resolved(w)
    client = ScanningClient(w.globex_user)
    assert client.get(_survey_url(ticket)).status_code == 404
    assert client.post(_survey_url(ticket), {"rating": "1"}).status_code == 404
    assert Survey.objects.get(ticket=ticket).answered_at is None


@covers("reports_portal:survey", "reports:surveys", kinds=("login",))
def test_it_requires_login() -> None:
    w = world()
    ticket = _resolved(w)
    for url in (_survey_url(ticket), reverse("reports:surveys")):
        response = Client().get(url)
        assert response.status_code == 302 and "/login" in response["Location"]
    assert Client().post(_survey_url(ticket), {"rating": "1"}).status_code == 302
    assert Survey.objects.get(ticket=ticket).answered_at is None


def test_the_desk_ticket_card_shows_a_low_score_in_red() -> None:
    w = world()
    ticket = _resolved(w)
    surveys.answer(Survey.objects.get(ticket=ticket), 1, "Nobody called back", None)
    url = reverse("reports:ticket_panel", args=[ticket.pk])
    card = ScanningClient(w.tech).get(url).content.decode()
    assert "1/5" in card and "bg-danger" in card and "Nobody called back" in card


def test_the_desk_ticket_card_says_when_nobody_answered() -> None:
    w = world()
    ticket = _resolved(w)
    card = ScanningClient(w.tech).get(reverse("reports:ticket_panel", args=[ticket.pk]))
    assert "No answer yet" in card.content.decode()


def test_the_desk_list_shows_answers_low_scores_and_the_response_rate() -> None:
    w = world()
    good, bad, _silent = _resolved(w, "Good"), _resolved(w, "Bad"), _resolved(w, "Silent")
    surveys.answer(Survey.objects.get(ticket=good), 5, "Great work", None)
    surveys.answer(Survey.objects.get(ticket=bad), 2, "Too slow", None)
    client = ScanningClient(w.manager)
    page = client.get(reverse("reports:surveys")).content.decode()
    assert "Great work" in page and "Too slow" in page
    assert "66.7%" in page  # 2 of 3 answered
    assert "3.5" in page  # mean of 5 and 2
    low = client.get(reverse("reports:surveys") + "?low=1").content.decode()
    assert "Too slow" in low and "Great work" not in low


@covers("reports:surveys", kinds=("tenancy",))
def test_the_desk_list_shows_only_the_organizations_one_sees() -> None:
    w = world()
    globex_ticket = make_ticket(w.globex, actor=w.globex_user, title="Globex globex-marker-9c07")
    actions.change_status(globex_ticket, "resolved", w.admin)
    surveys.answer(Survey.objects.get(ticket=globex_ticket), 1, "globex-marker-9c07", None)
    acme_ticket = _resolved(w)
    surveys.answer(Survey.objects.get(ticket=acme_ticket), 4, "fine", None)
    # The technician works for Acme only: ScanningClient fails on Globex's marker.
    client = ScanningClient(w.tech)
    page = client.get(reverse("reports:surveys"))
    assert page.status_code == 200 and "fine" in page.content.decode()
    assert client.get(reverse("reports:surveys") + f"?org={w.globex.pk}").status_code == 404
    assert ScanningClient(w.acme_admin).get(reverse("reports:surveys")).status_code == 404
