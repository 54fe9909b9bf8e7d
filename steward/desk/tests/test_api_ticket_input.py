"""What a ticket body may say: whom Steward mails, where the ticket came from, its title.

A client names a requester among their own organization's contacts and leaves the source to
Steward; staff keep both freedoms. A title is the subject of every mail about the ticket, so
it is one line of real text whatever path it takes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Role
from steward.desk import actions
from steward.desk.models import Source, Ticket
from steward.mail.models import Outbound
from steward.test import (
    ScanningClient,
    World,
    api_client,
    make_ticket,
    make_user,
    patch_json,
    post_json,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _create(client: Client, **body: Any) -> Any:
    body.setdefault("title", "Printer on fire")
    return post_json(client, "/api/v1/tickets", body)


def test_it_lets_clients_name_only_their_own_contacts(w: World) -> None:
    # Another organization's contact is an outsider too.
    outsider = make_user(Role.CLIENT_USER, w.globex, email="gao@globex-corp.com")
    for email in ("victim@gmail.com", outsider.email):
        response = _create(api_client(w.acme_user), requester_email=email)
        assert response.status_code == 422, email
        assert response.json()["field"] == "requester_email"
        assert "not a contact of your organization" in response.json()["detail"]
    assert not Ticket.objects.exists() and not Outbound.objects.exists()
    # A colleague is fine: the ticket is theirs, and so are its mails.
    colleague = make_user(Role.CLIENT_USER, w.acme, email="colleague@acme-corp.com")
    response = _create(api_client(w.acme_user), requester_email=colleague.email)
    assert response.status_code == 201, response.content
    assert response.json()["requester"] == colleague.pk
    assert response.json()["requester_email"] == colleague.email


def test_it_sets_the_source_of_a_clients_ticket(w: World) -> None:
    for source in ("monitoring", "email", "portal", "phone"):
        response = _create(api_client(w.acme_user), source=source)
        assert response.status_code == 422, source
        assert response.json()["field"] == "source"
    assert not Ticket.objects.exists()
    response = _create(api_client(w.acme_user), source="api")
    assert response.status_code == 201 and response.json()["source"] == "api"
    assert _create(api_client(w.acme_user)).json()["source"] == "api"


def test_it_leaves_staff_their_freedom(w: World) -> None:
    response = _create(
        api_client(w.tech),
        organization=w.acme.pk,
        requester_email="new.person@acme-branch.com",
        source="monitoring",
    )
    assert response.status_code == 201, response.content
    assert response.json()["requester_email"] == "new.person@acme-branch.com"
    assert response.json()["source"] == Source.MONITORING


@pytest.mark.parametrize(
    "title", ["Printer\r\nBcc: everyone@example.test", "Line\nbreak", "Tab\there", "   ", "\u2028"]
)
def test_it_refuses_a_title_that_is_not_one_line_of_text(w: World, title: str) -> None:
    response = _create(api_client(w.admin), organization=w.acme.pk, title=title)
    assert response.status_code == 422
    assert response.json()["field"] == "title"
    t = make_ticket(w.acme)
    response = patch_json(api_client(w.admin), f"/api/v1/tickets/{t.pk}", {"title": title})
    assert response.status_code == 422
    assert response.json()["field"] == "title"
    assert Ticket.objects.get(pk=t.pk).title == t.title


def test_it_refuses_such_titles_in_the_desk_and_portal_forms(w: World) -> None:
    bad = "Printer\r\nBcc: everyone@example.test"
    portal = ScanningClient(w.acme_user)
    response = portal.post(
        reverse("portal:new_ticket"), {"title": bad, "impact": "low", "urgency": "low"}
    )
    assert response.status_code == 200 and "One line of text" in response.content.decode()
    response = portal.post(
        reverse("portal:new_ticket"), {"title": "   ", "impact": "low", "urgency": "low"}
    )
    assert response.status_code == 200
    desk = ScanningClient(w.tech)
    form = {
        "organization": w.acme.pk,
        "title": bad,
        "kind": "incident",
        "impact": "low",
        "urgency": "low",
        "source": "phone",
    }
    response = desk.post(reverse("desk:new_ticket"), form)
    assert "One line of text" in response.content.decode()
    assert not Ticket.objects.exists()


def test_it_folds_line_breaks_out_of_titles_from_elsewhere(w: World) -> None:
    # Mail subjects and monitoring checks are not refused: their line breaks become spaces.
    t = actions.open_ticket(
        actions.NewTicket(organization=w.acme, title="Disk\r\n full\ton\x00db1", source="email"),
        actor=None,
    )
    assert t.title == "Disk full on db1"
    # And its mails go out: the acknowledgement is queued with a one-line subject.
    requester = make_user(Role.CLIENT_USER, w.acme)
    t = make_ticket(w.acme, title="A\nB", requester=requester)
    assert t.title == "A B"


@pytest.mark.parametrize("value", [True, False, "1", 1.0])
def test_it_takes_ids_as_integers_only(w: World, value: Any) -> None:
    response = _create(api_client(w.admin), organization=value)
    assert response.status_code == 422
    assert response.json()["field"] == "organization"
    assert not Ticket.objects.exists()


def test_it_refuses_a_body_over_the_limit_with_413(w: World, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    for debug in (False, True):
        settings.DEBUG = debug
        response = _create(api_client(w.admin), organization=w.acme.pk, description="y" * 5000)
        assert response.status_code == 413, debug
        assert response.json()["field"] == "body"
        assert "Traceback" not in response.content.decode()
    assert not Ticket.objects.exists()


def test_it_wants_an_object_for_a_body(w: World) -> None:
    for body in ([], [1, 2], "x", 5, None):
        response = api_client(w.admin).post(
            "/api/v1/tickets", json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 422, body
        assert response.json() == {"detail": "body: send a JSON object.", "field": "body"}


def test_it_answers_a_form_over_the_limit_without_a_traceback(w: World, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.DEBUG = True  # As in the demo.
    portal = ScanningClient(w.acme_user, raise_request_exception=False)
    form = {"title": "x" * 5000, "impact": "low", "urgency": "low"}
    response = portal.post(reverse("portal:new_ticket"), form)
    assert response.status_code == 413
    assert "Traceback" not in response.content.decode()
    assert not Ticket.objects.exists()
