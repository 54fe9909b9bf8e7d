"""`GET/POST /api/v1/tickets/{id}/satisfaction` (DESIGN.md): the requester or a client
admin answers a resolved ticket once per resolution; provider roles read, never answer."""

from __future__ import annotations

import pytest
from django.test import Client

from steward.desk import actions
from steward.desk.models import Ticket
from steward.mail.models import Outbound
from steward.reports.models import Survey
from steward.test import World, api_client, covers, make_ticket, post_json, world

pytestmark = pytest.mark.django_db

GET = "GET /api/v1/tickets/{ticket_id}/satisfaction"
POST = "POST /api/v1/tickets/{ticket_id}/satisfaction"


def _url(ticket: Ticket) -> str:
    return f"/api/v1/tickets/{ticket.pk}/satisfaction"


def _resolved(w: World) -> Ticket:
    ticket = make_ticket(w.acme, actor=w.acme_user)
    actions.change_status(ticket, "resolved", w.tech)
    return ticket


@covers(POST, kinds=("role",))
def test_the_requester_answers_once() -> None:
    w = world()
    ticket = _resolved(w)
    client = api_client(w.acme_user)
    answered = post_json(client, _url(ticket), {"rating": 4, "comment": "Good"})
    assert answered.status_code == 201, answered.content
    body = answered.json()
    assert (body["rating"], body["comment"], body["resolution"]) == (4, "Good", 1)
    assert body["answered_by"] == w.acme_user.pk and body["answered_at"] and body["sent_at"]
    again = post_json(client, _url(ticket), {"rating": 5})
    assert again.status_code == 409 and again.json()["field"] == "rating"
    assert Survey.objects.get(ticket=ticket).rating == 4


def test_a_client_admin_of_the_organization_answers() -> None:
    w = world()
    ticket = _resolved(w)
    answered = post_json(api_client(w.acme_admin), _url(ticket), {"rating": 5})
    assert answered.status_code == 201
    assert Survey.objects.get(ticket=ticket).answered_by == w.acme_admin


@covers(POST, kinds=("role",))
@pytest.mark.parametrize("who", ["admin", "manager", "tech"])
def test_provider_roles_may_read_but_not_answer(who: str) -> None:
    w = world()
    ticket = _resolved(w)
    client = api_client(getattr(w, who))
    refused = post_json(client, _url(ticket), {"rating": 5})
    assert refused.status_code == 403
    assert client.get(_url(ticket)).json()["can_answer"] is False
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


def test_a_client_user_cannot_answer_someone_elses_ticket() -> None:
    w = world()
    ticket = _resolved(w)
    colleague = make_ticket(w.acme, actor=w.acme_admin)  # not theirs: they do not see it
    actions.change_status(colleague, "resolved", w.tech)
    client = api_client(w.acme_user)
    assert post_json(client, _url(colleague), {"rating": 1}).status_code == 404
    assert client.get(_url(colleague)).status_code == 404
    # Their organization lets them read every ticket: still not theirs to rate.
    w.acme.users_see_all_tickets = True
    w.acme.save()
    assert client.get(_url(colleague)).json()["can_answer"] is False
    refused = post_json(client, _url(colleague), {"rating": 1})
    assert refused.status_code == 403
    assert post_json(client, _url(ticket), {"rating": 5}).status_code == 201


@covers(GET, POST, kinds=("tenancy",))
def test_another_tenants_ticket_is_a_404() -> None:
    w = world()
    ticket = _resolved(w)
    client = api_client(w.globex_user)
    assert client.get(_url(ticket)).status_code == 404
    assert post_json(client, _url(ticket), {"rating": 5}).status_code == 404
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


@covers(GET, POST, kinds=("login",))
def test_it_requires_a_token() -> None:
    w = world()
    ticket = _resolved(w)
    assert Client().get(_url(ticket)).status_code == 401
    assert post_json(Client(), _url(ticket), {"rating": 5}).status_code == 401


def test_an_unresolved_ticket_is_a_409_naming_its_status() -> None:
    w = world()
    ticket = make_ticket(w.acme, actor=w.acme_user)
    client = api_client(w.acme_user)
    refused = post_json(client, _url(ticket), {"rating": 5})
    assert refused.status_code == 409 and refused.json()["field"] == "status"
    assert not Survey.objects.exists()
    body = client.get(_url(ticket)).json()
    assert body["rating"] is None and body["resolution"] is None and body["can_answer"] is False


@pytest.mark.parametrize("rating", [0, 6, 4.5, "5", True, None])
def test_a_rating_outside_one_to_five_is_refused_by_name(rating: object) -> None:
    w = world()
    ticket = _resolved(w)
    refused = post_json(api_client(w.acme_user), _url(ticket), {"rating": rating})
    assert refused.status_code == 422 and refused.json()["field"] == "rating"
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


def test_a_missing_rating_is_refused_by_name() -> None:
    w = world()
    ticket = _resolved(w)
    refused = post_json(api_client(w.acme_user), _url(ticket), {"comment": "no rating"})
    assert refused.status_code == 422 and refused.json()["field"] == "rating"


def test_get_reads_the_latest_survey() -> None:
    w = world()
    ticket = _resolved(w)
    client = api_client(w.acme_user)
    before = client.get(_url(ticket)).json()
    assert before["resolution"] == 1 and before["rating"] is None and before["can_answer"]
    post_json(client, _url(ticket), {"rating": 2, "comment": "Slow"})
    after = api_client(w.tech).get(_url(ticket)).json()
    assert (after["rating"], after["comment"], after["low"]) == (2, "Slow", True)
    assert after["resolved_at"] and after["answered_at"]


def test_a_ticket_resolved_again_is_asked_again() -> None:
    w = world()
    ticket = _resolved(w)
    client = api_client(w.acme_user)
    assert post_json(client, _url(ticket), {"rating": 2}).status_code == 201
    actions.change_status(ticket, "open", w.acme_user)
    assert post_json(client, _url(ticket), {"rating": 5}).status_code == 409
    actions.change_status(ticket, "resolved", w.tech)
    second = post_json(client, _url(ticket), {"rating": 5})
    assert second.status_code == 201 and second.json()["resolution"] == 2


def test_a_resolved_ticket_without_a_survey_gets_one_on_answering() -> None:
    w = world()
    ticket = _resolved(w)
    # As for a ticket resolved before surveys existed.
    Survey.objects.filter(ticket=ticket).delete()
    answered = post_json(api_client(w.acme_user), _url(ticket), {"rating": 1, "comment": "x"})
    assert answered.status_code == 201
    survey = Survey.objects.get(ticket=ticket)
    assert survey.resolution == 1 and survey.resolved_at == ticket.resolved_at
    # A low score still reaches the provider's managers.
    assert Outbound.objects.filter(kind="survey_low").exists()
