"""The tickets API: contract, tenancy, roles, SLA state, messages, events and bad input."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import Settings

from steward.accounts.models import Membership
from steward.desk.models import Message, Ticket
from steward.test import World, api_client, covers, make_ticket, patch_json, post_json, world

pytestmark = pytest.mark.django_db
SLA_KEYS = {
    "first_response_due",
    "first_responded_at",
    "next_update_due",
    "resolution_due",
    "resolved_at",
    "paused",
    "breached",
    "explanation",
}
TICKET = "GET /api/v1/tickets/{ticket_id}"
TICKETS = "GET /api/v1/tickets"
CREATE = "POST /api/v1/tickets"
PATCH = "PATCH /api/v1/tickets/{ticket_id}"
MESSAGES = "GET /api/v1/tickets/{ticket_id}/messages"
REPLY = "POST /api/v1/tickets/{ticket_id}/messages"
EVENTS = "GET /api/v1/tickets/{ticket_id}/events"


@pytest.fixture
def w() -> World:
    return world()


def _create(client: Client, **data: Any) -> Any:
    return post_json(client, "/api/v1/tickets", data)


def test_it_creates_a_ticket_with_the_contract_shape(w: World) -> None:
    response = _create(
        api_client(w.tech),
        organization=w.acme.pk,
        title="Mail is down",
        description="Nobody receives mail",
        impact="high",
        urgency="medium",
        requester_email=w.acme_user.email,
        source="phone",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == "ACME-1"
    assert body["priority"] == "P2"
    assert body["status"] == "new"
    assert body["source"] == "phone"
    assert body["requester"] == w.acme_user.pk
    assert set(body["sla"]) >= SLA_KEYS
    assert body["sla"]["paused"] is False
    assert body["sla"]["breached"] == []
    assert body["sla"]["explanation"]
    for key in ("created_at", "sla"):
        assert key in body
    created = datetime.fromisoformat(body["created_at"])
    assert created.utcoffset() is not None
    assert datetime.fromisoformat(body["sla"]["first_response_due"]).utcoffset() is not None


@pytest.mark.parametrize(
    ("impact", "urgency", "priority"),
    [
        ("high", "high", "P1"),
        ("high", "medium", "P2"),
        ("high", "low", "P3"),
        ("medium", "high", "P2"),
        ("medium", "medium", "P3"),
        ("medium", "low", "P4"),
        ("low", "high", "P3"),
        ("low", "medium", "P4"),
        ("low", "low", "P4"),
    ],
)
def test_it_derives_priority_from_the_matrix(
    w: World, impact: str, urgency: str, priority: str
) -> None:
    body = _create(
        api_client(w.admin), organization=w.acme.pk, title="t", impact=impact, urgency=urgency
    ).json()
    assert body["priority"] == priority


def test_it_numbers_tickets_per_organization(w: World) -> None:
    client = api_client(w.admin)
    numbers = [
        _create(client, organization=org.pk, title="t").json()["number"]
        for org in (w.acme, w.acme, w.globex, w.acme)
    ]
    assert numbers == ["ACME-1", "ACME-2", "GLBX-1", "ACME-3"]


def test_it_lets_clients_open_tickets_for_their_own_organization(w: World) -> None:
    client = api_client(w.acme_user)
    body = _create(client, title="Laptop broken").json()
    assert body["organization"] == w.acme.pk
    assert body["requester"] == w.acme_user.pk
    response = _create(client, organization=w.globex.pk, title="sneaky")
    assert response.status_code == 422
    assert response.json()["field"] == "organization"
    assert not Ticket.objects.filter(organization=w.globex).exists()


@covers(TICKET, TICKETS, CREATE, PATCH, MESSAGES, REPLY, EVENTS, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = make_ticket(w.globex, title="Globex outage globex-marker-9c07")
    mine = make_ticket(w.acme, requester=w.acme_user)
    for user in (w.acme_user, w.tech):  # a client of Acme, a technician assigned to Acme
        client = api_client(user)
        base = f"/api/v1/tickets/{theirs.pk}"
        assert client.get(base).status_code == 404
        assert client.get(base).json()["detail"]
        assert patch_json(client, base, {"status": "closed"}).status_code == 404
        assert client.get(f"{base}/messages").status_code == 404
        assert post_json(client, f"{base}/messages", {"body": "hi"}).status_code == 404
        assert client.get(f"{base}/events").status_code == 404
        listed = [t["id"] for t in client.get("/api/v1/tickets").json()["items"]]
        assert listed == [mine.pk]
        assert client.get(f"/api/v1/tickets?organization={w.globex.pk}").json()["items"] == []
        assert _create(client, organization=w.globex.pk, title="x").status_code in (422, 403)
    theirs.refresh_from_db()
    assert theirs.status == "new"
    assert not Message.objects.filter(ticket=theirs).exists()


def test_it_follows_technician_assignments(w: World) -> None:
    theirs = make_ticket(w.globex)
    client = api_client(w.tech)
    assert client.get(f"/api/v1/tickets/{theirs.pk}").status_code == 404
    Membership.objects.create(user=w.tech, organization=w.globex)
    assert client.get(f"/api/v1/tickets/{theirs.pk}").status_code == 200


@covers(CREATE, PATCH, REPLY, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    client = api_client(w.acme_user)
    url = f"/api/v1/tickets/{t.pk}"
    for change in ({"assignee": w.tech.pk}, {"impact": "high"}, {"status": "resolved"}):
        response = patch_json(client, url, change)
        assert response.status_code == 403, change
    assert (
        post_json(client, f"{url}/messages", {"body": "note", "public": False}).status_code == 403
    )
    assert _create(client, title="x", assignee=w.tech.pk).status_code == 403
    t.refresh_from_db()
    assert (t.assignee, t.impact, t.status) == (None, "medium", "new")
    # What a client may do: reply, close, reopen.
    assert post_json(client, f"{url}/messages", {"body": "more info"}).status_code == 201
    assert patch_json(client, url, {"status": "closed"}).json()["status"] == "closed"


def test_it_records_the_first_response_from_a_public_agent_message(w: World) -> None:
    t = make_ticket(w.acme)
    client = api_client(w.tech)
    url = f"/api/v1/tickets/{t.pk}"
    post_json(client, f"{url}/messages", {"body": "internal", "public": False})
    assert client.get(url).json()["sla"]["first_responded_at"] is None
    response = post_json(client, f"{url}/messages", {"body": "On it", "public": True})
    assert response.status_code == 201
    assert response.json()["public"] is True
    sla = client.get(url).json()["sla"]
    assert sla["first_responded_at"] is not None


def test_it_pauses_and_resumes_the_resolution_clock(w: World) -> None:
    t = make_ticket(w.acme, impact="high", urgency="high", at=timezone.now() - timedelta(minutes=5))
    client = api_client(w.tech)
    url = f"/api/v1/tickets/{t.pk}"
    before = client.get(url).json()["sla"]["resolution_due"]
    paused = patch_json(client, url, {"status": "waiting_on_client"}).json()
    assert paused["status"] == "waiting_on_client"
    assert paused["sla"]["paused"] is True
    assert paused["sla"]["resolution_due"] is None
    resumed = patch_json(client, url, {"status": "open"}).json()
    assert resumed["sla"]["paused"] is False
    assert resumed["sla"]["resolution_due"] >= before


def test_it_changes_priority_with_impact_and_urgency(w: World) -> None:
    t = make_ticket(w.acme, impact="low", urgency="low")
    client = api_client(w.tech)
    before = client.get(f"/api/v1/tickets/{t.pk}").json()
    after = patch_json(client, f"/api/v1/tickets/{t.pk}", {"impact": "high", "urgency": "high"})
    body = after.json()
    assert (body["priority"], body["impact"], body["urgency"]) == ("P1", "high", "high")
    assert body["sla"]["resolution_due"] < before["sla"]["resolution_due"]
    kinds = [e["kind"] for e in client.get(f"/api/v1/tickets/{t.pk}/events").json()["items"]]
    assert "priority" in kinds


def test_it_retitles_with_an_event_the_client_reads_too(w: World) -> None:
    t = make_ticket(
        w.acme,
        title="Printer on fire",
        requester=w.acme_user,
        at=timezone.now() - timedelta(hours=1),
    )
    body = patch_json(
        api_client(w.tech), f"/api/v1/tickets/{t.pk}", {"title": "Printer smoking, not on fire"}
    ).json()
    assert body["title"] == "Printer smoking, not on fire"
    assert body["updated_at"] > body["created_at"]
    events = api_client(w.acme_user).get(f"/api/v1/tickets/{t.pk}/events").json()["items"]
    assert events[-1]["kind"] == "title"
    assert events[-1]["data"] == {"from": "Printer on fire", "to": "Printer smoking, not on fire"}


def test_it_assigns_to_staff_only(w: World) -> None:
    t = make_ticket(w.acme)
    client = api_client(w.tech)
    assert (
        patch_json(client, f"/api/v1/tickets/{t.pk}", {"assignee": w.tech.pk}).json()["assignee"]
        == w.tech.pk
    )
    response = patch_json(client, f"/api/v1/tickets/{t.pk}", {"assignee": w.acme_user.pk})
    assert response.status_code == 422
    assert response.json()["field"] == "assignee"


def test_it_hides_internal_messages_and_their_events_from_clients(w: World) -> None:
    t = make_ticket(w.acme, requester=w.acme_user)
    staff = api_client(w.tech)
    post_json(
        staff, f"/api/v1/tickets/{t.pk}/messages", {"body": "the admin pw is weak", "public": False}
    )
    post_json(staff, f"/api/v1/tickets/{t.pk}/messages", {"body": "Fixed it", "public": True})
    client = api_client(w.acme_user)
    bodies = [m["body"] for m in client.get(f"/api/v1/tickets/{t.pk}/messages").json()["items"]]
    assert bodies == ["Fixed it"]
    events = client.get(f"/api/v1/tickets/{t.pk}/events").json()["items"]
    assert all(e["data"].get("public", True) for e in events if e["kind"] == "message")
    assert len(staff.get(f"/api/v1/tickets/{t.pk}/messages").json()["items"]) == 2


def test_it_lists_events_in_order(w: World) -> None:
    t = make_ticket(w.acme)
    client = api_client(w.tech)
    patch_json(client, f"/api/v1/tickets/{t.pk}", {"status": "open"})
    patch_json(client, f"/api/v1/tickets/{t.pk}", {"status": "resolved"})
    events = client.get(f"/api/v1/tickets/{t.pk}/events").json()["items"]
    assert [e["kind"] for e in events] == ["created", "status", "status"]
    assert events[-1]["data"] == {"from": "open", "to": "resolved"}


def test_it_pages_with_limit_offset_and_cursor(w: World) -> None:
    for _ in range(7):
        make_ticket(w.acme)
    client = api_client(w.admin)
    first = client.get("/api/v1/tickets?limit=3").json()
    assert len(first["items"]) == 3
    assert first["next_cursor"]
    second = client.get(f"/api/v1/tickets?limit=3&cursor={first['next_cursor']}").json()
    third = client.get(f"/api/v1/tickets?limit=3&cursor={second['next_cursor']}").json()
    numbers = [t["number"] for page in (first, second, third) for t in page["items"]]
    assert numbers == [f"ACME-{n}" for n in range(7, 0, -1)]
    assert third["next_cursor"] is None
    offset = client.get("/api/v1/tickets?limit=3&offset=3").json()
    assert [t["number"] for t in offset["items"]] == numbers[3:6]


def test_it_filters_the_list(w: World) -> None:
    urgent = make_ticket(w.acme, impact="high", urgency="high")
    calm = make_ticket(w.acme, impact="low", urgency="low")
    other = make_ticket(w.globex)
    client = api_client(w.admin)

    def ids(query: str) -> list[int]:
        return [t["id"] for t in client.get(f"/api/v1/tickets?{query}").json()["items"]]

    assert set(ids(f"organization={w.acme.pk}")) == {urgent.pk, calm.pk}
    assert ids("priority=P1") == [urgent.pk]
    assert ids(f"organization={w.globex.pk}") == [other.pk]
    assert ids(f"organization={w.acme.pk}&ordering=urgency&status=open") == [urgent.pk, calm.pk]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "x"}, "organization"),
        ({"organization": "acme", "title": "x"}, "organization"),
        ({"organization": 1, "title": ""}, "title"),
        ({"organization": 1, "title": "x", "impact": "enormous"}, "impact"),
        ({"organization": 1, "title": "x", "requester_email": "not-an-email"}, "requester_email"),
        ({"organization": 999999, "title": "x"}, "organization"),
        ({"organization": 1, "title": "x", "type": "complaint"}, "type"),
    ],
)
def test_it_names_the_field_at_fault(w: World, body: dict[str, Any], field: str) -> None:
    if body.get("organization") == 1:
        body["organization"] = w.acme.pk
    response = _create(api_client(w.admin), **body)
    assert 400 <= response.status_code < 500
    assert response.json()["field"] == field
    assert not Ticket.objects.exists()


def test_it_answers_malformed_json_with_400(w: World) -> None:
    response = api_client(w.admin).post(
        "/api/v1/tickets", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_it_refuses_a_huge_body_cleanly(w: World, settings: Settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = _create(
        api_client(w.admin), organization=w.acme.pk, title="x", description="y" * 5000
    )
    assert 400 <= response.status_code < 500
    assert not Ticket.objects.exists()


def test_it_makes_no_partial_write_on_a_badpatch_json(w: World) -> None:
    t = make_ticket(w.acme)
    response = patch_json(
        api_client(w.tech), f"/api/v1/tickets/{t.pk}", {"status": "open", "assignee": 987654}
    )
    assert response.status_code == 422
    t.refresh_from_db()
    assert t.status == "new"
    response = patch_json(api_client(w.tech), f"/api/v1/tickets/{t.pk}", {"status": "bogus"})
    assert response.status_code == 422
    assert response.json()["field"] == "status"


@covers("GET /api/v1/queues", kinds=("tenancy",))
def test_it_shows_queues_to_provider_staff_only(w: World) -> None:
    assert api_client(w.acme_admin).get("/api/v1/queues").status_code == 403
    assert api_client(w.tech).get("/api/v1/queues").json() == []


def test_it_answers_unknown_ids_with_404(w: World) -> None:
    client = api_client(w.admin)
    for url in (
        "/api/v1/tickets/999999",
        "/api/v1/tickets/999999/events",
        "/api/v1/tickets/999999/messages",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["detail"]


def test_it_answers_out_of_range_numbers_with_422(w: World) -> None:
    client = api_client(w.admin)
    make_ticket(w.acme)
    response = client.get(f"/api/v1/tickets?breaching_within_minutes={10**12}")
    assert response.status_code == 422
    assert response.json()["field"] == "breaching_within_minutes"
    for query in (f"organization={10**30}", f"assignee={-(10**25)}"):
        response = client.get(f"/api/v1/tickets?{query}")
        # SQLite cannot bind such a number (422); PostgreSQL compares it and finds nothing.
        assert response.status_code in (200, 422), query
        assert response.json().get("items", []) == []
    assert client.get(f"/api/v1/tickets/{10**30}").status_code in (404, 422)


def test_it_bounds_page_sizes(w: World) -> None:
    client = api_client(w.admin)
    t = make_ticket(w.acme)
    for url in (
        "/api/v1/tickets?limit=100000",
        "/api/v1/tickets?limit=0",
        "/api/v1/tickets?offset=-1",
        f"/api/v1/tickets/{t.pk}/events?limit=5000",
        f"/api/v1/tickets/{t.pk}/messages?limit=0",
        "/api/v1/organizations?limit=999",
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        assert response.json()["field"] in ("limit", "offset")


def test_it_refuses_a_forged_cursor(w: World) -> None:
    from steward.lib.api import encode_cursor

    client = api_client(w.admin)
    make_ticket(w.acme)
    for forged in (
        encode_cursor(["yesterday", 1]),
        encode_cursor([1, "x"]),
        "%%%",
        encode_cursor([None, 5]),
    ):
        response = client.get(f"/api/v1/tickets?cursor={forged}")
        assert response.status_code == 400, forged
        assert response.json()["field"] == "cursor"


def test_it_files_a_ticket_under_a_catalogue_service(w: World) -> None:
    from steward.contracts.models import Service

    Service.objects.create(code="backup", name="Backup monitoring")
    client = api_client(w.tech)
    bad = _create(client, organization=w.acme.pk, title="Backup failed", service="nope")
    assert bad.status_code == 422 and bad.json()["field"] == "service"
    created = _create(client, organization=w.acme.pk, title="Backup failed", service="backup")
    assert created.status_code == 201 and created.json()["service"] == "backup"
    ticket_id = created.json()["id"]
    cleared = patch_json(client, f"/api/v1/tickets/{ticket_id}", {"service": None})
    assert cleared.json()["service"] is None
    kinds = [e["kind"] for e in client.get(f"/api/v1/tickets/{ticket_id}/events").json()["items"]]
    assert "service" in kinds
