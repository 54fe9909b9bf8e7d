"""The review pages: written on the desk with its actions, read in the portal, listed when
missing or overdue, and shown on the ticket pages and the managers' dashboard."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from steward.accounts.models import Provider, Role
from steward.desk.actions import change_status
from steward.desk.models import Ticket
from steward.reports import reviews
from steward.reports.models import Review
from steward.test import ScanningClient, World, covers, make_ticket, make_user, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _p1(w: World, **kw: Any) -> Ticket:
    ticket = make_ticket(w.acme, impact="high", urgency="high", **kw)
    assert ticket.priority == "P1"
    return ticket


def _resolve(ticket: Ticket, who: Any) -> None:
    change_status(ticket, "resolved", who)


def _form(**kw: Any) -> dict[str, Any]:
    data = {
        "what_happened": "Mail stopped for everyone at 08:40.",
        "how_fixed": "Renewed the expired connector certificate.",
        "how_to_avoid": "Certificate expiry is now monitored.",
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "50",
        "form-0-title": "Monitor certificate expiry",
        "form-0-owner": "",
        "form-0-due": "2026-04-01",
        "form-1-title": "",
    }
    data.update(kw)
    return data


def _review(ticket: Ticket, author: Any, due: date | None, done: bool = False) -> Review:
    return reviews.save_review(
        ticket,
        author,
        {"what_happened": "Disk full", "how_fixed": "Cleaned", "how_to_avoid": "Alert"},
        [reviews.ActionIn("Add a disk alert", author.pk, due, done)],
    )


@covers("reports:review", kinds=("login", "tenancy", "role"))
def test_staff_write_a_review_with_actions_on_the_desk(w: World) -> None:
    ticket = _p1(w)
    url = reverse("reports:review", args=[ticket.number])
    client = ScanningClient(w.tech)
    page = client.get(url).content.decode()
    assert "A P1 ticket needs a post-incident review" in page and "Add an action" in page
    response = client.post(url, _form(**{"form-0-owner": str(w.acme_admin.pk)}))
    assert response.status_code == 302
    review = Review.objects.get(ticket=ticket)
    assert [(a.title, a.owner, a.due) for a in review.actions.all()] == [
        ("Monitor certificate expiry", w.acme_admin, date(2026, 4, 1))
    ]
    # Removing a row removes the action; the texts change with it.
    client.post(
        url,
        _form(
            what_happened="Changed",
            **{"form-INITIAL_FORMS": "1", "form-0-DELETE": "on", "form-1-title": "Runbook"},
        ),
    )
    review.refresh_from_db()
    assert review.what_happened == "Changed"
    assert [a.title for a in review.actions.all()] == ["Runbook"]
    # An owner from another organization is not a choice: nothing changes.
    bad = client.post(url, _form(**{"form-0-owner": str(w.globex_user.pk)}))
    assert bad.status_code == 200 and [a.title for a in review.actions.all()] == ["Runbook"]
    # Clients do not reach the desk; other organizations' tickets are not found.
    assert ScanningClient(w.acme_admin).get(url).status_code == 404
    theirs = make_ticket(w.globex)
    assert client.get(reverse("reports:review", args=[theirs.number])).status_code == 404
    assert ScanningClient().get(url).status_code == 302


@covers("reports_portal:review", kinds=("login", "tenancy", "role"))
def test_the_client_reads_the_review_in_the_portal(w: World) -> None:
    ticket = _p1(w, requester=w.acme_user)
    url = reverse("reports_portal:review", args=[ticket.number])
    assert ScanningClient(w.acme_user).get(url).status_code == 404  # none written yet
    _review(ticket, w.tech, date(2026, 3, 1))
    page = ScanningClient(w.acme_user).get(url).content.decode()
    assert "Disk full" in page and "Add a disk alert" in page and "Tess Technician" in page
    assert 'name="what_happened"' not in page  # read only
    panel = ScanningClient(w.acme_user).get(
        reverse("reports_portal:ticket_panel", args=[ticket.number])
    )
    assert url in panel.content.decode()
    colleague = make_user(Role.CLIENT_USER, w.acme)
    assert ScanningClient(colleague).get(url).status_code == 404
    assert ScanningClient(w.globex_user).get(url).status_code == 404
    assert ScanningClient(w.tech).get(url).status_code == 302  # staff go to the desk
    assert ScanningClient().get(url).status_code == 302


@covers("reports:reviews", kinds=("login", "tenancy", "role"))
def test_the_list_shows_missing_reviews_only_when_the_setting_requires_them(w: World) -> None:
    ticket = _p1(w)
    _resolve(ticket, w.tech)
    theirs = make_ticket(
        w.globex, impact="high", urgency="high", title="Globex outage globex-marker-9c07"
    )
    _resolve(theirs, w.admin)
    url = reverse("reports:reviews")
    page = ScanningClient(w.tech).get(url).content.decode()
    assert ticket.number in page and theirs.number not in page
    assert ticket.number in ScanningClient(w.manager).get(url).content.decode()
    Provider.objects.filter(pk=Provider.current().pk).update(review_required_for_p1=False)
    page = ScanningClient(w.manager).get(url).content.decode()
    assert ticket.number not in page and "not required" in page
    assert ScanningClient(w.acme_admin).get(url).status_code == 404
    assert ScanningClient().get(url).status_code == 302


def test_the_dashboard_shows_overdue_actions_and_missing_reviews_to_managers(w: World) -> None:
    today = timezone.localdate()
    late = make_ticket(w.acme, title="Late action ticket")
    _review(late, w.tech, today - timedelta(days=3))
    on_time = make_ticket(w.acme, title="On time ticket")
    reviews.save_review(
        on_time, w.tech, {}, [reviews.ActionIn("Not yet due", None, today + timedelta(days=3))]
    )
    unreviewed = _p1(w, title="Outage without review")
    _resolve(unreviewed, w.tech)
    panel = reverse("reports:dashboard_panel")
    page = ScanningClient(w.manager).get(panel).content.decode()
    assert "Add a disk alert" in page and "Not yet due" not in page
    assert unreviewed.number in page and "Overdue actions" in page
    assert ScanningClient(w.tech).get(panel).content.decode().strip() == ""
    Provider.objects.filter(pk=Provider.current().pk).update(review_required_for_p1=False)
    page = ScanningClient(w.admin).get(panel).content.decode()
    assert unreviewed.number not in page and "Add a disk alert" in page


def test_the_ticket_card_says_a_review_is_required_for_a_p1(w: World) -> None:
    ticket = _p1(w)
    panel = reverse("reports:ticket_panel", args=[ticket.pk])
    page = ScanningClient(w.tech).get(panel).content.decode()
    assert "Review required" in page and "Write a review" in page
    _review(ticket, w.tech, None)
    page = ScanningClient(w.tech).get(panel).content.decode()
    assert "Review required" not in page and "Read or edit the review" in page
    minor = make_ticket(w.acme)
    page = (
        ScanningClient(w.tech)
        .get(reverse("reports:ticket_panel", args=[minor.pk]))
        .content.decode()
    )
    assert "Review required" not in page and "Write a review" in page


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "What happened"), ("zh-hans", "发生了什么"), ("el", "Τι συνέβη")],
)
def test_the_pages_speak_the_reader_s_language(w: World, lang: str, words: str) -> None:
    ticket = _p1(w, requester=w.acme_user)
    _review(ticket, w.tech, date(2026, 3, 1))
    w.tech.language = lang
    w.tech.save()
    w.acme_user.language = lang
    w.acme_user.save()
    desk = ScanningClient(w.tech).get(reverse("reports:review", args=[ticket.number]))
    assert words in desk.content.decode()
    portal = ScanningClient(w.acme_user).get(reverse("reports_portal:review", args=[ticket.number]))
    assert words in portal.content.decode()


def test_the_provider_turns_the_p1_requirement_off_in_settings(w: World) -> None:
    client = ScanningClient(w.admin)
    page = client.get(reverse("settings:provider")).content.decode()
    box = re.search(r'<input[^>]*name="review_required_for_p1"[^>]*>', page)
    assert box is not None and "checked" in box.group(0)
    client.post(reverse("settings:provider"), {"name": "Steward", "payment_terms_days": "30"})
    assert Provider.current().review_required_for_p1 is False
    data = {"name": "Steward", "payment_terms_days": "30", "review_required_for_p1": "on"}
    client.post(reverse("settings:provider"), data)
    assert Provider.current().review_required_for_p1 is True
