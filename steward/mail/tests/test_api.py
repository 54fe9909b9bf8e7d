"""POST /api/v1/mail/inbound: relays hand over raw mail; bad input gets a clear 4xx."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client, override_settings

from steward.mail.models import Inbound, InboundState, Via
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.test import World, api_client, covers, world

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
ROUTE = "POST /api/v1/mail/inbound"
URL = "/api/v1/mail/inbound"


@pytest.fixture
def w() -> World:
    return world()


def _post(client: Client, raw: bytes, query: str = "") -> Response:
    return client.post(URL + query, raw, content_type="message/rfc822")


@covers(ROUTE, kinds=("login",))
def test_it_requires_a_token(w: World) -> None:
    response = _post(Client(), make_mail(sender=w.acme_user.email))
    assert response.status_code == 401
    assert Inbound.objects.count() == 0


@covers(ROUTE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin, w.acme_user):
        response = _post(api_client(user), make_mail(sender=w.acme_user.email))
        assert response.status_code == 403, user.role
    assert Inbound.objects.count() == 0


def test_it_stores_and_places_a_message(w: World) -> None:
    box = make_mailbox(address="help@provider.test")
    raw = make_mail(sender=w.acme_user.email, msgid="relay-1@client.test")
    response = _post(api_client(w.admin), raw, "?mailbox=HELP@provider.test")
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["state"] == InboundState.NEW_TICKET
    assert body["ticket"] == "ACME-1"
    assert body["duplicate"] is False
    assert body["message_id"] == "relay-1@client.test"
    mail = Inbound.objects.get()
    assert mail.via == Via.API and mail.mailbox == box and bytes(mail.raw) == raw
    again = _post(api_client(w.admin), raw)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True and again.json()["id"] == body["id"]


@covers(ROUTE, kinds=("tenancy",))
def test_it_answers_a_manager_without_leaking_other_tickets(w: World) -> None:
    # Mail from Globex posted by the provider's manager lands on Globex, and the answer
    # names only that ticket (the scanning client checks nothing else leaks).
    response = _post(api_client(w.manager), make_mail(sender=w.globex_user.email))
    assert response.status_code == 202
    assert response.json()["ticket"] == "GLBX-1"


def test_it_quarantines_garbage_rather_than_refusing_it(w: World) -> None:
    response = _post(api_client(w.admin), b"\x00\xff not an email at all \xfe")
    assert response.status_code == 202
    assert response.json()["state"] == InboundState.QUARANTINED
    assert Inbound.objects.get().size == len(b"\x00\xff not an email at all \xfe")


def test_it_refuses_an_empty_body(w: World) -> None:
    response = _post(api_client(w.admin), b"  \r\n")
    assert response.status_code == 400
    assert response.json()["field"] == "body"


def test_it_refuses_an_unknown_mailbox(w: World) -> None:
    response = _post(api_client(w.admin), make_mail(), "?mailbox=nobody@provider.test")
    assert response.status_code == 404
    assert response.json()["field"] == "mailbox"
    assert Inbound.objects.count() == 0


@override_settings(MAIL_MAX_BYTES=2000)
def test_it_refuses_a_message_over_the_limit(w: World) -> None:
    response = _post(api_client(w.admin), make_mail(body="x" * 5000))
    assert response.status_code == 413
    assert "2000" in response.json()["detail"]
    assert Inbound.objects.count() == 0


def test_it_takes_mail_larger_than_a_form_upload(w: World) -> None:
    # DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is for forms; a 5 MB email must still pass.
    raw = make_mail(
        sender=w.acme_user.email,
        attachments=(("scan.pdf", "application/pdf", b"%PDF" + b"0" * (5 * 1024 * 1024)),),
    )
    response = _post(api_client(w.admin), raw)
    assert response.status_code == 202, response.content
    assert Inbound.objects.get().size == len(raw)
