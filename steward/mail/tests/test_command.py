"""`steward mail ingest < message.eml`, as a mail server's pipe runs it."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from steward.desk.models import Ticket
from steward.mail import inbound
from steward.mail.models import Inbound, Via
from steward.mail.tests.factory import make_mail, make_mailbox, received_by
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _ingest(monkeypatch: pytest.MonkeyPatch, raw: bytes, *args: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()
    call_command("mail", "ingest", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_ingests_a_message_from_standard_input(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = make_mailbox()
    raw = make_mail(sender=w.acme_user.email, msgid="pipe@client.test")
    output = _ingest(monkeypatch, raw, "--mailbox", box.address)
    assert "New ticket" in output
    mail = Inbound.objects.get()
    assert mail.via == Via.PIPE and mail.mailbox == box and bytes(mail.raw) == raw
    assert "duplicate" in _ingest(monkeypatch, raw)
    assert Ticket.objects.count() == 1


def test_it_asks_the_mail_server_to_retry_when_it_cannot_store(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*args: object, **kwargs: object) -> None:
        raise DatabaseError("database is locked")

    monkeypatch.setattr(inbound, "store", down)
    with pytest.raises(SystemExit) as exit_:
        _ingest(monkeypatch, make_mail(sender=w.acme_user.email))
    assert exit_.value.code == 75  # EX_TEMPFAIL: Postfix and Exim keep it and retry.


def test_it_refuses_empty_input_and_unknown_mailboxes(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as exit_:
        _ingest(monkeypatch, b"")
    assert exit_.value.code == 65
    with pytest.raises(CommandError, match="No mailbox"):
        _ingest(monkeypatch, make_mail(), "--mailbox", "nobody@provider.test")
    assert Inbound.objects.count() == 0


def test_it_holds_forged_staff_mail_from_the_pipe(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = make_mailbox(authserv_id="mx.provider.test")
    ticket = make_ticket(w.acme, requester=w.acme_user)
    subject = f"Re: [{ticket.number}] printer"
    forged = make_mail(subject=subject, sender=w.tech.email, body="Closing this, all fixed.")
    fail = "spf=fail smtp.mailfrom=provider.example; dmarc=fail header.from=provider.example"
    output = _ingest(monkeypatch, received_by(forged, fail), "--mailbox", box.address)
    assert "Quarantined" in output and "may be forged" in output
    assert ticket.messages.count() == 0
    genuine = make_mail(subject=subject, sender=w.tech.email, body="On my way.")
    passed = "dkim=pass header.d=provider.example; dmarc=pass header.from=provider.example"
    output = _ingest(monkeypatch, received_by(genuine, passed), "--mailbox", box.address)
    assert "Added to a ticket" in output
    assert ticket.messages.get().by_staff
