"""Client organizations from the desk: create, edit, mail domains, deactivate."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.mail.models import MailDomain
from steward.test import ScanningClient, World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _data(**kw: Any) -> dict[str, Any]:
    data = {
        "name": "Initech",
        "code": "init",
        "status": "active",
        "timezone": "Europe/Berlin",
        "language": "el",
        "headcount": "42",
        "hourly_cost_per_user": "55.50",
        "legal_name": "Initech GmbH",
        "billing_address": "Hauptstr. 1\nBerlin",
        "country": "DE",
        "tax_id": "DE123456789",
        "users_see_all_tickets": "on",
        "mail_domains": "initech.example\n@Initech-Mail.example",
    }
    data.update(kw)
    return data


def test_it_creates_a_client_with_its_mail_domains(w: World) -> None:
    data = _data(calendar=w.calendar.pk, it_manager=w.manager.pk)
    r = ScanningClient(w.admin).post(reverse("settings:organization_new"), data)
    assert r.status_code == 302
    org = Organization.objects.get(code="INIT")
    assert (org.language, org.timezone, org.headcount, org.country) == (
        "el",
        "Europe/Berlin",
        42,
        "DE",
    )
    assert org.users_see_all_tickets and org.calendar == w.calendar and org.it_manager == w.manager
    assert sorted(org.mail_domains.values_list("domain", flat=True)) == [
        "initech-mail.example",
        "initech.example",
    ]
    page = ScanningClient(w.admin).get(reverse("settings:organizations")).content.decode()
    assert "Initech" in page and "initech-mail.example" in page


def test_it_lists_clients_with_their_counts(w: World) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    make_ticket(w.acme, requester=w.acme_user)
    r = ScanningClient(w.manager).get(reverse("settings:organizations"))
    row = next(o for o in r.context["orgs"] if o.pk == w.acme.pk)
    assert (row.people, row.open_tickets, row.technicians) == (2, 2, 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("code", "ACME"),  # another client's code
        ("code", "1X"),
        ("name", "acme ACME-MARKER-5E1F"),  # another client's name, in other letters
        ("timezone", "Mars/Olympus"),
        ("language", "xx"),
        ("country", "Germany"),
        ("headcount", "-3"),
        ("hourly_cost_per_user", "-1"),
        ("mail_domains", "not a domain"),
        ("calendar", "999999"),
    ],
)
def test_it_names_the_field_at_fault_and_saves_nothing(w: World, field: str, value: str) -> None:
    MailDomain.objects.create(organization=w.acme, domain="acme.example")
    r = ScanningClient(w.admin).post(reverse("settings:organization_new"), _data(**{field: value}))
    assert r.status_code == 400
    assert list(r.context["form"].errors) == [field]
    assert not Organization.objects.filter(legal_name="Initech GmbH").exists()
    assert not MailDomain.objects.filter(domain="initech.example").exists()


def test_it_refuses_a_mail_domain_of_another_client_by_name(w: World) -> None:
    MailDomain.objects.create(organization=w.acme, domain="acme.example")
    data = _data(mail_domains="initech.example\nACME.example")
    r = ScanningClient(w.admin).post(reverse("settings:organization_new"), data)
    assert r.status_code == 400
    assert "acme.example already belongs to" in r.context["form"].errors["mail_domains"][0]
    assert MailDomain.objects.get(domain="acme.example").organization == w.acme


def test_it_edits_domains_and_deactivates_keeping_the_history(w: World) -> None:
    MailDomain.objects.create(organization=w.acme, domain="old.example")
    ticket = make_ticket(w.acme, requester=w.acme_user)
    url = reverse("settings:organization", args=[w.acme.pk])
    form = ScanningClient(w.admin).get(url).context["form"]
    assert form.initial["mail_domains"] == "old.example"
    data = _data(name=w.acme.name, code="ACME", status="inactive", mail_domains="new.example")
    assert ScanningClient(w.admin).post(url, data).status_code == 302
    w.acme.refresh_from_db()
    assert w.acme.status == "inactive"
    assert list(w.acme.mail_domains.values_list("domain", flat=True)) == ["new.example"]
    assert Ticket.objects.filter(pk=ticket.pk, organization=w.acme).exists()
    listed = ScanningClient(w.admin).get(reverse("settings:organizations")).context["orgs"]
    assert w.acme not in list(listed)
    listed = ScanningClient(w.admin).get(reverse("settings:organizations") + "?show=all")
    assert w.acme in list(listed.context["orgs"])
