"""The desk's mail pages: received mail and quarantine, outbox, mailboxes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from steward.desk.models import Ticket
from steward.mail import inbound
from steward.mail.models import Inbound, InboundState, Mailbox, Outbound, OutboundState
from steward.mail.tests.factory import make_mail, make_mailbox, received_by
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db

READS = ["mail:inbound_list", "mail:outbox", "mail:mailboxes", "mail:mailbox_new"]


@pytest.fixture
def w() -> World:
    return world()


def _mail(raw: bytes) -> Inbound:
    return inbound.receive(raw).inbound


def _urls(mail: Inbound, box: Mailbox, out: Outbound) -> dict[str, tuple[str, str]]:
    """name -> (method, url)"""
    return {
        "mail:inbound_list": ("get", reverse("mail:inbound_list")),
        "mail:inbound": ("get", reverse("mail:inbound", args=[mail.pk])),
        "mail:original": ("get", reverse("mail:original", args=[mail.pk])),
        "mail:reprocess": ("post", reverse("mail:reprocess", args=[mail.pk])),
        "mail:place": ("post", reverse("mail:place", args=[mail.pk])),
        "mail:outbox": ("get", reverse("mail:outbox")),
        "mail:retry": ("post", reverse("mail:retry", args=[out.pk])),
        "mail:mailboxes": ("get", reverse("mail:mailboxes")),
        "mail:mailbox_new": ("get", reverse("mail:mailbox_new")),
        "mail:mailbox": ("get", reverse("mail:mailbox", args=[box.pk])),
    }


def _setup(w: World) -> tuple[Inbound, Mailbox, Outbound]:
    box = make_mailbox()
    mail = _mail(make_mail(sender="stranger@nowhere.test"))
    make_ticket(w.acme, requester=w.acme_user)
    return mail, box, Outbound.objects.get()


@covers(
    "mail:inbound_list",
    "mail:inbound",
    "mail:original",
    "mail:reprocess",
    "mail:place",
    "mail:outbox",
    "mail:retry",
    "mail:mailboxes",
    "mail:mailbox_new",
    "mail:mailbox",
    kinds=("login",),
)
def test_it_requires_login(w: World) -> None:
    for name, (method, url) in _urls(*_setup(w)).items():
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@covers(
    "mail:reprocess",
    "mail:place",
    "mail:retry",
    "mail:mailbox_new",
    "mail:mailbox",
    "mail:mailboxes",
    kinds=("role",),
)
def test_it_requires_write_role(w: World) -> None:
    mail, box, out = _setup(w)
    urls = _urls(mail, box, out)
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = ScanningClient(user)
        for name in ("mail:reprocess", "mail:place", "mail:retry", "mail:mailbox_new"):
            assert client.post(urls[name][1]).status_code == 404, (user.role, name)
        for name in ("mail:mailboxes", "mail:mailbox"):
            assert client.get(urls[name][1]).status_code == 404, (user.role, name)
    mail.refresh_from_db()
    assert mail.state == InboundState.QUARANTINED
    assert Mailbox.objects.count() == 1


@covers(
    "mail:inbound_list",
    "mail:inbound",
    "mail:original",
    "mail:outbox",
    "mail:reprocess",
    "mail:place",
    "mail:retry",
    "mail:mailboxes",
    "mail:mailbox_new",
    "mail:mailbox",
    kinds=("tenancy",),
)
def test_it_hides_other_organizations(w: World) -> None:
    acme_mail = _mail(make_mail(subject="acme-marker-5e1f mail", sender=w.acme_user.email))
    globex_mail = _mail(make_mail(subject="globex-marker-9c07 mail", sender=w.globex_user.email))
    globex_out = Outbound.objects.get(organization=w.globex)
    tech = ScanningClient(w.tech)  # Acme only; fails the test if a Globex marker shows.
    listing = tech.get(reverse("mail:inbound_list") + "?state=")
    assert "acme-marker-5e1f mail" in listing.content.decode()
    assert tech.get(reverse("mail:outbox") + "?state=pending").status_code == 200
    assert tech.get(reverse("mail:inbound", args=[acme_mail.pk])).status_code == 200
    for name in ("mail:inbound", "mail:original"):
        assert tech.get(reverse(name, args=[globex_mail.pk])).status_code == 404
    # Quarantined mail that belongs to nobody yet is for admins and managers only.
    stranger = _mail(make_mail(sender="who@nowhere.test"))
    assert tech.get(reverse("mail:inbound", args=[stranger.pk])).status_code == 404
    # Clients never see the desk's mail pages.
    client = ScanningClient(w.acme_user)
    for url in (
        reverse("mail:inbound_list"),
        reverse("mail:inbound", args=[acme_mail.pk]),
        reverse("mail:original", args=[acme_mail.pk]),
        reverse("mail:outbox"),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("mail:retry", args=[globex_out.pk])).status_code == 404
    # Admins see everything, including the raw original.
    admin = Client()
    admin.force_login(w.admin)
    raw = admin.get(reverse("mail:original", args=[globex_mail.pk]))
    assert raw["Content-Type"] == "message/rfc822"
    assert b"globex-marker-9c07" in raw.content


def test_it_lists_the_quarantine_with_reasons(w: World) -> None:
    _mail(make_mail(subject="Who am I", sender="who@nowhere.test"))
    _mail(make_mail(subject="Known", sender=w.acme_user.email))
    admin = ScanningClient(w.admin)
    page = admin.get(reverse("mail:inbound_list")).content.decode()
    assert "Who am I" in page and "Unknown sender who@nowhere.test" in page
    assert "Known" not in page


def test_it_places_quarantined_mail(w: World) -> None:
    mail = _mail(make_mail(subject="Lost soul", sender="who@nowhere.test"))
    admin = ScanningClient(w.admin)
    both = admin.post(
        reverse("mail:place", args=[mail.pk]), {"organization": w.acme.pk, "ticket": "ACME-9"}
    )
    assert both.status_code == 400
    response = admin.post(reverse("mail:place", args=[mail.pk]), {"organization": w.acme.pk})
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.state == InboundState.NEW_TICKET
    ticket = Ticket.objects.get(title="Lost soul")
    assert ticket.organization == w.acme
    page = admin.get(ticket.get_absolute_url()).content.decode()
    assert reverse("mail:original", args=[mail.pk]) in page


def test_it_shows_which_messages_came_by_mail(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    reply = _mail(make_mail(subject=f"Re: [{ticket.number}] x", sender=w.acme_user.email))
    page = ScanningClient(w.tech).get(ticket.get_absolute_url()).content.decode()
    assert "by email" in page
    assert reverse("mail:original", args=[reply.pk]) in page


def test_it_saves_a_mailbox_with_an_encrypted_password(w: World) -> None:
    admin = ScanningClient(w.admin)
    data = {
        "name": "Acme help",
        "address": "acme@provider.test",
        "organization": w.acme.pk,
        "unknown_sender": "quarantine",
        "imap_host": "imap.provider.test",
        "imap_port": 993,
        "imap_security": "ssl",
        "imap_user": "acme",
        "password": "s3cret-imap",
        "folder": "INBOX",
        "processed_folder": "Processed",
        "poll_seconds": 60,
        "enabled": "on",
    }
    assert admin.post(reverse("mail:mailbox_new"), {**data, "poll_seconds": 1}).status_code == 400
    assert admin.post(reverse("mail:mailbox_new"), data).status_code == 302
    box = Mailbox.objects.get()
    assert "s3cret-imap" not in box.imap_secret and box.password() == "s3cret-imap"
    # Saving without a password keeps it; a new address re-binds it.
    edit = {**data, "password": "", "address": "acme-help@provider.test"}
    assert admin.post(reverse("mail:mailbox", args=[box.pk]), edit).status_code == 302
    box.refresh_from_db()
    assert box.address == "acme-help@provider.test" and box.password() == "s3cret-imap"
    page = admin.get(reverse("mail:mailboxes")).content.decode()
    assert "acme-help@provider.test" in page and "s3cret" not in page


def test_it_retries_failed_mail_from_the_outbox(w: World) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    out = Outbound.objects.get()
    Outbound.objects.filter(pk=out.pk).update(
        state=OutboundState.FAILED, attempts=10, last_error="SMTPServerDisconnected: gone"
    )
    admin = ScanningClient(w.admin)
    page = admin.get(reverse("mail:outbox")).content.decode()
    assert "SMTPServerDisconnected: gone" in page
    assert admin.post(reverse("mail:retry", args=[out.pk])).status_code == 302
    out.refresh_from_db()
    assert out.state == OutboundState.PENDING


def test_it_says_why_staff_mail_was_held_in_the_managers_language(w: World) -> None:
    box = make_mailbox(authserv_id="mx.provider.test")
    fail = "spf=fail smtp.mailfrom=provider.example; dmarc=fail header.from=provider.example"
    raw = received_by(make_mail(subject="Re: printer", sender=w.tech.email), fail)
    held = inbound.receive(raw, mailbox=box).inbound
    assert held.state == InboundState.QUARANTINED
    for language, text in (
        ("en", "From a staff address, but mx.provider.test did not verify provider.example"),
        ("zh-hans", "来自员工地址，但 mx.provider.test 未能验证 provider.example"),
        (
            "el",
            "Από διεύθυνση προσωπικού, αλλά ο mx.provider.test δεν επαλήθευσε το provider.example",
        ),
    ):
        w.manager.language = language
        w.manager.save(update_fields=["language"])
        manager = ScanningClient(w.manager)
        for url in (reverse("mail:inbound_list"), reverse("mail:inbound", args=[held.pk])):
            page = manager.get(url).content.decode()
            assert text in page, (language, url)
            assert "dmarc=fail" in page
