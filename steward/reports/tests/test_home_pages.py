"""The reports' entry points: the desk's list of clients, each client's first tab, the
portal's start (client admins only), and the cards the ticket page and the dashboard load."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db

PAGES = (
    "reports:home",
    "reports:org",
    "reports:ticket_panel",
    "reports:dashboard_panel",
    "reports_portal:home",
    "reports_portal:ticket_panel",
)


@pytest.fixture
def w() -> World:
    return world()


@covers(*PAGES, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    for url in (
        reverse("reports:home"),
        reverse("reports:org", args=[w.acme.pk]),
        reverse("reports:ticket_panel", args=[ticket.pk]),
        reverse("reports:dashboard_panel"),
        reverse("reports_portal:home"),
        reverse("reports_portal:ticket_panel", args=[ticket.number]),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@covers(*PAGES, kinds=("tenancy",))
def test_each_side_reaches_only_its_own(w: World) -> None:
    acme_ticket = make_ticket(w.acme, requester=w.acme_user)
    globex_ticket = make_ticket(w.globex, requester=w.globex_user)
    tech = ScanningClient(w.tech)  # assigned to Acme only
    listing = tech.get(reverse("reports:home")).content.decode()
    assert w.acme.name in listing and w.globex.name not in listing
    assert tech.get(reverse("reports:org", args=[w.globex.pk])).status_code == 404
    assert tech.get(reverse("reports:ticket_panel", args=[globex_ticket.pk])).status_code == 404
    assert tech.get(reverse("reports:ticket_panel", args=[acme_ticket.pk])).status_code == 200
    assert tech.get(reverse("reports:dashboard_panel")).status_code == 200
    # Clients never reach the desk's pages; the portal's are theirs.
    client = ScanningClient(w.acme_user)
    assert client.get(reverse("reports:home")).status_code == 404
    assert client.get(reverse("reports:dashboard_panel")).status_code == 404
    panel = reverse("reports_portal:ticket_panel", args=[globex_ticket.number])
    assert client.get(panel).status_code == 404
    panel = reverse("reports_portal:ticket_panel", args=[acme_ticket.number])
    assert client.get(panel).status_code == 200


def test_a_clients_reports_open_on_its_scorecard(w: World) -> None:
    response = ScanningClient(w.manager).get(reverse("reports:org", args=[w.acme.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:scorecard", args=[w.acme.pk])


def test_the_portals_reports_are_the_client_admins(w: World) -> None:
    admin = ScanningClient(w.acme_admin).get(reverse("reports_portal:home"))
    assert admin["Location"] == reverse("reports_portal:scorecard")
    user = ScanningClient(w.acme_user).get(reverse("reports_portal:home"))
    assert user["Location"] == reverse("portal:home")
    staff = ScanningClient(w.tech).get(reverse("reports_portal:home"))
    assert staff["Location"] == reverse("desk:dashboard")


def test_the_menu_leads_to_the_reports(w: World) -> None:
    desk = ScanningClient(w.tech).get(reverse("desk:dashboard")).content.decode()
    assert reverse("reports:home") in desk
    admin = ScanningClient(w.acme_admin).get(reverse("portal:home")).content.decode()
    assert reverse("reports_portal:home") in admin
    user = ScanningClient(w.acme_user).get(reverse("portal:home")).content.decode()
    assert reverse("reports_portal:home") not in user
