"""People: invitations with a one-time link, roles, assignments, deactivation."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from steward.accounts.models import Membership, Organization, Role, User
from steward.desk.models import Ticket
from steward.test import ScanningClient, World, api_client, make_ticket, make_user, world

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-new-passphrase-42"


@pytest.fixture
def w() -> World:
    return world()


def _invite(w: World, **kw: object) -> Any:
    data = {"email": "nina@acme.example", "name": "Nina Acme", "role": "client_user"}
    data["organization"] = str(w.acme.pk)
    data.update({k: str(v) for k, v in kw.items()})
    return ScanningClient(w.admin).post(reverse("settings:invite"), data)


def _link() -> str:
    match = re.search(r"https?://\S+/welcome/\S+/", str(mail.outbox[-1].body))
    assert match is not None
    return match.group(0)


def _set_password(link: str) -> tuple[Client, Any]:
    client = Client()
    form_page = client.get(link, follow=True)
    return client, client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )


def test_it_invites_a_client_user_who_sets_a_password_and_signs_in(w: World) -> None:
    r = _invite(w)
    assert r.status_code == 302
    nina = User.objects.get(email="nina@acme.example")
    assert (nina.role, nina.organization, nina.has_usable_password()) == (
        "client_user",
        w.acme,
        False,
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@acme.example"]
    # The link is not kept where staff read mail.
    from steward.mail.models import Outbound

    assert not Outbound.objects.filter(text__contains="/welcome/").exists()
    _client, done = _set_password(_link().replace(settings.SITE_URL, ""))
    assert done.status_code == 302
    nina.refresh_from_db()
    assert nina.check_password(PASSWORD)
    assert Client().login(email="nina@acme.example", password=PASSWORD)


def test_it_writes_the_invitation_in_the_organizations_language(w: World) -> None:
    _invite(w, organization=w.globex.pk, email="li@globex.example")
    assert "选择" in mail.outbox[-1].body or "密码" in mail.outbox[-1].body


def test_it_accepts_a_link_only_once(w: World) -> None:
    _invite(w)
    link = _link().replace(settings.SITE_URL, "")
    _set_password(link)
    page = Client().get(link, follow=True)
    assert not page.context["validlink"]
    assert "expired or has already been used" in page.content.decode()


def test_it_refuses_an_expired_link(w: World) -> None:
    _invite(w)
    link = _link().replace(settings.SITE_URL, "")
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with time_machine.travel(later):
        _client, r = _set_password(link)
        assert r.status_code == 200
        assert not r.context["validlink"]
    assert not User.objects.get(email="nina@acme.example").has_usable_password()


def test_it_refuses_a_link_of_someone_deactivated_since(w: World) -> None:
    _invite(w)
    User.objects.filter(email="nina@acme.example").update(is_active=False)
    page = Client().get(_link().replace(settings.SITE_URL, ""), follow=True)
    assert not page.context["validlink"]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"role": "client_admin", "organization": ""}, "organization"),
        ({"role": "technician"}, "organization"),  # staff belong to no client
        ({"role": "owner"}, "role"),
    ],
)
def test_it_names_the_field_at_fault_and_invites_no_one(
    w: World, kw: dict[str, object], field: str
) -> None:
    before = User.objects.count()
    r = _invite(w, **kw)
    assert r.status_code == 400
    assert field in r.context["form"].errors
    assert User.objects.count() == before and mail.outbox == []


def test_it_refuses_to_invite_an_address_that_has_an_account(w: World) -> None:
    r = _invite(w, email=w.acme_user.email.upper())
    assert r.status_code == 400
    assert "email" in r.context["form"].errors
    assert mail.outbox == []


def test_it_invites_provider_staff_with_a_role(w: World) -> None:
    r = _invite(w, email="sam@provider.example", role="technician", organization="")
    assert r.status_code == 302
    assert User.objects.get(email="sam@provider.example").role == Role.TECHNICIAN


def test_it_changes_a_role_and_assigns_a_technician(w: World) -> None:
    url = reverse("settings:person", args=[w.tech.pk])
    data = {"name": "Tess", "role": "technician", "assigned": [w.globex.pk], "is_active": "on"}
    assert ScanningClient(w.admin).post(url, data).status_code == 302
    assert list(Membership.objects.filter(user=w.tech).values_list("organization", flat=True)) == [
        w.globex.pk
    ]
    assert list(Organization.objects.visible_to(w.tech)) == [w.globex]
    data = {"name": "Tess", "role": "manager", "is_active": "on"}
    assert ScanningClient(w.admin).post(url, data).status_code == 302
    w.tech.refresh_from_db()
    assert w.tech.role == Role.MANAGER and not Membership.objects.filter(user=w.tech).exists()


def test_it_refuses_a_client_role_without_an_organization(w: World) -> None:
    url = reverse("settings:person", args=[w.tech.pk])
    r = ScanningClient(w.admin).post(url, {"role": "client_user", "is_active": "on"})
    assert r.status_code == 400
    assert "organization" in r.context["form"].errors
    w.tech.refresh_from_db()
    assert w.tech.role == Role.TECHNICIAN


def test_it_deactivates_someone_keeping_their_tickets(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    api = api_client(w.acme_user)
    session = Client()
    session.force_login(w.acme_user)
    url = reverse("settings:person", args=[w.acme_user.pk])
    data = {"name": "Andy", "role": "client_user", "organization": w.acme.pk}
    assert ScanningClient(w.admin).post(url, data).status_code == 302
    w.acme_user.refresh_from_db()
    assert not w.acme_user.is_active
    assert Ticket.objects.get(pk=ticket.pk).requester == w.acme_user
    assert not Client().login(email=w.acme_user.email, password="correct-horse-battery")
    assert api.get("/api/v1/me").status_code == 401
    assert session.get(reverse("portal:home")).status_code == 302  # signed out


def test_it_keeps_at_least_one_admin(w: World) -> None:
    url = reverse("settings:person", args=[w.admin.pk])
    me = ScanningClient(w.admin)
    r = me.post(url, {"name": "Ada", "role": "manager", "is_active": "on"})
    assert r.status_code == 400 and "role" in r.context["form"].errors
    r = me.post(url, {"name": "Ada", "role": "admin"})
    assert r.status_code == 400 and "is_active" in r.context["form"].errors
    w.admin.refresh_from_db()
    assert w.admin.role == Role.ADMIN and w.admin.is_active
    # With a second admin, stepping down is fine.
    make_user(Role.ADMIN)
    assert me.post(url, {"name": "Ada", "role": "manager", "is_active": "on"}).status_code == 302


def test_it_sends_a_new_link_that_works(w: World) -> None:
    url = reverse("settings:person_invite", args=[w.acme_user.pk])
    assert ScanningClient(w.admin).post(url).status_code == 302
    _set_password(_link().replace(settings.SITE_URL, ""))
    assert Client().login(email=w.acme_user.email, password=PASSWORD)


def test_it_lists_staff_users_and_contacts_who_only_write_email(w: World) -> None:
    make_ticket(w.acme, requester_email="walkin@acme.example")
    make_ticket(w.acme, requester=w.acme_user)
    page = ScanningClient(w.manager).get(reverse("settings:people")).content.decode()
    for person in (w.admin, w.tech, w.acme_admin, w.globex_user):
        assert person.email in page
    contacts = ScanningClient(w.manager).get(reverse("settings:contacts")).content.decode()
    assert "walkin@acme.example" in contacts and w.acme_user.email not in contacts
    acme_only = ScanningClient(w.manager).get(
        reverse("settings:people") + f"?organization={w.acme.pk}"
    )
    assert w.acme_user.email in acme_only.content.decode()
    assert w.globex_user.email not in acme_only.content.decode()
