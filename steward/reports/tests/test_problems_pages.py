"""The problems pages: recurring groups with their button, the problem list and form, the
client's read-only view, and the known-error card of the desk ticket page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.reports.models import Problem
from steward.test import ScanningClient, World, covers, make_ticket, world
from steward.vault.models import Asset, TicketAsset

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
PRINTER = [
    ("Printer on 2F does not print", "Nothing comes out."),
    ("2nd floor printer not printing", "Jobs stay in the queue."),
    ("Can't print on the second floor printer", "It shows ready."),
    ("printer 2F not printing anything!!", "Since this morning."),
]


@pytest.fixture
def w() -> World:
    return world()


def _printer_tickets(org: Organization) -> list[Ticket]:
    return [
        make_ticket(org, title=t, description=d, at=NOW - timedelta(days=20 - 3 * n))
        for n, (t, d) in enumerate(PRINTER)
    ]


def _get(user: Any, name: str, *args: Any, query: str = "") -> Any:
    with time_machine.travel(NOW, tick=False):
        return ScanningClient(user).get(reverse(name, args=args) + query)


@covers("reports:recurring", kinds=("login", "tenancy"))
def test_it_shows_recurring_groups_with_a_button_that_opens_a_problem(w: World) -> None:
    tickets = _printer_tickets(w.acme)
    make_ticket(w.acme, title="Website shows a 502 error", at=NOW - timedelta(days=2))
    page = _get(w.tech, "reports:recurring", w.acme.pk).content.decode()
    assert "4 tickets since 31 Oct 2026" in page
    assert all(t.number in page for t in tickets) and "502" not in page
    assert "Open a problem" in page
    with time_machine.travel(NOW, tick=False):
        response = ScanningClient(w.tech).post(
            reverse("reports:problem_new", args=[w.acme.pk]),
            {"title": "Printer on 2F does not print", "ticket": [t.pk for t in tickets]},
        )
    problem = Problem.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "reports:problem", args=[problem.pk]
    )
    assert sorted(problem.tickets.values_list("pk", flat=True)) == [t.pk for t in tickets]
    assert (problem.created_by, problem.status) == (w.tech, "open")
    page = _get(w.tech, "reports:recurring", w.acme.pk).content.decode()
    assert f"problem #{problem.pk}: Open" in page and "Open a problem" not in page
    # A period before the tickets: nothing recurring.
    page = _get(w.tech, "reports:recurring", w.acme.pk, query="?from=2026-01-01&to=2026-03-31")
    assert "Nothing recurring in this period." in page.content.decode()
    assert _get(w.tech, "reports:recurring", w.globex.pk).status_code == 404
    assert _get(None, "reports:recurring", w.acme.pk).status_code == 302


@covers("reports:problem_new", kinds=("login", "tenancy", "role"))
def test_it_opens_a_problem_only_with_this_clients_tickets(w: World) -> None:
    ours = _printer_tickets(w.acme)
    theirs = make_ticket(w.globex)
    url = reverse("reports:problem_new", args=[w.acme.pk])
    client = ScanningClient(w.tech)
    response = client.post(url, {"title": "Printer", "ticket": [ours[0].pk, theirs.pk]})
    assert response.status_code == 302 and not Problem.objects.exists()
    assert client.post(url, {"title": "", "ticket": [ours[0].pk]}).status_code == 302
    assert not Problem.objects.exists()
    # A title the database cannot keep (PostgreSQL refuses a NUL byte) is refused by the form.
    refused = client.post(url, {"title": "Printer\x00", "ticket": [ours[0].pk]}, follow=True)
    assert refused.redirect_chain[-1][0] == reverse("reports:recurring", args=[w.acme.pk])
    assert not Problem.objects.exists()
    other = reverse("reports:problem_new", args=[w.globex.pk])
    assert client.post(other, {"title": "x", "ticket": [theirs.pk]}).status_code == 404
    assert (
        ScanningClient(w.acme_admin).post(url, {"title": "x"}).status_code == 404
    )  # a desk page, to a client
    assert ScanningClient().post(url, {"title": "x"}).status_code == 302
    assert not Problem.objects.exists()


@covers("reports:problems", "reports:problem", kinds=("login", "tenancy", "role"))
def test_it_lists_and_edits_problems(w: World) -> None:
    tickets = _printer_tickets(w.acme)
    mine = Problem.objects.create(organization=w.acme, title="Printer on 2F does not print")
    mine.tickets.set(tickets[:2])
    Problem.objects.create(organization=w.acme, title="VPN drops", status="known_error")
    theirs = Problem.objects.create(organization=w.globex, title="打印机卡纸")
    page = _get(w.tech, "reports:problems").content.decode()
    assert "Printer on 2F" in page and "VPN drops" in page and "打印机卡纸" not in page
    page = _get(w.admin, "reports:problems", query="?status=known_error").content.decode()
    assert "VPN drops" in page and "Printer on 2F" not in page
    page = _get(w.admin, "reports:problems", query=f"?organization={w.globex.pk}").content.decode()
    assert "打印机卡纸" in page and "VPN drops" not in page
    page = _get(w.tech, "reports:problem", mine.pk).content.decode()
    assert tickets[0].number in page and tickets[2].number not in page
    url = reverse("reports:problem", args=[mine.pk])
    form = {
        "title": "Printer on 2F: fuser worn",
        "status": "known_error",
        "owner": w.tech.pk,
        "root_cause": "The fuser is worn out.",
        "workaround": "Print from tray 2.",
        "tickets": f"{tickets[1].number}, {tickets[3].number}",
    }
    response = ScanningClient(w.tech).post(url, form)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.title, mine.status, mine.owner, mine.workaround) == (
        "Printer on 2F: fuser worn", "known_error", w.tech, "Print from tray 2.",
    )  # fmt: skip
    assert set(mine.tickets.all()) == {tickets[1], tickets[3]}
    foreign = make_ticket(w.globex)
    response = ScanningClient(w.tech).post(url, {**form, "tickets": foreign.number})
    assert response.status_code == 200 and "Not tickets of this client" in response.content.decode()
    assert set(mine.tickets.all()) == {tickets[1], tickets[3]}
    assert _get(w.tech, "reports:problem", theirs.pk).status_code == 404
    assert (
        ScanningClient(w.tech).post(reverse("reports:problem", args=[theirs.pk]), form).status_code
        == 404
    )
    assert (
        _get(w.acme_admin, "reports:problem", mine.pk).status_code == 404
    )  # a desk page, to a client
    assert _get(None, "reports:problems").status_code == 302


@covers("reports_portal:problems", "reports_portal:problem", kinds=("login", "tenancy"))
def test_it_shows_the_client_its_problems_read_only(w: World) -> None:
    known = Problem.objects.create(
        organization=w.acme,
        title="VPN drops every hour",
        status="known_error",
        root_cause="The firewall's idle timeout.",
        workaround="Reconnect with the VPN client's 'Keep alive' on.",
    )
    theirs = Problem.objects.create(organization=w.globex, title="打印机卡纸")
    for user in (w.acme_admin, w.acme_user):
        page = _get(user, "reports_portal:problems").content.decode()
        assert "VPN drops every hour" in page and "Keep alive" in page and "打印机卡纸" not in page
        page = _get(user, "reports_portal:problem", known.pk).content.decode()
        assert "firewall" in page and "<form" not in page.split("page-header")[-1]
        assert _get(user, "reports_portal:problem", theirs.pk).status_code == 404
    assert _get(None, "reports_portal:problems").status_code == 302


def test_it_flags_a_new_ticket_that_matches_a_known_error(w: World) -> None:
    old = _printer_tickets(w.acme)[:3]
    known = Problem.objects.create(
        organization=w.acme,
        title="Printer on 2F does not print",
        status="known_error",
        workaround="Print from tray 2 until the fuser is replaced.",
    )
    known.tickets.set(old)
    new = make_ticket(w.acme, title="The 2F printer is not printing again")
    unrelated = make_ticket(w.acme, title="Website shows a 502 error")
    panel = _get(w.tech, "reports:ticket_panel", new.pk).content.decode()
    assert "Matches known error: Printer on 2F does not print" in panel
    assert "Print from tray 2" in panel
    assert (
        "Matches known error"
        not in _get(w.tech, "reports:ticket_panel", unrelated.pk).content.decode()
    )
    # Said in another language, it matches through the printer asset.
    greek = make_ticket(w.acme, title="Ο εκτυπωτής δεν τυπώνει")
    assert (
        "Matches known error" not in _get(w.tech, "reports:ticket_panel", greek.pk).content.decode()
    )
    printer = Asset.objects.create(organization=w.acme, name="PRN-2F", kind="printer")
    TicketAsset.objects.bulk_create(TicketAsset(ticket=t, asset=printer) for t in [old[0], greek])
    assert "Print from tray 2" in _get(w.tech, "reports:ticket_panel", greek.pk).content.decode()
    # A problem still open, or another client's known error, flags nothing.
    known.status = "open"
    known.save()
    assert (
        "Matches known error" not in _get(w.tech, "reports:ticket_panel", new.pk).content.decode()
    )
    # The linked tickets show the problem itself.
    panel = _get(w.tech, "reports:ticket_panel", old[0].pk).content.decode()
    assert (
        f"#{known.pk} Printer on 2F does not print" in panel and "Matches known error" not in panel
    )


def test_it_does_not_flag_with_another_clients_known_error(w: World) -> None:
    theirs = Problem.objects.create(
        organization=w.globex, title="Printer on 2F does not print", status="known_error"
    )
    theirs.tickets.set(_printer_tickets(w.globex)[:3])
    ours = make_ticket(w.acme, title="Printer on 2F does not print")
    assert (
        "Matches known error" not in _get(w.admin, "reports:ticket_panel", ours.pk).content.decode()
    )
