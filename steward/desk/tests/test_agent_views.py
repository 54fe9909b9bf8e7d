"""The agent desk pages: access, tenancy, queue order and filters, replies and changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries, Settings

from steward.desk import actions
from steward.desk.models import Attachment, Message, Status, Ticket
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _acme_ticket(w: World, **kw: object) -> Ticket:
    return make_ticket(w.acme, requester=w.acme_user, **kw)


def _urls(t: Ticket, attachment_id: int = 1) -> dict[str, str]:
    return {
        "desk:dashboard": reverse("desk:dashboard"),
        "desk:queue": reverse("desk:queue"),
        "desk:new_ticket": reverse("desk:new_ticket"),
        "desk:ticket": reverse("desk:ticket", args=[t.number]),
        "desk:attachment": reverse("desk:attachment", args=[attachment_id]),
    }


@covers(
    "desk:dashboard",
    "desk:queue",
    "desk:new_ticket",
    "desk:ticket",
    "desk:attachment",
    "desk:reply",
    "desk:update",
    "desk:bulk_assign",
    kinds=("login",),
)
def test_it_requires_login(w: World) -> None:
    t = _acme_ticket(w)
    for name, url in _urls(t).items():
        response = Client().get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name
    for url in (
        reverse("desk:reply", args=[t.number]),
        reverse("desk:update", args=[t.number]),
        reverse("desk:bulk_assign"),
    ):
        assert Client().post(url).status_code == 302


@covers("desk:new_ticket", "desk:bulk_assign", kinds=("role",))
def test_it_hides_the_desk_from_clients(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.acme_admin)
    for name, url in _urls(t).items():
        assert client.get(url).status_code == 404, name
    assert client.post(reverse("desk:bulk_assign"), {"tickets": [t.pk]}).status_code == 404
    assert client.post(reverse("desk:new_ticket"), {"title": "x"}).status_code == 404
    assert Ticket.objects.count() == 1


@covers(
    "desk:dashboard", "desk:queue", "desk:ticket", "desk:reply", "desk:update", kinds=("tenancy",)
)
def test_it_hides_other_organizations(w: World) -> None:
    globex = make_ticket(w.globex, title="Globex secret globex-marker-9c07")
    _acme_ticket(w)
    # The technician is assigned to Acme only: Globex's ticket does not exist for them.
    tech = ScanningClient(w.tech)
    assert tech.get(reverse("desk:ticket", args=[globex.number])).status_code == 404
    assert (
        tech.post(
            reverse("desk:reply", args=[globex.number]), {"body": "x", "public": "1"}
        ).status_code
        == 404
    )
    assert (
        tech.post(
            reverse("desk:update", args=[globex.number]),
            {"status": "closed", "impact": "high", "urgency": "high"},
        ).status_code
        == 404
    )
    for url in (
        reverse("desk:dashboard"),
        reverse("desk:queue"),
        reverse("desk:queue") + "?status=all",
    ):
        assert b"globex-marker-9c07" not in tech.get(url).content
    # A manager sees every organization.
    manager = ScanningClient(w.manager)
    assert manager.get(reverse("desk:ticket", args=[globex.number])).status_code == 200


@covers("desk:update", "desk:reply", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.acme_user)
    response = client.post(
        reverse("desk:update", args=[t.number]),
        {"status": "closed", "impact": "high", "urgency": "high"},
    )
    assert response.status_code == 404
    assert (
        client.post(
            reverse("desk:reply", args=[t.number]), {"body": "x", "public": "0"}
        ).status_code
        == 404
    )
    t.refresh_from_db()
    assert t.status == Status.NEW
    assert not Message.objects.filter(ticket=t).exists()


def test_it_orders_the_queue_by_sla_urgency(w: World) -> None:
    now = timezone.now()
    later = _acme_ticket(w, title="Low one", impact="low", urgency="low", at=now)
    sooner = _acme_ticket(w, title="Urgent one", impact="high", urgency="high", at=now)
    response = ScanningClient(w.tech).get(reverse("desk:queue"))
    rows = list(response.context["tickets"])
    assert rows.index(sooner) < rows.index(later)


def test_it_filters_the_queue(w: World) -> None:
    p1 = _acme_ticket(w, impact="high", urgency="high")
    p4 = _acme_ticket(w, impact="low", urgency="low")
    actions.assign(p4, w.tech, w.tech)
    client = ScanningClient(w.tech)
    assert list(client.get(reverse("desk:queue") + "?priority=P1").context["tickets"]) == [p1]
    assert list(client.get(reverse("desk:queue") + "?assignee=me").context["tickets"]) == [p4]
    assert list(client.get(reverse("desk:queue") + "?assignee=none").context["tickets"]) == [p1]
    actions.change_status(p1, "resolved", w.tech)
    assert list(client.get(reverse("desk:queue")).context["tickets"]) == [p4]
    assert p1 in client.get(reverse("desk:queue") + "?status=resolved").context["tickets"]


def test_it_filters_tickets_breaching_soon(w: World) -> None:
    now = timezone.now()
    overdue = _acme_ticket(w, impact="high", urgency="high", at=now - timedelta(days=7))
    _acme_ticket(w, impact="low", urgency="low", at=now)
    rows = ScanningClient(w.tech).get(reverse("desk:queue") + "?breaching=0").context["tickets"]
    assert list(rows) == [overdue]


def test_it_pages_the_queue_by_keyset(
    w: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for i in range(55):
        _acme_ticket(w, title=f"Ticket {i}")
    client = ScanningClient(w.tech)
    with django_assert_max_num_queries(12):
        first = client.get(reverse("desk:queue"))
    assert len(first.context["tickets"]) == 50
    assert first.context["next_query"]
    second = client.get(reverse("desk:queue") + "?" + first.context["next_query"])
    assert len(second.context["tickets"]) == 5
    assert not set(first.context["tickets"]) & set(second.context["tickets"])


def test_it_answers_htmx_with_the_table_only(w: World) -> None:
    _acme_ticket(w)
    response = ScanningClient(w.tech).get(reverse("desk:queue"), HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content
    assert b"ACME-1" in response.content


@covers("desk:bulk_assign", kinds=("tenancy",))
def test_it_bulk_assigns_only_visible_tickets(w: World) -> None:
    a, b = _acme_ticket(w), _acme_ticket(w)
    hidden = make_ticket(w.globex)
    response = ScanningClient(w.tech).post(
        reverse("desk:bulk_assign"),
        {"tickets": [a.pk, b.pk, hidden.pk, "junk"], "assignee": w.tech.pk},
    )
    assert response.status_code == 302
    assert {t.assignee for t in Ticket.objects.filter(pk__in=[a.pk, b.pk])} == {w.tech}
    hidden.refresh_from_db()
    assert hidden.assignee is None


def test_it_returns_to_the_queue_but_never_to_another_site(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.tech)
    url = reverse("desk:bulk_assign")
    for target in (
        "https://elsewhere.example/desk/",
        "//elsewhere.example/",
        "/\\elsewhere.example",
    ):
        response = client.post(url, {"tickets": [t.pk], "assignee": w.tech.pk, "next": target})
        assert response.status_code == 302
        assert response["Location"] == reverse("desk:queue"), target
    back = "/desk/queue/?status=all&priority=P1"
    response = client.post(url, {"tickets": [t.pk], "assignee": w.tech.pk, "next": back})
    assert response["Location"] == back


def test_it_records_a_reply_as_the_first_response(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.tech)
    response = client.post(
        reverse("desk:reply", args=[t.number]),
        {"body": "Restarting the VPN concentrator now.", "public": "1"},
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.first_responded_at is not None
    assert t.status == Status.OPEN
    page = client.get(reverse("desk:ticket", args=[t.number]))
    assert b"Restarting the VPN concentrator" in page.content


def test_it_adds_internal_notes_without_responding(w: World) -> None:
    t = _acme_ticket(w)
    ScanningClient(w.tech).post(
        reverse("desk:reply", args=[t.number]), {"body": "Check the ISP ticket", "public": "0"}
    )
    t.refresh_from_db()
    assert t.first_responded_at is None
    assert Message.objects.get(ticket=t).public is False


def test_it_refuses_a_wrong_attachment(w: World, settings: Settings) -> None:
    settings.ATTACHMENT_MAX_BYTES = 10
    t = _acme_ticket(w)
    client = ScanningClient(w.tech)
    big = SimpleUploadedFile("log.txt", b"x" * 100, content_type="text/plain")
    response = client.post(
        reverse("desk:reply", args=[t.number]), {"body": "log attached", "public": "1", "file": big}
    )
    assert response.status_code == 400
    assert b"larger than" in response.content
    exe = SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")
    settings.ATTACHMENT_MAX_BYTES = 1000
    response = client.post(
        reverse("desk:reply", args=[t.number]), {"body": "tool", "public": "1", "file": exe}
    )
    assert b"not accepted" in response.content
    assert not Attachment.objects.exists()


@covers("desk:attachment", kinds=("tenancy",))
def test_it_serves_attachments_to_those_who_see_the_ticket(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.tech)
    client.post(
        reverse("desk:reply", args=[t.number]),
        {
            "body": "screenshot",
            "public": "1",
            "file": SimpleUploadedFile("s.png", b"\x89PNG", content_type="image/png"),
        },
    )
    item = Attachment.objects.get()
    response = client.get(reverse("desk:attachment", args=[item.pk]))
    assert response.status_code == 200
    assert response.getvalue() == b"\x89PNG"
    other = ScanningClient(w.manager)
    assert other.get(reverse("desk:attachment", args=[item.pk])).status_code == 200
    from steward.accounts.models import Role
    from steward.test import make_user

    outsider = make_user(Role.TECHNICIAN)
    assert (
        ScanningClient(outsider).get(reverse("desk:attachment", args=[item.pk])).status_code == 404
    )


def test_it_changes_status_priority_and_assignee(w: World) -> None:
    t = _acme_ticket(w)
    response = ScanningClient(w.tech).post(
        reverse("desk:update", args=[t.number]),
        {
            "status": "waiting_on_client",
            "impact": "high",
            "urgency": "high",
            "assignee": w.tech.pk,
            "queue": "",
        },
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert (t.status, t.priority, t.assignee) == ("waiting_on_client", "P1", w.tech)
    assert t.sla_paused


def test_it_shows_the_sla_explanation(w: World) -> None:
    t = _acme_ticket(w, impact="high", urgency="high")
    page = ScanningClient(w.tech).get(reverse("desk:ticket", args=[t.number]))
    assert b"How these were worked out" in page.content
    assert b"Resolution due" in page.content


def test_it_opens_tickets_for_a_client(w: World) -> None:
    response = ScanningClient(w.tech).post(
        reverse("desk:new_ticket"),
        {
            "organization": w.acme.pk,
            "title": "Phone: server room too hot",
            "kind": "incident",
            "impact": "high",
            "urgency": "high",
            "source": "phone",
            "requester_email": w.acme_user.email,
        },
    )
    assert response.status_code == 302
    t = Ticket.objects.get(title="Phone: server room too hot")
    assert (t.source, t.priority, t.requester) == ("phone", "P1", w.acme_user)


@covers("desk:new_ticket", kinds=("tenancy",))
def test_it_will_not_open_tickets_for_unassigned_organizations(w: World) -> None:
    response = ScanningClient(w.tech).post(
        reverse("desk:new_ticket"),
        {
            "organization": w.globex.pk,
            "title": "x",
            "kind": "incident",
            "impact": "low",
            "urgency": "low",
            "source": "phone",
        },
    )
    assert response.status_code == 200
    assert not Ticket.objects.filter(organization=w.globex).exists()


def test_it_shows_the_dashboard_counts(w: World) -> None:
    now = timezone.now()
    _acme_ticket(w, impact="high", urgency="high", at=now - timedelta(days=7))
    response = ScanningClient(w.manager).get(reverse("desk:dashboard"))
    assert response.context["overdue_count"] == 1
    assert response.context["open_count"] == 1


def test_it_counts_tickets_breaching_within_four_hours(w: World) -> None:
    now = timezone.now()
    for due in (now - timedelta(minutes=5), now + timedelta(hours=3), now + timedelta(hours=5)):
        Ticket.objects.filter(pk=_acme_ticket(w).pk).update(sla_due=due)
    response = ScanningClient(w.manager).get(reverse("desk:dashboard"))
    assert (response.context["overdue_count"], response.context["soon_count"]) == (1, 1)
    acme = next(o for o in response.context["orgs"] if o == w.acme)
    assert (acme.open, acme.overdue, acme.soon) == (3, 1, 1)


def test_it_shows_the_first_page_for_a_mangled_link(w: World) -> None:
    from steward.lib.api import encode_cursor

    _acme_ticket(w)
    response = ScanningClient(w.tech).get(
        reverse("desk:queue") + "?after=" + encode_cursor(["garbage", "x"])
    )
    assert response.status_code == 200
    assert len(response.context["tickets"]) == 1


def test_it_refuses_a_bulk_assignee_who_is_not_staff(w: World) -> None:
    t = _acme_ticket(w)
    client = ScanningClient(w.tech)
    back = "/desk/queue/?status=all"
    for assignee in ("abc", "²", str(w.acme_user.pk), "9" * 30, "1.5"):
        response = client.post(
            reverse("desk:bulk_assign"), {"tickets": [t.pk], "assignee": assignee, "next": back}
        )
        assert response.status_code == 400, assignee
        page = response.content.decode()
        assert "Assignee: choose a member of staff" in page
        assert f'name="next" value="{back}"' in page.replace("&amp;", "&")
    t.refresh_from_db()
    assert t.assignee is None


def test_it_skips_bulk_ticket_values_that_are_not_ids(w: World) -> None:
    t = _acme_ticket(w)
    response = ScanningClient(w.tech).post(
        reverse("desk:bulk_assign"),
        {"tickets": ["²", "٣", "9" * 30, "-1", str(t.pk)], "assignee": w.tech.pk},
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.assignee == w.tech
