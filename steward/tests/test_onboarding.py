"""Issue 10's "done when": from an empty installation, a provider admin takes on a client (its
calendar, policy, agreement, people and mailbox) from the desk's pages alone, no Django admin,
and the client's first request is then served under that agreement, in that calendar."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Organization, Provider, Role, User
from steward.contracts.models import Agreement
from steward.desk.models import Queue, Ticket
from steward.desk.tests.test_settings_pages import _calendar, _policy, _save_calendar
from steward.mail.models import Mailbox
from steward.setup.tests.test_organizations import _data as _organization
from steward.setup.tests.test_provider import DETAILS
from steward.sla.models import BusinessCalendar, SlaPolicy
from steward.test import ScanningClient, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-Password-for-nina-7"


def _checklist(admin: Client) -> str:
    page = admin.get(reverse("settings:index"))
    assert page.status_code == 200
    found = re.search(r"(\d) of 6", page.content.decode())
    assert found, "the checklist says how far it has got"
    return found.group(1)


def test_an_admin_takes_on_a_client_from_the_desk_alone() -> None:
    ada = make_user(Role.ADMIN, name="Ada Admin", language="en")
    admin = ScanningClient(ada)
    # An empty installation: the dashboard points to the checklist, nothing is ticked.
    assert reverse("settings:index") in admin.get(reverse("desk:dashboard")).content.decode()
    assert _checklist(admin) == "0"

    assert admin.post(reverse("settings:provider"), DETAILS).status_code == 302
    assert Provider.current().legal_name == "Northwind IT Services S.A."

    url = reverse("policies:calendar_new")
    assert _save_calendar(admin, url, _calendar(name="Berlin office")).status_code == 302
    calendar = BusinessCalendar.objects.get(name="Berlin office")

    data = _policy(name="Standard", calendar=str(calendar.pk))
    assert admin.post(reverse("policies:policy_new"), data).status_code == 302
    policy = SlaPolicy.objects.get(name="Standard")

    data = _organization(calendar=calendar.pk, it_manager=ada.pk)
    assert admin.post(reverse("settings:organization_new"), data).status_code == 302
    client_org = Organization.objects.get(code="INIT")

    terms = {
        "organization": client_org.pk,
        "name": "Initech managed",
        "sla_policy": policy.pk,
        "billing": "managed_user",
        "currency": "EUR",
        "starts": "2026-01-01",
        "monthly_fee": "100",
        "unit_price": "35",
        "devices": "0",
        "hourly_rate": "80",
        "out_of_hours_multiplier": "1.5",
        "included_hours": "0",
        "block_hours": "0",
        "increment_minutes": "15",
        "exclusions": "",
    }
    assert admin.post(reverse("billing:agreement_new"), terms).status_code == 302
    agreement = Agreement.objects.get(organization=client_org)
    # 42 people work there (the organization's headcount), none of them has signed in yet.
    assert agreement.monthly_amount().amount == 100 + 35 * 42

    invite = {"email": "nina@initech.example", "name": "Nina", "role": "client_admin"}
    invite["organization"] = str(client_org.pk)
    assert admin.post(reverse("settings:invite"), invite).status_code == 302

    box = {
        "name": "Help desk",
        "address": "help@northwind.example",
        "unknown_sender": "quarantine",
        "imap_host": "imap.northwind.example",
        "imap_port": 993,
        "imap_security": "ssl",
        "imap_user": "help@northwind.example",
        "password": "imap-secret",
        "folder": "INBOX",
        "poll_seconds": 60,
        "auth_method": "password",
    }
    assert admin.post(reverse("mail:mailbox_new"), box).status_code == 302
    assert Mailbox.objects.get().address == "help@northwind.example"
    assert _checklist(admin) == "6"

    # Nina follows the link in her invitation, chooses a password, and asks for help.
    link = re.search(r"https?://\S+/welcome/\S+/", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    nina = Client()
    form = nina.get(link.group(0), follow=True)
    target = form.redirect_chain[-1][0] if form.redirect_chain else link.group(0)
    nina.post(target, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert User.objects.get(email="nina@initech.example").check_password(PASSWORD)
    signed_in = nina.post(
        reverse("account_login"), {"login": "nina@initech.example", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    request = {"title": "Printer offline", "impact": "high", "urgency": "high"}
    r = nina.post(reverse("portal:new_ticket"), request)
    assert r.status_code == 302, r.content.decode()[-3000:]
    ticket = Ticket.objects.get(organization=client_org)
    # Under the agreement's policy, timed in the client's calendar, in a queue.
    assert ticket.agreement_version is not None
    assert ticket.agreement_version.agreement_id == agreement.pk
    assert ticket.sla_due is not None
    assert ticket.queue == Queue.objects.get(is_default=True)
