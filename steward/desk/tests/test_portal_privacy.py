"""A client user reads their own requests and those they are copied on; their colleagues'
stay private unless the organization chose otherwise. Client admins read all."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steward.accounts.models import Role
from steward.desk import actions
from steward.desk.models import Attachment, Ticket
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


def _colleague_ticket(w: World) -> tuple[Ticket, Attachment]:
    colleague = make_user(Role.CLIENT_USER, w.acme, name="Carla Colleague")
    t = make_ticket(w.acme, requester=colleague, title="My salary slip is wrong")
    message = actions.post_message(t, colleague, "here is the slip")
    upload = SimpleUploadedFile("slip.pdf", b"%PDF-1.4 slip", content_type="application/pdf")
    return t, actions.add_attachment(message, upload)


def _can_read(w: World, t: Ticket, item: Attachment) -> list[int]:
    """The status of every way in to a ticket: its page, a reply, its file, the API."""
    page = ScanningClient(w.acme_user)
    api = api_client(w.acme_user)
    base = f"/api/v1/tickets/{t.pk}"
    return [
        page.get(reverse("portal:ticket", args=[t.number])).status_code,
        page.get(reverse("portal:attachment", args=[item.pk])).status_code,
        page.post(reverse("portal:reply", args=[t.number]), {"body": "me too"}).status_code,
        api.get(base).status_code,
        api.get(f"{base}/messages").status_code,
        api.get(f"{base}/events").status_code,
        post_json(api, f"{base}/messages", {"body": "me too"}).status_code,
        patch_json(api, base, {"status": "closed"}).status_code,
    ]


def test_a_client_user_cannot_open_a_colleagues_ticket(w: World) -> None:
    t, item = _colleague_ticket(w)
    assert _can_read(w, t, item) == [404] * 8
    t.refresh_from_db()
    assert t.status != "closed" and t.messages.count() == 1
    home = ScanningClient(w.acme_user).get(reverse("portal:home"))
    assert t.number not in home.content.decode()
    assert api_client(w.acme_user).get("/api/v1/tickets").json()["items"] == []
    assert api_client(w.acme_user).get(f"/api/v1/tickets?q={t.number}").json()["items"] == []
    search = ScanningClient(w.acme_user).get(reverse("portal:home"), {"q": t.number})
    assert "salary" not in search.content.decode()
    assert "No request matches" in search.content.decode()


def test_a_copied_client_user_reads_and_answers_it(w: World) -> None:
    t, item = _colleague_ticket(w)
    actions.set_cc(t, [w.acme_user], w.tech)
    assert _can_read(w, t, item)[:7] == [200, 200, 302, 200, 200, 200, 201]
    assert t.events.filter(kind="copied").get().data["to"] == [w.acme_user.pk]
    home = ScanningClient(w.acme_user).get(reverse("portal:home")).content.decode()
    assert t.number in home and "Carla Colleague" in home


def test_an_organization_can_let_its_users_see_all_its_tickets(w: World) -> None:
    t, item = _colleague_ticket(w)
    w.acme.users_see_all_tickets = True
    w.acme.save()
    assert _can_read(w, t, item)[:4] == [200, 200, 302, 200]


def test_client_admins_see_all_of_their_organizations_tickets(w: World) -> None:
    t, item = _colleague_ticket(w)
    client = ScanningClient(w.acme_admin)
    assert client.get(reverse("portal:ticket", args=[t.number])).status_code == 200
    assert client.get(reverse("portal:attachment", args=[item.pk])).status_code == 200
    assert [x["id"] for x in api_client(w.acme_admin).get("/api/v1/tickets").json()["items"]] == [
        t.pk
    ]


def test_the_portal_list_pages_and_searches(w: World) -> None:
    for n in range(27):
        make_ticket(w.acme, requester=w.acme_user, title=f"Laptop {n:02d} is slow")
    make_ticket(w.acme, requester=w.acme_user, title="Printer jams")
    client = ScanningClient(w.acme_user)
    first = client.get(reverse("portal:home")).content.decode()
    assert first.count("/portal/tickets/ACME-") == 25
    assert "page=2" in first
    second = client.get(reverse("portal:home"), {"page": 2}).content.decode()
    assert second.count("/portal/tickets/ACME-") == 3
    found = client.get(reverse("portal:home"), {"q": "printer"}).content.decode()
    assert "Printer jams" in found and "Laptop" not in found
    by_number = client.get(reverse("portal:home"), {"q": "acme-3"}).content.decode()
    assert by_number.count("/portal/tickets/ACME-") == 1
    assert client.get(reverse("portal:home"), {"page": "x²"}).status_code == 200


def test_staff_copy_contacts_from_the_api_and_refuse_outsiders(w: World) -> None:
    t, _item = _colleague_ticket(w)
    api = api_client(w.tech)
    url = f"/api/v1/tickets/{t.pk}"
    refused = patch_json(api, url, {"cc": [w.globex_user.email], "title": "changed"})
    assert refused.status_code == 422 and refused.json()["field"] == "cc"
    t.refresh_from_db()
    assert t.title == "My salary slip is wrong"  # nothing written
    body = patch_json(api, url, {"cc": [w.acme_user.email]}).json()
    assert body["cc"] == [w.acme_user.pk]
    assert api_client(w.acme_user).get(url).status_code == 200
    assert patch_json(api_client(w.acme_user), url, {"cc": []}).status_code == 403


def test_a_client_who_opens_a_ticket_for_a_colleague_follows_it(w: World) -> None:
    colleague = make_user(Role.CLIENT_USER, w.acme)
    api = api_client(w.acme_user)
    created = post_json(api, "/api/v1/tickets", {"title": "x", "requester_email": colleague.email})
    assert created.status_code == 201
    assert created.json()["cc"] == [w.acme_user.pk]
    assert api.get(f"/api/v1/tickets/{created.json()['id']}").status_code == 200


def test_the_desk_copies_contacts_with_an_event(w: World) -> None:
    t, _item = _colleague_ticket(w)
    client = ScanningClient(w.tech)
    form = {
        "status": t.status,
        "impact": t.impact,
        "urgency": t.urgency,
        "cc": [w.acme_user.pk],
    }
    assert client.post(reverse("desk:update", args=[t.number]), form).status_code == 302
    assert list(t.cc.all()) == [w.acme_user]
    refused = client.post(reverse("desk:update", args=[t.number]), {**form, "cc": [w.admin.pk]})
    assert refused.status_code == 400
    assert list(t.cc.all()) == [w.acme_user]
