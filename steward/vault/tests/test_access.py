"""Who may reveal: `assigned` (default), `named`, `none`; the client's admins always, client
users never; provider admins only with a grant. Only client admins change it, audited."""

from __future__ import annotations

from typing import Any

import pytest

from steward.accounts.models import Membership, Role, User
from steward.test import World, api_client, make_user, post_json, world
from steward.vault import access
from steward.vault import actions_secrets as actions
from steward.vault.models import AuditEntry, Credential

pytestmark = pytest.mark.django_db
V = "/api/v1"


def _put(user: User, org_id: int, body: dict[str, Any]) -> Any:
    import json

    client = api_client(user)
    return client.put(
        f"{V}/organizations/{org_id}/vault-access",
        json.dumps(body),
        content_type="application/json",
    )


def _status(user: User, credential: Credential) -> int:
    url = f"{V}/credentials/{credential.pk}/reveal"
    return int(post_json(api_client(user), url, {"reason": "check"}).status_code)


def _setup() -> tuple[World, Credential, User]:
    w = world()
    credential = actions.create_credential(w.acme, w.acme_admin, name="NAS", secret="nas-pw")
    other = make_user(Role.TECHNICIAN, name="Olga Other")
    Membership.objects.create(user=other, organization=w.globex)
    return w, credential, other


def test_assigned_lets_the_staff_who_see_the_organization_reveal() -> None:
    w, credential, other = _setup()
    assert access.mode_of(w.acme) == "assigned"
    for user in (w.tech, w.admin, w.manager, w.acme_admin):
        assert _status(user, credential) == 200, user
    assert _status(other, credential) == 404  # not assigned: no such credential
    assert _status(w.acme_user, credential) == 404
    assert not access.may_reveal(w.acme_user, w.acme)
    assert not access.may_reveal(other, w.acme)


def test_named_lets_only_the_people_named() -> None:
    w, credential, _other = _setup()
    response = _put(w.acme_admin, w.acme.pk, {"mode": "named", "people": [w.tech.pk]})
    assert response.json() == {"mode": "named", "people": [w.tech.pk]}
    assert _status(w.tech, credential) == 200
    assert _status(w.admin, credential) == 403  # admins administer people, not secrets
    assert _status(w.manager, credential) == 403
    assert _status(w.acme_admin, credential) == 200  # the client owns its secrets
    # Named, but no longer assigned: no longer sees the organization, so no reveal.
    Membership.objects.filter(user=w.tech).delete()
    assert not access.may_reveal(w.tech, w.acme)


def test_none_locks_the_provider_out() -> None:
    w, credential, _other = _setup()
    _put(w.acme_admin, w.acme.pk, {"mode": "none", "people": [w.tech.pk, w.admin.pk]})
    for user in (w.tech, w.admin, w.manager):
        response = post_json(
            api_client(user), f"{V}/credentials/{credential.pk}/reveal", {"reason": "please"}
        )
        assert response.status_code == 403
        assert "nas-pw" not in response.content.decode()
    assert _status(w.acme_admin, credential) == 200
    assert not AuditEntry.objects.filter(action="reveal").exclude(actor=w.acme_admin).exists()
    # The lock-out is undone by the client alone, and the named list is kept for `named`.
    _put(w.acme_admin, w.acme.pk, {"mode": "named", "people": [w.admin.pk]})
    assert _status(w.admin, credential) == 200 and _status(w.tech, credential) == 403


def test_each_change_is_audited_with_the_mode_and_the_people() -> None:
    w, _credential, _other = _setup()
    _put(w.acme_admin, w.acme.pk, {"mode": "named", "people": [w.tech.pk, w.admin.pk]})
    _put(w.acme_admin, w.acme.pk, {"mode": "none", "people": []})
    entries = list(AuditEntry.objects.filter(organization=w.acme, action="access").order_by("seq"))
    assert [e.object for e in entries] == ["vault-access:named", "vault-access:none"]
    assert w.tech.email in entries[0].reason and w.admin.email in entries[0].reason
    assert entries[1].reason == "" and entries[0].actor == w.acme_admin


def test_only_client_admins_change_it() -> None:
    w, _credential, _other = _setup()
    for user in (w.admin, w.manager, w.tech, w.acme_user):
        response = _put(user, w.acme.pk, {"mode": "none", "people": []})
        assert response.status_code == 403, user
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert _put(globex_admin, w.acme.pk, {"mode": "none", "people": []}).status_code == 404
    assert access.mode_of(w.acme) == "assigned"
    assert not AuditEntry.objects.filter(action="access").exists()


def test_client_admins_and_provider_admins_read_it() -> None:
    w, _credential, _other = _setup()
    url = f"{V}/organizations/{w.acme.pk}/vault-access"
    for user in (w.acme_admin, w.admin):
        assert api_client(user).get(url).json() == {"mode": "assigned", "people": []}
    for user in (w.tech, w.manager, w.acme_user):
        assert api_client(user).get(url).status_code == 403


@pytest.mark.parametrize("who", ["client", "unassigned", "missing", "inactive"])
def test_people_must_be_staff_who_see_the_organization(who: str) -> None:
    w, _credential, other = _setup()
    person = {
        "client": w.acme_user.pk,
        "unassigned": other.pk,
        "missing": 999999,
        "inactive": make_user(Role.ADMIN, is_active=False).pk,
    }[who]
    response = _put(w.acme_admin, w.acme.pk, {"mode": "named", "people": [w.tech.pk, person]})
    assert (response.status_code, response.json()["field"]) == (422, "people")
    assert access.mode_of(w.acme) == "assigned"


def test_a_bad_mode_is_named() -> None:
    w, _credential, _other = _setup()
    response = _put(w.acme_admin, w.acme.pk, {"mode": "everyone", "people": []})
    assert (response.status_code, response.json()["field"]) == (422, "mode")
