"""Sending mail: who hears what, in which language, and the outbox that survives a down
SMTP server."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.core import mail as django_mail
from django.test import override_settings
from django.utils import timezone

from steward.desk import actions
from steward.desk.models import Status
from steward.mail import inbound, outbound
from steward.mail.models import MAX_ATTEMPTS, Outbound, OutboundState
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.mail.tests.servers import SmtpSink
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _smtp(sink: SmtpSink) -> dict[str, object]:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": sink.host, "port": sink.port, "timeout": 5},
        }
    }


def test_it_acknowledges_in_the_clients_language_and_time_zone(w: World) -> None:
    ticket = actions.open_ticket(
        actions.NewTicket(organization=w.globex, title="打印机坏了", requester=w.globex_user),
        w.globex_user,
    )
    ack = Outbound.objects.get(ticket=ticket)
    assert ack.language == "zh-hans"
    assert "(Asia/Shanghai)" in ack.text
    assert "打印机坏了" in ack.subject
    assert "我们已收到您的请求" in ack.text


def test_it_mails_public_staff_replies_and_nothing_else(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    Outbound.objects.all().delete()
    actions.post_message(ticket, w.tech, "Internal: check the toner", public=False)
    actions.post_message(ticket, w.acme_user, "Any news?")
    assert Outbound.objects.count() == 0
    actions.post_message(ticket, w.tech, "A new drum is on its way.")
    reply = Outbound.objects.get()
    assert reply.kind == "reply" and reply.to == [w.acme_user.email]
    assert "A new drum is on its way." in reply.text
    assert reply.subject == f"Re: [{ticket.number}] {ticket.title}"
    assert not reply.automatic


def test_it_tells_the_client_a_ticket_is_resolved_with_a_way_back(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    Outbound.objects.all().delete()
    actions.change_status(ticket, Status.RESOLVED, w.tech)
    # The resolution's own mail (the satisfaction survey, from reports, goes apart).
    resolved = Outbound.objects.get(kind="status_resolved")
    assert f"/portal/tickets/{ticket.number}/" in resolved.text
    assert "reply to this email or reopen" in resolved.text


def test_it_does_not_tell_clients_what_they_did_themselves(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    Outbound.objects.all().delete()
    actions.change_status(ticket, Status.CLOSED, w.acme_user)
    assert Outbound.objects.count() == 0


def test_it_threads_our_mail_into_the_clients_conversation(w: World, smtp_sink: SmtpSink) -> None:
    make_mailbox(organization=w.acme, address="acme-help@provider.test", name="Acme help")
    received = inbound.receive(make_mail(sender=w.acme_user.email, msgid="start@client.test"))
    ticket = received.inbound.ticket
    assert ticket is not None
    actions.post_message(ticket, w.tech, "On my way.")
    with override_settings(MAILERS=_smtp(smtp_sink)):
        assert outbound.drain() == {"sent": 2, "retry": 0, "failed": 0}
    ack, reply = (
        message_from_bytes(raw, policy=policy.default) for _f, _t, raw in smtp_sink.messages
    )
    assert ack["In-Reply-To"] == "<start@client.test>"
    assert ack["Auto-Submitted"] == "auto-generated"
    assert ack["Reply-To"] == "acme-help@provider.test"
    assert "acme-help@provider.test" in ack["From"]
    assert f"[{ticket.number}]" in ack["Subject"]
    assert reply["In-Reply-To"] == ack["Message-ID"]
    assert reply["References"].split() == ["<start@client.test>", ack["Message-ID"]]
    assert reply["Auto-Submitted"] is None
    assert reply.get_body(("html",)) is not None


def test_it_keeps_mail_while_the_smtp_server_is_down(w: World, smtp_sink: SmtpSink) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    smtp_sink.stop()
    now = timezone.now()
    with override_settings(MAILERS=_smtp(smtp_sink)):
        assert outbound.drain(now) == {"sent": 0, "retry": 1, "failed": 0}
        pending = Outbound.objects.get()
        assert pending.state == OutboundState.PENDING and pending.attempts == 1
        assert pending.last_error
        assert pending.next_attempt_at == now + timedelta(minutes=1)
        # Not due yet: nothing is tried.
        assert outbound.drain(now + timedelta(seconds=30))["retry"] == 0
        smtp_sink.start()
        assert outbound.drain(now + timedelta(minutes=2))["sent"] == 1
    assert len(smtp_sink.messages) == 1
    pending.refresh_from_db()
    assert pending.state == OutboundState.SENT and pending.last_error == ""


def test_it_gives_up_after_the_last_attempt_and_retries_on_request(
    w: World, smtp_sink: SmtpSink
) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    smtp_sink.stop()
    at = timezone.now()
    with override_settings(MAILERS=_smtp(smtp_sink)):
        for _ in range(MAX_ATTEMPTS):
            outbound.drain(at)
            at += timedelta(hours=7)
        failed = Outbound.objects.get()
        assert failed.state == OutboundState.FAILED and failed.attempts == MAX_ATTEMPTS
        assert outbound.drain(at + timedelta(days=1))["retry"] == 0
        smtp_sink.start()
        outbound.retry(failed, at)
        assert outbound.drain(at)["sent"] == 1


def test_it_sends_each_mail_once_when_workers_race(w: World) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    out = Outbound.objects.get()
    now = timezone.now()
    # A second worker claimed it first: this drain must not send it again.
    Outbound.objects.filter(pk=out.pk).update(state=OutboundState.SENDING, claimed_at=now)
    assert outbound.drain(now)["sent"] == 0
    assert django_mail.outbox == []
    # A worker that died mid-send: ten minutes later the mail is due again.
    assert outbound.drain(now + timedelta(minutes=11))["sent"] == 1
    assert len(django_mail.outbox) == 1


def test_it_falls_back_to_the_default_sender(w: World) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    out = Outbound.objects.get()
    assert out.from_header == "steward@localhost" and out.reply_to == ""
    provider = make_mailbox(address="support@provider.test", name="Support")
    make_ticket(w.globex, requester=w.globex_user)
    out = Outbound.objects.get(organization=w.globex)
    assert provider.address in out.from_header and out.reply_to == provider.address
