"""Reading a real IMAP server (Dovecot on loopback), and the whole round trip by mail."""

from __future__ import annotations

import threading
from email import message_from_bytes, policy

import pytest
from django.test import override_settings

from steward.desk import actions
from steward.desk.models import Source, Ticket
from steward.mail import imap, outbound
from steward.mail.models import Inbound, InboundState, Mailbox, Security
from steward.mail.tests.factory import make_mail, make_mailbox, received_by
from steward.mail.tests.servers import ImapServer, SmtpSink
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _box(server: ImapServer, **kw: object) -> Mailbox:
    box = make_mailbox(
        imap_host=server.host,
        imap_port=server.port,
        imap_security=Security.NONE,
        imap_user=server.user,
        **kw,
    )
    box.set_password(server.password)
    box.save()
    return box


def test_it_reads_new_mail_and_files_it_away(w: World, imap_server: ImapServer) -> None:
    box = _box(imap_server, processed_folder="Steward/Done")
    imap_server.append(make_mail(subject="VPN down", sender=w.acme_user.email))
    imap_server.append(make_mail(subject="Scanner", sender=w.acme_admin.email))
    assert imap.poll(box) == 2
    assert Ticket.objects.count() == 2
    assert imap_server.messages("INBOX") == []
    assert len(imap_server.messages("Steward/Done")) == 2
    # The stored copy is byte for byte what the server held.
    assert bytes(Inbound.objects.get(subject="VPN down").raw) in imap_server.messages(
        "Steward/Done"
    )
    box.refresh_from_db()
    assert box.last_polled_at is not None and box.last_error == ""
    assert imap.poll(box) == 0


def test_it_marks_mail_read_when_there_is_no_folder_to_move_it_to(
    w: World, imap_server: ImapServer
) -> None:
    box = _box(imap_server)
    imap_server.append(make_mail(sender=w.acme_user.email))
    assert imap.poll(box) == 1
    assert len(imap_server.messages("INBOX")) == 1  # Left in place, marked as read...
    assert imap.poll(box) == 0  # ...so it is not taken twice.
    assert Ticket.objects.count() == 1


def test_it_records_a_wrong_password(w: World, imap_server: ImapServer) -> None:
    box = _box(imap_server)
    box.set_password("wrong")
    box.save()
    with pytest.raises(Exception, match="(?i)auth|login"):
        imap.poll(box)
    box.refresh_from_db()
    assert box.last_error


def test_it_takes_one_reader_per_mailbox(w: World) -> None:
    box = make_mailbox()
    assert imap.take_lease(box)
    assert not imap.take_lease(box)
    imap.release_lease(box)
    assert imap.take_lease(box)


@pytest.mark.django_db(transaction=True)
def test_it_hears_new_mail_through_idle(imap_server: ImapServer) -> None:
    w = world()
    box = _box(imap_server, poll_seconds=30)
    stop = threading.Event()
    watcher = threading.Thread(target=imap.watch, args=(box, stop), daemon=True)
    watcher.start()
    try:
        # Once the watcher has read the (empty) folder it waits in IDLE.
        for _ in range(100):
            if Mailbox.objects.filter(pk=box.pk, last_polled_at__isnull=False).exists():
                break
            stop.wait(0.05)
        stop.wait(0.5)
        imap_server.append(make_mail(subject="Arrives while idling", sender=w.acme_user.email))
        for _ in range(100):
            if Ticket.objects.filter(title="Arrives while idling").exists():
                break
            stop.wait(0.1)
        # Well inside the 30 s poll interval: IDLE told the watcher at once.
        assert Ticket.objects.filter(title="Arrives while idling").exists()
    finally:
        stop.set()
        watcher.join(timeout=10)


def test_it_round_trips_a_conversation_by_mail(
    w: World, imap_server: ImapServer, smtp_sink: SmtpSink
) -> None:
    """Ticket by mail -> acknowledgement -> agent reply threaded -> client reply by mail on
    the same ticket."""
    box = _box(imap_server, organization=w.acme, address="acme-help@provider.test")
    imap_server.append(
        make_mail(subject="Outlook keeps crashing", sender=w.acme_user.email, msgid="c1@acme")
    )
    assert imap.poll(box) == 1
    ticket = Ticket.objects.get()
    assert ticket.source == Source.EMAIL and ticket.requester == w.acme_user
    actions.post_message(ticket, w.tech, "Please start it in safe mode: outlook.exe /safe")
    smtp = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_sink.host, "port": smtp_sink.port, "timeout": 5},
        }
    }
    with override_settings(MAILERS=smtp):
        assert outbound.drain()["sent"] == 2
    ack, reply = (
        message_from_bytes(raw, policy=policy.default) for _f, _to, raw in smtp_sink.messages
    )
    assert ack["To"] == w.acme_user.email and ack["In-Reply-To"] == "<c1@acme>"
    assert reply["In-Reply-To"] == ack["Message-ID"]
    # The client's mail program answers the reply, quoting it, with a subject of its own.
    answer = make_mail(
        subject="RE: " + str(reply["Subject"]),
        body="Safe mode works.\n\n-----Original Message-----\nFrom: Acme help\n"
        "Please start it in safe mode",
        sender=w.acme_user.email,
        in_reply_to=str(reply["Message-ID"]).strip("<>"),
        references=f"{reply['References']} {reply['Message-ID']}",
    )
    imap_server.append(answer)
    assert imap.poll(box) == 1
    assert Ticket.objects.count() == 1
    last = ticket.messages.order_by("-id").first()
    assert last is not None and last.body == "Safe mode works."
    assert Inbound.objects.filter(state=InboundState.REPLY, ticket=ticket).count() == 1


def test_it_holds_forged_staff_mail_read_over_imap(w: World, imap_server: ImapServer) -> None:
    box = _box(imap_server, authserv_id="mx.provider.test")
    ticket = make_ticket(w.acme, requester=w.acme_user)
    subject = f"Re: [{ticket.number}] printer"
    fail = "spf=fail smtp.mailfrom=provider.example; dmarc=fail header.from=provider.example"
    passed = "dkim=pass header.d=provider.example; dmarc=pass header.from=provider.example"
    imap_server.append(received_by(make_mail(subject=subject, sender=w.tech.email), fail))
    imap_server.append(received_by(make_mail(subject=subject, sender=w.tech.email), passed))
    assert imap.poll(box) == 2
    states = sorted(Inbound.objects.values_list("state", flat=True))
    assert states == [InboundState.QUARANTINED, InboundState.REPLY]
    assert ticket.messages.get().by_staff
