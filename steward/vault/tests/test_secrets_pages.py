"""The credential pages on the desk and in the portal: tenancy and roles, the list's at-risk
badges, the forms, the reveal (reason, secret, refusal when the log cannot be written), who
may reveal (the portal edits, the desk reads) and the audit log's verdict."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Membership, Role, User
from steward.test import World, covers, make_user, world
from steward.vault import access, audit
from steward.vault import actions_secrets as actions
from steward.vault.models import AuditEntry, Credential, Vendor

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
DESK = (
    "vault:credentials",
    "vault:credential_new",
    "vault:access",
    "vault:audit",
    "vault:credential_edit",
    "vault:credential_delete",
    "vault:credential_reveal",
)
PORTAL = (
    "vault_portal:credentials",
    "vault_portal:at_risk",
    "vault_portal:credential_new",
    "vault_portal:access",
    "vault_portal:audit",
    "vault_portal:credential_edit",
    "vault_portal:credential_delete",
    "vault_portal:credential_reveal",
)
WRITES = (
    "vault:credential_new",
    "vault:credential_edit",
    "vault:credential_delete",
    "vault:credential_reveal",
    "vault:access",
    "vault_portal:credential_new",
    "vault_portal:credential_edit",
    "vault_portal:credential_delete",
    "vault_portal:credential_reveal",
    "vault_portal:access",
)


@pytest.fixture
def w() -> World:
    return world()


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _cred(w: World, **kw: Any) -> Credential:
    values: dict[str, Any] = {"name": "Router admin", "username": "root", "secret": "r0uter-pw"}
    values.update(kw)
    return actions.create_credential(w.acme, w.tech, **values)


def _desk(name: str, w: World, pk: int | None = None) -> str:
    kwargs: dict[str, int] = {"org": w.acme.pk}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(f"vault:{name}", kwargs=kwargs)


def _portal(name: str, pk: int | None = None) -> str:
    return reverse(f"vault_portal:{name}", kwargs={"pk": pk} if pk else {})


def _all_urls(w: World, pk: int) -> list[str]:
    desk = [_desk(n, w) for n in ("credentials", "credential_new", "access", "audit")]
    desk += [_desk(n, w, pk) for n in ("credential_edit", "credential_delete", "credential_reveal")]
    portal = [_portal(n) for n in ("credentials", "at_risk", "credential_new", "access", "audit")]
    portal += [
        _portal(n, pk) for n in ("credential_edit", "credential_delete", "credential_reveal")
    ]
    return desk + portal


@covers(*DESK, *PORTAL, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    credential = _cred(w)
    for url in _all_urls(w, credential.pk):
        response = Client().get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


@covers(*DESK, *PORTAL, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    credential = _cred(w)
    other = make_user(Role.TECHNICIAN)
    Membership.objects.create(user=other, organization=w.globex)
    client = _client(other)
    for url in _all_urls(w, credential.pk)[:7]:
        assert client.get(url).status_code == 404, url
    # A Globex admin in the portal sees Globex's vault, never Acme's credential.
    globex_admin = _client(make_user(Role.CLIENT_ADMIN, w.globex))
    for name in ("credential_edit", "credential_delete", "credential_reveal"):
        assert globex_admin.get(_portal(name, credential.pk)).status_code == 404
    assert "Router admin" not in globex_admin.get(_portal("credentials")).content.decode()
    # An Acme credential named under Globex's desk URL is not found either.
    admin = _client(w.admin)
    url = reverse("vault:credential_edit", kwargs={"org": w.globex.pk, "pk": credential.pk})
    assert admin.get(url).status_code == 404


@covers(*WRITES, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    credential = _cred(w)
    client = _client(w.acme_user)
    # Client users have no vault pages; staff are sent from the portal to the desk.
    for url in _all_urls(w, credential.pk)[7:]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "x", "reason": "x", "mode": "none"}).status_code == 404
    for url in _all_urls(w, credential.pk)[:7]:
        assert client.get(url).status_code == 404, url
    staff = _client(w.tech)
    assert staff.get(_portal("credentials")).status_code == 302
    # The desk's access page is read-only, for every role.
    response = _client(w.admin).post(_desk("access", w), {"mode": "none"})
    assert response.status_code == 404 and access.mode_of(w.acme) == "assigned"
    assert Credential.objects.get().name == "Router admin"


def test_the_list_shows_links_reveals_and_at_risk(w: World) -> None:
    vendor = Vendor.objects.create(organization=w.acme, name="Gandi", kind="registrar")
    kept = _cred(w, name="Domain registrar", vendor=vendor.pk)
    risky = _cred(w)
    actions.reveal(risky, w.tech, "ticket 9")
    page = _client(w.tech).get(_desk("credentials", w)).content.decode()
    assert "Domain registrar" in page and "Gandi" in page
    assert "Tess Technician" in page and "at risk" in page
    assert "r0uter-pw" not in page
    portal = _client(w.acme_admin).get(_portal("at_risk")).content.decode()
    assert "Router admin" in portal and "Domain registrar" not in portal
    assert kept.pk != risky.pk


def test_a_credential_is_made_and_rotated_from_the_forms(w: World) -> None:
    client = _client(w.acme_admin)
    body = {"name": "Wi-Fi", "username": "office", "secret": "wifi-pass-1", "notes": "Guest too"}
    response = client.post(_portal("credential_new"), body)
    assert response.status_code == 302
    credential = Credential.objects.get()
    assert credential.secret_sealed and "wifi" not in credential.secret_sealed
    actions.reveal(credential, w.tech, "setting up a laptop")
    edit = client.get(_portal("credential_edit", credential.pk)).content.decode()
    assert "Guest too" in edit and "wifi-pass-1" not in edit
    # Keeping the secret (empty field) is no rotation; a new one is.
    client.post(
        _portal("credential_edit", credential.pk), {"name": "Wi-Fi office", "notes": "Guest too"}
    )
    credential.refresh_from_db()
    assert credential.at_risk and credential.name == "Wi-Fi office"
    client.post(
        _portal("credential_edit", credential.pk), {"name": "Wi-Fi office", "secret": "wifi-2"}
    )
    credential.refresh_from_db()
    assert not credential.at_risk
    assert actions.reveal(credential, w.acme_admin, "check").secret == "wifi-2"
    assert [e.action for e in AuditEntry.objects.order_by("seq")][-3:] == [
        "change",
        "rotate",
        "reveal",
    ]


def test_a_bad_value_is_shown_on_its_field(w: World) -> None:
    client = _client(w.tech)
    response = client.post(_desk("credential_new", w), {"name": "OTP", "totp_secret": "0189!"})
    assert response.status_code == 200
    assert "not a base32 seed" in response.content.decode()
    assert not Credential.objects.exists()


def test_delete_asks_first(w: World) -> None:
    credential = _cred(w)
    client = _client(w.tech)
    assert "Delete" in client.get(_desk("credential_delete", w, credential.pk)).content.decode()
    assert client.post(_desk("credential_delete", w, credential.pk)).status_code == 302
    assert not Credential.objects.exists()


def test_reveal_asks_a_reason_then_shows_the_secret(w: World) -> None:
    credential = _cred(w, totp="JBSWY3DPEHPK3PXP")
    client = _client(w.tech)
    url = _desk("credential_reveal", w, credential.pk)
    form = client.get(url, headers=HX).content.decode()
    assert 'name="reason"' in form and "r0uter-pw" not in form and "<html" not in form
    refused = client.post(url, {"reason": "  "}, headers=HX).content.decode()
    assert "r0uter-pw" not in refused and not AuditEntry.objects.filter(action="reveal").exists()
    shown = client.post(url, {"reason": "ticket ACME-3"}, headers=HX)
    body = shown.content.decode()
    assert "r0uter-pw" in body and 'data-hide-after="30"' in body and "data-totp" in body
    assert shown["Cache-Control"] == "no-store"
    assert AuditEntry.objects.get(action="reveal").reason == "ticket ACME-3"
    # Without htmx: the whole page.
    assert "<html" in client.post(url, {"reason": "again"}).content.decode()


def test_reveal_is_refused_without_a_grant_or_a_log(w: World) -> None:
    credential = _cred(w)
    access.set_access(w.acme, w.acme_admin, "none", [])
    url = _desk("credential_reveal", w, credential.pk)
    response = _client(w.admin).post(url, {"reason": "admin"})
    assert response.status_code == 403 and "r0uter-pw" not in response.content.decode()
    client = _client(w.acme_admin)
    with mock.patch.object(audit, "append", side_effect=RuntimeError("database is locked")):
        response = client.post(_portal("credential_reveal", credential.pk), {"reason": "mine"})
    body = response.content.decode()
    assert response.status_code == 503
    assert "r0uter-pw" not in body and "Traceback" not in body and "database is locked" not in body
    assert "audit log cannot be written" in body


def test_the_client_admin_changes_who_may_reveal(w: World) -> None:
    client = _client(w.acme_admin)
    page = client.get(_portal("access")).content.decode()
    assert "Tess Technician" in page and "Ada Admin" in page
    response = client.post(_portal("access"), {"mode": "named", "people": [w.tech.pk]})
    assert response.status_code == 302
    assert access.mode_of(w.acme) == "named" and access.people_of(w.acme) == [w.tech]
    bad = client.post(_portal("access"), {"mode": "named", "people": [w.acme_user.pk]})
    assert bad.status_code == 200 and access.people_of(w.acme) == [w.tech]
    desk = _client(w.tech).get(_desk("access", w)).content.decode()
    assert 'data-mode="named"' in desk and "may reveal" in desk and 'name="mode"' not in desk


def test_the_audit_log_shows_its_verdict_newest_first(w: World) -> None:
    credential = _cred(w)
    actions.reveal(credential, w.tech, "first look")
    actions.reveal(credential, w.tech, "second look")
    audit.checkpoint(w.acme)
    page = _client(w.acme_admin).get(_portal("audit")).content.decode()
    assert 'data-verdict="ok"' in page and "3 entries" in page and "1 signed checkpoint" in page
    assert page.index("second look") < page.index("first look")
    AuditEntry.objects.filter(organization=w.acme, seq=2).update(reason="nothing happened")
    page = _client(w.tech).get(_desk("audit", w)).content.decode()
    assert 'data-verdict="bad"' in page and "number 2" in page
