"""A ticket's checklist: steps ticked with evidence (a note, a file), by whom and when, through
the action, the API and the ticket page; the client reads it in the portal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from steward.desk import actions
from steward.desk.models import Attachment, ChecklistItem, EventKind, Message, Ticket
from steward.test import ScanningClient, World, api_client, covers, make_ticket, post_json, world

pytestmark = pytest.mark.django_db

STEPS = ["Restore 3 files from last night's backup", "Check free disk space"]
TICK = "POST /api/v1/tickets/{ticket_id}/checklist/{item_id}"


@pytest.fixture
def w() -> World:
    return world()


def _ticket(w: World, org: Any = None, **kw: Any) -> Ticket:
    return make_ticket(org or w.acme, checklist=STEPS, assignee=w.tech, **kw)


def _items(t: Ticket) -> list[ChecklistItem]:
    return list(t.checklist.all())


def _url(t: Ticket, item: ChecklistItem) -> str:
    return f"/api/v1/tickets/{t.pk}/checklist/{item.pk}"


def test_a_new_ticket_carries_its_checklist_in_order(w: World) -> None:
    t = _ticket(w)
    assert [(i.position, i.title, i.done) for i in _items(t)] == [
        (0, STEPS[0], False),
        (1, STEPS[1], False),
    ]
    assert not make_ticket(w.acme).checklist.exists()


def test_ticking_records_who_when_and_what_was_seen(w: World) -> None:
    t = _ticket(w)
    item = _items(t)[0]
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    actions.tick(t, item, True, "Restored 3 files; checksums match.", w.tech, at=at)
    item.refresh_from_db()
    assert (item.done, item.done_at, item.done_by, item.evidence) == (
        True,
        at,
        w.tech,
        "Restored 3 files; checksums match.",
    )
    event = t.events.get(kind=EventKind.CHECKLIST)
    assert (event.actor, event.at) == (w.tech, at)
    assert event.data["title"] == STEPS[0] and event.data["done"] is True
    actions.tick(t, item, False, "Wrong server: again tomorrow.", w.tech)
    item.refresh_from_db()
    assert (item.done, item.done_at, item.done_by) == (False, None, None)
    assert t.events.filter(kind=EventKind.CHECKLIST).count() == 2


def test_a_client_may_not_tick(w: World) -> None:
    t = _ticket(w, requester=w.acme_user)
    with pytest.raises(actions.TicketError) as e:
        actions.tick(t, _items(t)[0], True, "Looks fine to me", w.acme_user)
    assert e.value.forbidden
    assert not ChecklistItem.objects.filter(done=True).exists()


def test_it_refuses_an_item_of_another_ticket(w: World) -> None:
    t, other = _ticket(w), _ticket(w)
    with pytest.raises(actions.TicketError):
        actions.tick(t, _items(other)[0], True, "", w.tech)


# API


def test_the_api_ticks_an_item_and_shows_the_checklist(w: World) -> None:
    t = _ticket(w, requester=w.acme_user)
    item = _items(t)[1]
    client = api_client(w.tech)
    response = post_json(client, _url(t, item), {"done": True, "evidence": "71 GB free"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert {k: body[k] for k in ("id", "title", "done", "done_by", "evidence", "attachment")} == {
        "id": item.pk,
        "title": STEPS[1],
        "done": True,
        "done_by": w.tech.pk,
        "evidence": "71 GB free",
        "attachment": None,
    }
    assert body["done_at"].endswith("+00:00")
    for user in (w.tech, w.acme_user):
        checklist = api_client(user).get(f"/api/v1/tickets/{t.pk}").json()["checklist"]
        assert [(i["title"], i["done"]) for i in checklist] == [(STEPS[0], False), (STEPS[1], True)]
        listed = api_client(user).get("/api/v1/tickets?status=all").json()["items"]
        assert (
            next(x for x in listed if x["id"] == t.pk)["checklist"][1]["evidence"] == "71 GB free"
        )


def test_the_api_takes_a_file_already_on_the_ticket_as_evidence(w: World) -> None:
    t = _ticket(w, requester=w.acme_user)
    upload = SimpleUploadedFile("restore.png", b"\x89PNG\r\n\x1a\n" + bytes(24), "image/png")
    note = actions.post_message(t, w.tech, "Screenshot", public=False, files=[upload])
    attachment = note.attachments.get()
    item = _items(t)[0]
    body = {"done": True, "evidence": "Screenshot attached", "attachment": attachment.pk}
    response = post_json(api_client(w.tech), _url(t, item), body)
    assert response.json()["attachment"] == attachment.pk
    # The client reads the evidence, not the internal note's file.
    theirs = api_client(w.acme_user).get(f"/api/v1/tickets/{t.pk}").json()["checklist"][0]
    assert (theirs["evidence"], theirs["attachment"]) == ("Screenshot attached", None)
    other = _ticket(w)
    elsewhere = actions.post_message(other, w.tech, "x", public=False, files=[upload])
    body["attachment"] = elsewhere.attachments.get().pk
    response = post_json(api_client(w.tech), _url(t, item), body)
    assert (response.status_code, response.json()["field"]) == (422, "attachment")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "done"),
        ({"done": "yes please"}, "done"),
        ({"done": True, "evidence": "x" * 10_001}, "evidence"),
        ({"done": True, "attachment": "7"}, "attachment"),
    ],
)
def test_the_api_names_the_bad_field(w: World, body: dict[str, Any], field: str) -> None:
    t = _ticket(w)
    response = post_json(api_client(w.tech), _url(t, _items(t)[0]), body)
    assert (response.status_code, response.json()["field"]) == (422, field)
    assert not ChecklistItem.objects.filter(done=True).exists()


@covers(TICK, "desk:tick", kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    ours, theirs = _ticket(w), _ticket(w, w.globex)
    client = api_client(w.tech)  # looks after Acme only
    assert post_json(client, _url(theirs, _items(theirs)[0]), {"done": True}).status_code == 404
    # An item of another ticket, even one the caller sees, is not this ticket's.
    assert post_json(client, _url(ours, _items(theirs)[0]), {"done": True}).status_code == 404
    other = _ticket(w)
    assert post_json(client, _url(ours, _items(other)[0]), {"done": True}).status_code == 404
    page = ScanningClient(w.tech)
    url = reverse("desk:tick", args=[theirs.number, _items(theirs)[0].pk])
    assert page.post(url, {"done": "on"}).status_code == 404
    url = reverse("desk:tick", args=[ours.number, _items(other)[0].pk])
    assert page.post(url, {}).status_code == 404
    assert not ChecklistItem.objects.filter(done=True).exists()


@covers(TICK, "desk:tick", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    t = _ticket(w, requester=w.acme_user)
    item = _items(t)[0]
    for user in (w.acme_user, w.acme_admin):
        response = post_json(api_client(user), _url(t, item), {"done": True})
        assert response.status_code == 403
        client = Client()
        client.force_login(user)
        response = client.post(reverse("desk:tick", args=[t.number, item.pk]), {})
        assert response.status_code in (302, 403, 404)  # the portal, or nothing here
    assert not ChecklistItem.objects.filter(done=True).exists()


@covers("desk:tick", kinds=("login",))
def test_it_requires_login(w: World) -> None:
    t = _ticket(w)
    item = _items(t)[0]
    response = Client().post(reverse("desk:tick", args=[t.number, item.pk]), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert post_json(Client(), _url(t, item), {"done": True}).status_code == 401


# Pages


def test_the_ticket_page_ticks_an_item_with_a_note_and_a_file(w: World) -> None:
    t = _ticket(w, requester=w.acme_user)
    item = _items(t)[0]
    page = ScanningClient(w.tech)
    shown = page.get(t.get_absolute_url()).content.decode()
    assert escape(STEPS[0]) in shown and "0 of 2 done" in shown
    upload = SimpleUploadedFile("restore.png", b"\x89PNG\r\n\x1a\n" + bytes(24), "image/png")
    response = page.post(
        reverse("desk:tick", args=[t.number, item.pk]),
        {"done": "on", "evidence": "Restored 3 files from Monday's backup", "file": upload},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done and item.done_by == w.tech
    assert item.evidence == "Restored 3 files from Monday's backup"
    assert item.attachment is not None and item.attachment.name == "restore.png"
    note = item.attachment.message
    assert (note.public, note.body) == (False, f"Evidence: {STEPS[0]}")
    shown = page.get(t.get_absolute_url()).content.decode()
    assert "1 of 2 done" in shown and "restore.png" in shown
    assert page.get(reverse("desk:attachment", args=[item.attachment.pk])).status_code == 200
    # The client reads the step and the evidence, never the internal file.
    portal = ScanningClient(w.acme_user)
    shown = portal.get(reverse("portal:ticket", args=[t.number])).content.decode()
    assert "Restored 3 files from Monday&#x27;s backup" in shown and "1 of 2 done" in shown
    assert "restore.png" not in shown
    response = portal.get(reverse("portal:attachment", args=[item.attachment.pk]))
    assert response.status_code == 404


def test_the_ticket_page_refuses_a_file_of_the_wrong_kind(w: World) -> None:
    t = _ticket(w)
    item = _items(t)[0]
    upload = SimpleUploadedFile("run.exe", b"MZ", "application/x-msdownload")
    response = ScanningClient(w.tech).post(
        reverse("desk:tick", args=[t.number, item.pk]), {"done": "on", "file": upload}
    )
    assert response.status_code == 400
    assert "not accepted" in response.content.decode()
    item.refresh_from_db()
    assert not item.done
    assert not Attachment.objects.exists() and not Message.objects.filter(public=False).exists()
