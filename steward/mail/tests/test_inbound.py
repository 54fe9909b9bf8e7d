"""Receiving mail: stored first, threaded onto the right ticket, noise kept out, nothing lost."""

from __future__ import annotations

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steward.accounts.models import Role, User
from steward.desk import actions
from steward.desk.models import EventKind, Source, Status, Ticket
from steward.mail import inbound
from steward.mail.models import (
    Inbound,
    InboundState,
    MailDomain,
    Outbound,
    UnknownSender,
    Via,
)
from steward.mail.tests.factory import make_mail, make_mailbox, received_by
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


# What the receiving server (authserv-id mx.provider.test) writes for the provider's own
# technicians (provider.example), and for a forger who only wrote their From header.
DMARC_PASS = (
    "dkim=pass (2048-bit key; unprotected) header.d=provider.example header.s=s1 "
    "header.b=Xy12Ab3c; spf=pass (mx.provider.test: domain of tess@provider.example "
    "designates 192.0.2.25 as permitted sender) smtp.mailfrom=tess@provider.example; "
    "dmarc=pass (p=reject dis=none) header.from=provider.example"
)
DMARC_FAIL = (
    "dkim=none (no signature); spf=fail (mx.provider.test: domain of provider.example does "
    "not designate 203.0.113.9 as permitted sender) smtp.mailfrom=provider.example; "
    "dmarc=fail (p=reject dis=none) header.from=provider.example"
)


def _receive(raw: bytes, **kw: object) -> Inbound:
    return inbound.receive(raw, **kw).inbound  # type: ignore[arg-type]


def test_it_opens_a_ticket_for_a_known_contact(w: World) -> None:
    mail = _receive(make_mail(sender=w.acme_user.email, msgid="first@client.test"))
    assert mail.state == InboundState.NEW_TICKET
    ticket = mail.ticket
    assert ticket is not None and ticket.organization == w.acme
    assert ticket.requester == w.acme_user
    assert ticket.source == Source.EMAIL
    assert ticket.title == "The printer on floor 2 is jammed"
    assert "error 13" in ticket.description
    assert ticket.first_response_due is not None
    assert bytes(Inbound.objects.get(pk=mail.pk).raw).startswith(b"Subject:")


def test_it_acknowledges_with_the_targets(w: World) -> None:
    mail = _receive(make_mail(sender=w.acme_user.email))
    ack = Outbound.objects.get(ticket=mail.ticket, kind="acknowledgement")
    assert ack.to == [w.acme_user.email]
    assert f"[{mail.ticket.number}]" in ack.subject  # type: ignore[union-attr]
    assert "We will respond by" in ack.text
    assert f"({w.acme.timezone})" in ack.text
    assert "We will respond by" in ack.html
    assert ack.automatic


def test_it_takes_the_same_message_id_once(w: World) -> None:
    raw = make_mail(sender=w.acme_user.email, msgid="twice@client.test")
    first = inbound.receive(raw)
    # The same message delivered again, to a second mailbox, with an extra trace header.
    again = inbound.receive(b"Delivered-To: other@provider.test\r\n" + raw)
    assert not first.duplicate and again.duplicate
    assert again.inbound.pk == first.inbound.pk
    assert Ticket.objects.count() == 1
    assert Inbound.objects.count() == 1


def test_it_threads_a_reply_to_our_mail(w: World) -> None:
    opened = _receive(make_mail(sender=w.acme_user.email))
    ticket = opened.ticket
    assert ticket is not None
    ack = Outbound.objects.get(ticket=ticket)
    actions.change_status(ticket, Status.WAITING_ON_CLIENT, w.tech)
    reply = _receive(
        make_mail(
            subject="Re: something else entirely",
            body="Here is the photo.\n\nOn Mon, Help Desk wrote:\n> Could you send a photo?",
            sender=w.acme_user.email,
            in_reply_to=ack.msgid,
        )
    )
    assert reply.state == InboundState.REPLY
    assert reply.ticket == ticket
    assert reply.message is not None and reply.message.source == Source.EMAIL
    assert reply.message.body.startswith("Here is the photo.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert Ticket.objects.count() == 1


def test_it_threads_by_the_number_in_the_subject(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    mail = _receive(make_mail(subject=f"RE: [{ticket.number}] printer", sender=w.acme_admin.email))
    assert mail.state == InboundState.REPLY and mail.ticket == ticket


def test_it_refuses_another_organizations_ticket_number(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    mail = _receive(make_mail(subject=f"[{ticket.number}] let me in", sender=w.globex_user.email))
    assert mail.state == InboundState.QUARANTINED
    assert "another organization" in mail.reason
    assert ticket.messages.count() == 0


def test_it_quarantines_a_stranger_quoting_a_ticket_number(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    mail = _receive(make_mail(subject=f"[{ticket.number}] hi", sender="eve@elsewhere.test"))
    assert mail.state == InboundState.QUARANTINED
    assert ticket.messages.count() == 0


def test_it_places_an_unknown_sender_by_mail_domain(w: World) -> None:
    MailDomain.objects.create(organization=w.acme, domain="Acme-Corp.test")
    mail = _receive(make_mail(sender="Newbie <newbie@acme-corp.test>"))
    assert mail.state == InboundState.NEW_TICKET
    assert mail.ticket is not None and mail.ticket.organization == w.acme
    assert mail.ticket.requester_email == "newbie@acme-corp.test"


def test_it_creates_a_contact_when_the_mailbox_says_so(w: World) -> None:
    box = make_mailbox(organization=w.acme, unknown_sender=UnknownSender.CREATE_CONTACT)
    mail = _receive(make_mail(sender="new.person@gmail.test"), mailbox=box)
    assert mail.state == InboundState.NEW_TICKET
    contact = User.objects.get(email="new.person@gmail.test")
    assert contact.organization == w.acme and contact.role == Role.CLIENT_USER
    assert mail.ticket is not None and mail.ticket.requester == contact


def test_it_quarantines_an_unknown_sender_when_the_mailbox_says_so(w: World) -> None:
    box = make_mailbox(organization=w.acme, unknown_sender=UnknownSender.QUARANTINE)
    mail = _receive(make_mail(sender="new.person@gmail.test"), mailbox=box)
    assert mail.state == InboundState.QUARANTINED
    assert "new.person@gmail.test" in mail.reason
    assert not User.objects.filter(email="new.person@gmail.test").exists()


def test_it_quarantines_an_unknown_sender_to_a_provider_wide_mailbox(w: World) -> None:
    mail = _receive(make_mail(sender="who@nowhere.test"), mailbox=make_mailbox())
    assert mail.state == InboundState.QUARANTINED
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize(
    "header",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"X-Autoreply": "yes"},
    ],
)
def test_it_ignores_automatic_mail(w: World, header: dict[str, str]) -> None:
    mail = _receive(make_mail(sender=w.acme_user.email, headers=header))
    assert mail.state == InboundState.IGNORED
    assert Ticket.objects.count() == 0
    assert Outbound.objects.count() == 0  # No acknowledgement to an auto-responder: no loop.


def test_it_takes_mail_marked_not_automatic(w: World) -> None:
    mail = _receive(make_mail(sender=w.acme_user.email, headers={"Auto-Submitted": "no"}))
    assert mail.state == InboundState.NEW_TICKET


def test_it_ignores_mail_from_our_own_address(w: World) -> None:
    box = make_mailbox()
    mail = _receive(make_mail(sender=box.address), mailbox=box)
    assert mail.state == InboundState.IGNORED
    assert "loop" in mail.reason


@override_settings(MAIL_RATE_LIMIT=3)
def test_it_limits_a_flooding_sender(w: World) -> None:
    states = [
        _receive(make_mail(subject=f"Help {n}", sender=w.acme_user.email)).state for n in range(5)
    ]
    assert states[:3] == [InboundState.NEW_TICKET] * 3
    assert states[3:] == [InboundState.QUARANTINED] * 2
    assert Inbound.objects.count() == 5  # Quarantined, not dropped.


def _bounce_for(msgid: str) -> bytes:
    """A delivery-status notification as Postfix writes it."""
    return (
        "From: MAILER-DAEMON@mx.acme.test (Mail Delivery System)\r\n"
        "To: help@provider.test\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "Message-ID: <bounce-1@mx.acme.test>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
        "\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
        "This is the mail system. Your message could not be delivered.\r\n"
        "\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.acme.test\r\n\r\n"
        "Final-Recipient: rfc822; gone@acme.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
        "\r\n--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: <{msgid}>\r\nSubject: [ACME-1] Received\r\n"
        "\r\n--B--\r\n"
    ).encode()


def test_it_records_a_bounce_on_the_ticket(w: World) -> None:
    opened = _receive(make_mail(sender=w.acme_user.email))
    ack = Outbound.objects.get(ticket=opened.ticket)
    mail = _receive(_bounce_for(ack.msgid))
    assert mail.state == InboundState.BOUNCE
    assert mail.ticket == opened.ticket
    assert opened.ticket is not None
    event = opened.ticket.events.get(kind=EventKind.MAIL_BOUNCED)
    assert "5.1.1" in event.data["detail"]
    ack.refresh_from_db()
    assert "5.1.1" in ack.bounced
    assert Ticket.objects.count() == 1


def test_it_quarantines_a_bounce_for_mail_we_did_not_send(w: World) -> None:
    mail = _receive(_bounce_for("not-ours@elsewhere.test"))
    assert mail.state == InboundState.QUARANTINED


def test_it_quarantines_mail_without_a_sender(w: World) -> None:
    mail = _receive(make_mail(sender=""))
    assert mail.state == InboundState.QUARANTINED
    assert "no sender" in mail.reason


def test_it_quarantines_instead_of_losing_mail_when_processing_fails(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "open_ticket", broken)
    raw = make_mail(sender=w.acme_user.email)
    mail = _receive(raw)
    assert mail.state == InboundState.QUARANTINED
    assert "disk full" in mail.reason
    assert bytes(Inbound.objects.get(pk=mail.pk).raw) == raw
    assert Ticket.objects.count() == 0
    monkeypatch.undo()
    inbound.process(mail)
    assert mail.state == InboundState.NEW_TICKET


def test_it_places_quarantined_mail_where_a_person_says(w: World) -> None:
    stranger = _receive(make_mail(sender="who@nowhere.test"))
    assert stranger.state == InboundState.QUARANTINED
    inbound.process(stranger, organization=w.globex, actor=w.admin)
    assert stranger.state == InboundState.NEW_TICKET
    assert stranger.ticket is not None and stranger.ticket.organization == w.globex
    ticket = make_ticket(w.acme)
    other = _receive(make_mail(subject="About that", sender="who2@nowhere.test"))
    inbound.process(other, ticket=ticket, actor=w.admin)
    assert other.state == InboundState.REPLY and other.ticket == ticket
    assert ticket.messages.get().author_email == "who2@nowhere.test"


def test_it_takes_staff_replies_by_mail_as_responses(w: World) -> None:
    box = make_mailbox(authserv_id="mx.provider.test")
    opened = _receive(make_mail(sender=w.acme_user.email), mailbox=box)
    ticket = opened.ticket
    assert ticket is not None
    ack = Outbound.objects.get(ticket=ticket)
    staff = make_mail(subject="Re: printer", sender=w.tech.email, in_reply_to=ack.msgid)
    reply = _receive(received_by(staff, DMARC_PASS), mailbox=box)
    assert reply.state == InboundState.REPLY
    assert reply.message is not None and reply.message.by_staff
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None


def test_it_keeps_oversized_attachments_in_the_original(w: World) -> None:
    big = b"\0" * (11 * 1024 * 1024)
    raw = make_mail(
        sender=w.acme_user.email,
        attachments=(
            ("error.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"1" * 100),
            ("disk.img", "application/pdf", big),
        ),
    )
    mail = _receive(raw)
    assert mail.state == InboundState.NEW_TICKET and mail.ticket is not None
    names = [a.name for m in mail.ticket.messages.all() for a in m.attachments.all()]
    assert names == ["error.png"]
    assert "disk.img was not attached" in mail.ticket.description
    assert len(bytes(Inbound.objects.get(pk=mail.pk).raw)) == len(raw)


def test_it_reads_chinese_in_a_legacy_charset(w: World) -> None:
    mail = _receive(
        make_mail(
            subject="打印机坏了",
            body="二楼的打印机不能打印。",
            sender=w.globex_user.email,
            charset="gb2312",
        )
    )
    assert mail.ticket is not None
    assert mail.ticket.title == "打印机坏了"
    assert "二楼的打印机不能打印" in mail.ticket.description


def test_it_refuses_a_message_over_the_limit(w: World) -> None:
    with override_settings(MAIL_MAX_BYTES=1000), pytest.raises(inbound.MailTooLarge):
        inbound.receive(make_mail(body="x" * 2000), via=Via.PIPE)
    assert Inbound.objects.count() == 0


def test_it_reads_the_message_id_before_parsing() -> None:
    raw = b"Subject: x\r\nMessage-ID:\r\n <abc@def.test>\r\n\r\nMessage-ID: <body@x>\r\n"
    assert inbound.header_message_id(raw) == "abc@def.test"
    assert inbound.header_message_id(b"Subject: none\r\n\r\nbody") == ""


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda head, body: head + b"\r\n\r\n" + body,
            st.sampled_from(
                [
                    b"From: andy@acme.example\r\nSubject: [ACME-1] x",
                    b"From: \xff\xfe@\r\nContent-Type: multipart/mixed; boundary=Z",
                    b"Content-Type: text/plain; charset=gb2312\r\nFrom: a@b.test",
                    b"Auto-Submitted: auto-replied\r\nFrom: a@b.test",
                    b"",
                ]
            ),
            st.binary(max_size=2000),
        ),
    )
)
def test_it_never_loses_a_message(w: World, raw: bytes) -> None:
    received = inbound.receive(raw)
    stored = Inbound.objects.get(pk=received.inbound.pk)
    assert bytes(stored.raw) == raw or received.duplicate
    assert stored.state != InboundState.RECEIVED  # Placed, ignored or quarantined: decided.
    if stored.state == InboundState.QUARANTINED:
        assert stored.reason


def _staff_reply(w: World, *results: str, **box: object) -> tuple[Ticket, Inbound]:
    """A technician answers the acknowledgement of a client's new ticket by mail."""
    mailbox = make_mailbox(**box)
    ticket = _receive(make_mail(sender=w.acme_user.email), mailbox=mailbox).ticket
    assert ticket is not None
    ack = Outbound.objects.get(ticket=ticket, kind="acknowledgement")
    raw = make_mail(
        subject=f"Re: [{ticket.number}] printer",
        body="Please turn it off and on again; I am on my way.",
        sender=f"Tess Technician <{w.tech.email}>",
        in_reply_to=ack.msgid,
    )
    reply = _receive(received_by(raw, *results) if results else raw, mailbox=mailbox)
    ticket.refresh_from_db()
    return ticket, reply


def _refused(ticket: Ticket, reply: Inbound) -> None:
    assert reply.state == InboundState.QUARANTINED
    assert "may be forged" in reply.reason
    assert not ticket.messages.filter(by_staff=True).exists()
    assert ticket.first_responded_at is None and ticket.status == Status.NEW


def test_it_takes_staff_mail_whose_domain_passed_dmarc(w: World) -> None:
    ticket, reply = _staff_reply(w, DMARC_PASS, authserv_id="mx.provider.test")
    assert reply.state == InboundState.REPLY
    assert reply.message is not None and reply.message.by_staff and reply.message.public
    assert ticket.first_responded_at is not None and ticket.status == Status.OPEN


def test_it_quarantines_staff_mail_that_failed_dmarc(w: World) -> None:
    ticket, reply = _staff_reply(w, DMARC_FAIL, authserv_id="mx.provider.test")
    _refused(ticket, reply)
    assert "mx.provider.test did not verify provider.example" in reply.reason
    assert "dmarc=fail" in reply.reason


def test_it_quarantines_staff_mail_the_server_did_not_check(w: World) -> None:
    ticket, reply = _staff_reply(w, authserv_id="mx.provider.test")
    _refused(ticket, reply)
    assert "mx.provider.test added no Authentication-Results" in reply.reason


def test_it_ignores_a_passing_header_of_another_server_above_its_own(w: World) -> None:
    mailbox = make_mailbox(authserv_id="mx.provider.test")
    ticket = _receive(make_mail(sender=w.acme_user.email), mailbox=mailbox).ticket
    assert ticket is not None
    raw = make_mail(subject=f"Re: [{ticket.number}] printer", sender=w.tech.email)
    forged = received_by(received_by(raw, DMARC_FAIL), DMARC_PASS, server="relay.evil.example")
    assert forged.startswith(b"Authentication-Results: relay.evil.example;")
    reply = _receive(forged, mailbox=mailbox)
    ticket.refresh_from_db()
    _refused(ticket, reply)
    assert "dmarc=fail" in reply.reason
    # Nor does a pass the forger wrote below the server's own header, with its name.
    below = make_mail(
        subject=f"Re: [{ticket.number}] printer",
        sender=w.tech.email,
        headers={"Authentication-Results": f"mx.provider.test; {DMARC_PASS}"},
    )
    again = _receive(received_by(below, DMARC_FAIL), mailbox=mailbox)
    _refused(ticket, again)


def test_it_needs_the_mailbox_to_name_its_receiving_server(w: World) -> None:
    ticket, reply = _staff_reply(w, DMARC_PASS)
    _refused(ticket, reply)
    assert "names no receiving server (authserv-id)" in reply.reason


def test_it_takes_staff_mail_from_a_relay_the_mailbox_trusts(w: World) -> None:
    ticket, reply = _staff_reply(w, trust_relay=True)
    assert reply.state == InboundState.REPLY
    assert ticket.first_responded_at is not None


def test_it_takes_a_staff_reply_placed_by_a_manager(w: World) -> None:
    ticket, reply = _staff_reply(w, DMARC_FAIL, authserv_id="mx.provider.test")
    inbound.process(reply, ticket=ticket, actor=w.manager)
    assert reply.state == InboundState.REPLY and reply.message is not None


def test_it_still_places_client_mail_without_authentication_results(w: World) -> None:
    # Client mail is matched on its From address as before (see docs/mail.md on the risk).
    box = make_mailbox(authserv_id="mx.provider.test")
    mail = _receive(received_by(make_mail(sender=w.acme_user.email), DMARC_FAIL), mailbox=box)
    assert mail.state == InboundState.NEW_TICKET


def test_it_shortens_attachment_names_too_long_for_a_file_system(w: World) -> None:
    name = "季度报告" * 60 + ".pdf"  # 244 characters, 724 bytes
    raw = make_mail(sender=w.acme_user.email, attachments=((name, "application/pdf", b"%PDF-1.4"),))
    mail = _receive(raw)
    assert mail.state == InboundState.NEW_TICKET and mail.ticket is not None
    (item,) = [a for m in mail.ticket.messages.all() for a in m.attachments.all()]
    assert item.name.endswith(".pdf") and item.name.startswith("季度报告")
    assert len(item.name.encode()) <= 255
    assert item.file.read() == b"%PDF-1.4"
