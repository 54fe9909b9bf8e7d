"""The client portal: own tickets only, no internal notes, targets before submitting."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from steward.desk import actions
from steward.desk.models import Attachment, Status, Ticket
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


@covers(
    "portal:home",
    "portal:new_ticket",
    "portal:preview",
    "portal:ticket",
    "portal:attachment",
    "portal:reply",
    "portal:close",
    kinds=("login",),
)
def test_it_requires_login(w: World) -> None:
    t = make_ticket(w.acme)
    for url in (
        reverse("portal:home"),
        reverse("portal:new_ticket"),
        reverse("portal:preview"),
        reverse("portal:ticket", args=[t.number]),
        reverse("portal:attachment", args=[1]),
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert Client().post(reverse("portal:reply", args=[t.number]), {"body": "x"}).status_code == 302
    assert Client().post(reverse("portal:close", args=[t.number])).status_code == 302


@covers("portal:home", "portal:ticket", "portal:reply", "portal:close", kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    mine = make_ticket(w.acme, requester=w.acme_user)
    theirs = make_ticket(w.globex, title="Globex payroll globex-marker-9c07")
    client = ScanningClient(w.acme_user)
    home = client.get(reverse("portal:home"))
    assert mine in home.context["tickets"]
    assert theirs not in home.context["tickets"]
    assert client.get(reverse("portal:ticket", args=[theirs.number])).status_code == 404
    assert (
        client.post(reverse("portal:reply", args=[theirs.number]), {"body": "hi"}).status_code
        == 404
    )
    assert client.post(reverse("portal:close", args=[theirs.number])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.NEW


@covers("portal:new_ticket", "portal:reply", "portal:close", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    """Client users may reply and close, never change priority or write notes."""
    t = make_ticket(w.acme, requester=w.acme_user)
    client = ScanningClient(w.acme_user)
    assert (
        client.post(reverse("desk:update", args=[t.number]), {"status": "resolved"}).status_code
        == 404
    )
    with pytest.raises(actions.TicketError):
        actions.post_message(t, w.acme_user, "secret", public=False)
    # The portal is for clients: staff posting to it are sent to the desk, nothing changes.
    staff = ScanningClient(w.tech)
    assert staff.post(reverse("portal:reply", args=[t.number]), {"body": "x"}).status_code == 302
    assert staff.post(reverse("portal:close", args=[t.number])).status_code == 302
    assert (
        staff.post(
            reverse("portal:new_ticket"), {"title": "x", "impact": "low", "urgency": "low"}
        ).status_code
        == 302
    )
    t.refresh_from_db()
    assert t.status == Status.NEW
    assert Ticket.objects.count() == 1


def test_it_sends_provider_staff_to_the_desk(w: World) -> None:
    response = ScanningClient(w.tech).get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:dashboard")


def test_it_never_shows_internal_notes(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    actions.post_message(t, w.tech, "Client's admin password is weak", public=False)
    actions.post_message(t, w.tech, "We are looking at it.")
    page = ScanningClient(w.acme_user).get(reverse("portal:ticket", args=[t.number]))
    assert b"We are looking at it." in page.content
    assert b"password is weak" not in page.content
    assert b"Internal note" not in page.content


@covers("portal:new_ticket", "portal:preview", kinds=("tenancy",))
def test_it_previews_the_promised_targets(w: World) -> None:
    client = ScanningClient(w.acme_user)
    page = client.get(reverse("portal:new_ticket"))
    assert page.context["preview"]["priority"] == "P4"
    fragment = client.get(reverse("portal:preview") + "?impact=high&urgency=high")
    assert b"priority P1" in fragment.content
    assert b"A first response by" in fragment.content


def test_it_opens_a_request_with_priority_from_plain_answers(w: World) -> None:
    client = ScanningClient(w.acme_user)
    response = client.post(
        reverse("portal:new_ticket"),
        {
            "title": "Nobody can print",
            "description": "Since 9 am",
            "impact": "high",
            "urgency": "medium",
            "file": SimpleUploadedFile("err.png", b"\x89PNG", content_type="image/png"),
        },
    )
    t = Ticket.objects.get(title="Nobody can print")
    assert response.status_code == 302
    assert (t.priority, t.source, t.requester) == ("P2", "portal", w.acme_user)
    assert t.organization == w.acme
    assert Attachment.objects.filter(message__ticket=t).count() == 1


def test_it_lets_the_client_reply_and_resume_the_clock(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    actions.change_status(t, Status.WAITING_ON_CLIENT, w.tech)
    response = ScanningClient(w.acme_user).post(
        reverse("portal:reply", args=[t.number]), {"body": "It works after the restart."}
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.status == Status.OPEN
    assert not t.sla_paused


def test_it_lets_the_client_close_a_request(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    ScanningClient(w.acme_user).post(reverse("portal:close", args=[t.number]))
    t.refresh_from_db()
    assert t.status == Status.CLOSED


@covers("portal:attachment", kinds=("tenancy",))
def test_it_serves_only_public_attachments(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    note = actions.post_message(t, w.tech, "internal scan", public=False)
    hidden = actions.add_attachment(
        note, SimpleUploadedFile("scan.pdf", b"%PDF", content_type="application/pdf")
    )
    reply = actions.post_message(t, w.tech, "here is the report")
    shown = actions.add_attachment(
        reply, SimpleUploadedFile("report.pdf", b"%PDF", content_type="application/pdf")
    )
    client = ScanningClient(w.acme_user)
    assert client.get(reverse("portal:attachment", args=[shown.pk])).status_code == 200
    assert client.get(reverse("portal:attachment", args=[hidden.pk])).status_code == 404
    assert (
        ScanningClient(w.globex_user).get(reverse("portal:attachment", args=[shown.pk])).status_code
        == 404
    )


def test_it_opens_nothing_when_the_attachment_is_refused(w: World) -> None:
    response = ScanningClient(w.acme_user).post(
        reverse("portal:new_ticket"),
        {
            "title": "Virus?",
            "impact": "low",
            "urgency": "low",
            "file": SimpleUploadedFile("setup.exe", b"MZ", content_type="application/x-msdownload"),
        },
    )
    assert response.status_code == 200
    assert b"not accepted" in response.content
    assert not Ticket.objects.exists()
