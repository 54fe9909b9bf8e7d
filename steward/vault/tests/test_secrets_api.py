"""The credentials API: CRUD, write-only secrets, bad input named, tenancy, rotation, and no
plaintext at rest (the SQLite file, a PostgreSQL dump) or in the log."""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from steward.accounts.models import Membership, Role
from steward.test import World, api_client, covers, make_user, patch_json, post_json, world
from steward.vault import actions_secrets as actions
from steward.vault.models import Asset, AuditEntry, Credential, Vendor

pytestmark = pytest.mark.django_db
V = "/api/v1"
READS = (
    "GET /api/v1/credentials",
    "GET /api/v1/credentials/{credential_id}",
    "GET /api/v1/organizations/{org_id}/vault-access",
    "GET /api/v1/organizations/{org_id}/audit",
    "GET /api/v1/organizations/{org_id}/audit/verify",
)
WRITES = (
    "POST /api/v1/credentials",
    "PATCH /api/v1/credentials/{credential_id}",
    "DELETE /api/v1/credentials/{credential_id}",
    "POST /api/v1/credentials/{credential_id}/reveal",
    "PUT /api/v1/organizations/{org_id}/vault-access",
)


def _new(w: World, **kw: Any) -> Credential:
    values: dict[str, Any] = {"name": "Router admin", "username": "admin", "secret": "s3cret!"}
    values.update(kw)
    return actions.create_credential(w.acme, w.tech, **values)


def test_it_creates_a_credential_and_never_answers_its_secret() -> None:
    w = world()
    plain = f"pw-{uuid.uuid4().hex}"
    seed = "JBSWY3DPEHPK3PXP"
    client = api_client(w.tech)
    response = post_json(
        client,
        f"{V}/credentials",
        {
            "organization": w.acme.pk,
            "name": "Microsoft 365 global admin",
            "username": "admin@acme.example",
            "secret": plain,
            "url": "https://admin.microsoft.com",
            "notes": "Break-glass account",
            "totp_secret": seed,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Microsoft 365 global admin"
    assert body["notes"] == "Break-glass account"
    assert body["at_risk"] is False and body["last_revealed_at"] is None
    assert "secret" not in body and "totp_secret" not in body
    pk = body["id"]
    for url in (
        f"{V}/credentials",
        f"{V}/credentials/{pk}",
        f"{V}/credentials?organization={w.acme.pk}",
    ):
        text = client.get(url).content.decode()
        assert plain not in text and seed not in text, url
    assert client.get(f"{V}/credentials").json()["items"][0]["notes"] is None
    entry = AuditEntry.objects.get(organization=w.acme)
    assert (entry.action, entry.object) == ("create", f"credential:{pk} Microsoft 365 global admin")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "A", "totp_secret": "not base32 at all!"}, "totp_secret"),
        ({"name": "A", "asset": 999999}, "asset"),
        ({"name": "A", "vendor": 999999}, "vendor"),
        ({"name": "A", "organization": True}, "organization"),
        ({"name": "A", "secret": 7}, "secret"),
    ],
)
def test_it_names_the_field_of_bad_input(body: dict[str, object], field: str) -> None:
    w = world()
    payload = {"organization": w.acme.pk, **body}
    response = post_json(api_client(w.tech), f"{V}/credentials", payload)
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert not Credential.objects.exists() and not AuditEntry.objects.exists()


def test_it_refuses_another_organizations_asset_or_vendor() -> None:
    w = world()
    asset = Asset.objects.create(organization=w.globex, name="NAS", kind="server")
    vendor = Vendor.objects.create(organization=w.globex, name="Registrar", kind="registrar")
    client = api_client(w.admin)
    for key, row in (("asset", asset), ("vendor", vendor)):
        body = {"organization": w.acme.pk, "name": "A", key: row.pk}
        response = post_json(client, f"{V}/credentials", body)
        assert (response.status_code, response.json()["field"]) == (422, key)
    own = Asset.objects.create(organization=w.acme, name="NAS", kind="server")
    body = {"organization": w.acme.pk, "name": "NAS admin", "asset": own.pk}
    assert post_json(client, f"{V}/credentials", body).json()["asset"] == own.pk


def test_patch_with_a_new_secret_is_a_rotation_that_clears_at_risk() -> None:
    w = world()
    credential = _new(w)
    client = api_client(w.tech)
    url = f"{V}/credentials/{credential.pk}"
    post_json(client, f"{url}/reveal", {"reason": "ticket 12"})
    assert client.get(url).json()["at_risk"] is True
    assert list(actions.at_risk(w.acme)) == [credential]
    renamed = patch_json(client, url, {"name": "Edge router"}).json()
    assert renamed["at_risk"] is True  # a rename is no rotation
    rotated = patch_json(client, url, {"secret": "n3w-s3cret"}).json()
    assert rotated["at_risk"] is False and rotated["changed_at"] > renamed["changed_at"]
    assert list(actions.at_risk(w.acme)) == []
    assert post_json(client, f"{url}/reveal", {"reason": "check"}).json()["secret"] == "n3w-s3cret"
    actions_logged = list(
        AuditEntry.objects.filter(organization=w.acme)
        .order_by("seq")
        .values_list("action", "reason")
    )
    assert actions_logged[:4] == [
        ("create", ""),
        ("reveal", "ticket 12"),
        ("change", "name"),
        ("rotate", "secret"),
    ]


def test_patch_null_and_bad_values_are_named() -> None:
    w = world()
    credential = _new(w)
    client = api_client(w.tech)
    url = f"{V}/credentials/{credential.pk}"
    for body, field in (({"name": None}, "name"), ({"totp_secret": "1!"}, "totp_secret")):
        response = patch_json(client, url, body)
        assert (response.status_code, response.json()["field"]) == (422, field)
    assert AuditEntry.objects.filter(organization=w.acme).count() == 1


def test_it_deletes_a_credential_with_an_audit_entry() -> None:
    w = world()
    credential = _new(w)
    client = api_client(w.acme_admin)
    assert client.delete(f"{V}/credentials/{credential.pk}").status_code == 204
    assert not Credential.objects.exists()
    entry = AuditEntry.objects.filter(organization=w.acme).order_by("-seq").first()
    assert entry is not None and entry.action == "delete" and entry.actor == w.acme_admin


@covers(*READS, *WRITES, kinds=("login",))
def test_every_route_needs_a_signed_in_caller() -> None:
    w = world()
    credential = _new(w)
    for route in (*READS, *WRITES):
        method, path = route.split(" ", 1)
        path = path.replace("{credential_id}", str(credential.pk))
        path = path.replace("{org_id}", str(w.acme.pk))
        response = Client().generic(method, path, "{}", "application/json")
        assert response.status_code == 401, route
    assert Credential.objects.count() == 1 and AuditEntry.objects.count() == 1


@covers(*READS, *WRITES, kinds=("tenancy",))
def test_it_hides_other_organizations() -> None:
    w = world()
    credential = _new(w)
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    other_tech = make_user(Role.TECHNICIAN)
    Membership.objects.create(user=other_tech, organization=w.globex)
    for user in (globex_admin, other_tech):
        client = api_client(user)
        url = f"{V}/credentials/{credential.pk}"
        assert client.get(url).status_code == 404
        assert patch_json(client, url, {"name": "x"}).status_code == 404
        assert client.delete(url).status_code == 404
        assert post_json(client, f"{url}/reveal", {"reason": "r"}).status_code == 404
        assert client.get(f"{V}/credentials").json()["count"] == 0
        for path in ("audit", "audit/verify", "vault-access"):
            assert client.get(f"{V}/organizations/{w.acme.pk}/{path}").status_code == 404
        body = {"organization": w.acme.pk, "name": "Sneaky"}
        response = post_json(client, f"{V}/credentials", body)
        assert (response.status_code, response.json()["field"]) == (422, "organization")
    assert Credential.objects.count() == 1


@covers(*WRITES, kinds=("role",))
def test_client_users_read_no_credentials_and_write_none() -> None:
    w = world()
    credential = _new(w)
    client = api_client(w.acme_user)
    assert client.get(f"{V}/credentials").json()["count"] == 0
    url = f"{V}/credentials/{credential.pk}"
    assert client.get(url).status_code == 404
    assert post_json(client, f"{url}/reveal", {"reason": "r"}).status_code == 404
    assert patch_json(client, url, {"secret": "mine"}).status_code == 403
    assert client.delete(url).status_code == 403
    body = {"organization": w.acme.pk, "name": "Mine"}
    assert post_json(client, f"{V}/credentials", body).status_code == 403
    assert client.get(f"{V}/organizations/{w.acme.pk}/audit").status_code == 403


def test_the_audit_log_and_its_verdict() -> None:
    w = world()
    credential = _new(w)
    post_json(api_client(w.tech), f"{V}/credentials/{credential.pk}/reveal", {"reason": "T-7"})
    client = api_client(w.acme_admin)
    page = client.get(f"{V}/organizations/{w.acme.pk}/audit?limit=1&offset=1").json()
    assert (page["count"], page["limit"], page["offset"]) == (2, 1, 1)
    entry = page["items"][0]
    assert set(entry) == {"seq", "at", "actor", "action", "object", "reason", "prev_hash", "hash"}
    assert (entry["seq"], entry["action"], entry["reason"]) == (2, "reveal", "T-7")
    assert entry["actor"] == "Tess Technician <" + w.tech.email + ">"
    verdict = client.get(f"{V}/organizations/{w.acme.pk}/audit/verify").json()
    assert verdict == {"ok": True, "entries": 2, "first_bad": None, "checkpoints": 0}
    AuditEntry.objects.filter(organization=w.acme, seq=1).update(reason="edited")
    verdict = client.get(f"{V}/organizations/{w.acme.pk}/audit/verify").json()
    assert (verdict["ok"], verdict["first_bad"]) == (False, 1)


def test_no_plaintext_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    w = world()
    plain, seed = f"pw-{uuid.uuid4().hex}", "GEZDGNBVGY3TQOJQ"
    caplog.set_level(logging.DEBUG)
    client = api_client(w.tech)
    body = {"organization": w.acme.pk, "name": "NAS", "secret": plain, "totp_secret": seed}
    pk = post_json(client, f"{V}/credentials", body).json()["id"]
    patch_json(client, f"{V}/credentials/{pk}", {"secret": plain + "2", "name": ""})
    post_json(client, f"{V}/credentials/{pk}/reveal", {"reason": "log test"})
    post_json(client, f"{V}/credentials/{pk}/reveal", {"reason": ""})
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert plain not in text and seed not in text


def _database_bytes() -> bytes:
    """Every byte the database holds, as a backup would: a VACUUM INTO copy of SQLite (the
    test database may be in memory), or `pg_dump` of PostgreSQL (the rows are committed)."""
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "copy.sqlite3"
            with connection.cursor() as cursor:
                cursor.execute("VACUUM INTO %s", [str(target)])
            return target.read_bytes()
    db = connection.settings_dict
    command = ["pg_dump", "--data-only", "-h", db["HOST"] or "127.0.0.1", "-U", db["USER"]]
    if db["PORT"]:
        command += ["-p", str(db["PORT"])]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    return subprocess.run([*command, db["NAME"]], env=env, capture_output=True, check=True).stdout


# Committed, so that the copy or the dump, made outside the test's transaction, holds them.
@pytest.mark.django_db(transaction=True)
def test_no_plaintext_at_rest() -> None:
    w = world()
    plain = f"pw-{uuid.uuid4().hex}"
    notes = f"notes-{uuid.uuid4().hex}"
    seed = "MFRGGZDFMZTWQ2LK"
    client = api_client(w.tech)
    body = {
        "organization": w.acme.pk,
        "name": "Domain registrar",
        "secret": plain,
        "notes": notes,
        "totp_secret": seed,
    }
    pk = post_json(client, f"{V}/credentials", body).json()["id"]
    reveal = post_json(client, f"{V}/credentials/{pk}/reveal", {"reason": "r"})
    assert reveal.json()["secret"] == plain
    dump = _database_bytes()
    assert b"Domain registrar" in dump  # the copy does hold the table
    for value in (plain, notes, seed):
        assert value.encode() not in dump, value
        assert value.encode("utf-16-le") not in dump, value
