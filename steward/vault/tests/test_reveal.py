"""Reveal: a reason, a grant, and the audit entry written before the secret is opened; no
secret at all when the entry cannot be written. The TOTP code is the authenticator's."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any
from unittest import mock

import pytest
import time_machine
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP
from django.db import connection

from steward.test import World, api_client, post_json, world
from steward.vault import actions_secrets as actions
from steward.vault import audit, crypto
from steward.vault.models import AuditEntry, Credential

pytestmark = pytest.mark.django_db
V = "/api/v1"
SEED = "JBSWY3DPEHPK3PXP"


def _new(w: World, **kw: Any) -> Credential:
    values: dict[str, Any] = {"name": "Wi-Fi", "username": "office", "secret": "hunter2-wifi"}
    values.update(kw)
    return actions.create_credential(w.acme, w.acme_admin, **values)


def _reveal(w: World, credential: Credential, reason: str = "ticket ACME-12") -> Any:
    url = f"{V}/credentials/{credential.pk}/reveal"
    return post_json(api_client(w.tech), url, {"reason": reason})


def test_it_reveals_with_a_reason_and_records_who_and_when() -> None:
    w = world()
    credential = _new(w)
    response = _reveal(w, credential)
    assert response.status_code == 200
    assert response.json() == {"secret": "hunter2-wifi", "username": "office", "totp": None}
    credential.refresh_from_db()
    assert credential.last_revealed_by == w.tech and credential.at_risk
    entry = AuditEntry.objects.filter(organization=w.acme).order_by("-seq").first()
    assert entry is not None
    assert (entry.action, entry.reason, entry.actor) == ("reveal", "ticket ACME-12", w.tech)
    assert entry.at == credential.last_revealed_at


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_it_refuses_without_a_reason(reason: str) -> None:
    w = world()
    credential = _new(w)
    response = _reveal(w, credential, reason)
    assert (response.status_code, response.json()["field"]) == (422, "reason")
    assert "hunter2" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="reveal").exists()
    assert (
        post_json(api_client(w.tech), f"{V}/credentials/{credential.pk}/reveal", {}).json()["field"]
        == "reason"
    )


def test_the_entry_is_written_before_the_secret_is_opened() -> None:
    w = world()
    credential = _new(w)
    seen: list[list[str]] = []
    real = crypto.open_credential

    def spy(row: Credential, key: bytes | None = None) -> dict[str, str]:
        seen.append(
            list(AuditEntry.objects.filter(action="reveal").values_list("reason", flat=True))
        )
        return real(row, key)

    with mock.patch.object(crypto, "open_credential", spy):
        assert _reveal(w, credential, "printer jam").status_code == 200
    assert seen == [["printer jam"]]


def test_no_secret_when_the_audit_log_cannot_be_written() -> None:
    w = world()
    credential = _new(w)
    with mock.patch.object(audit, "append", side_effect=RuntimeError("disk full")):
        response = _reveal(w, credential)
    assert response.status_code == 503
    assert "hunter2" not in response.content.decode()
    assert "audit log" in response.json()["detail"]
    credential.refresh_from_db()
    assert credential.last_revealed_at is None


def test_no_secret_when_the_database_refuses_the_entry() -> None:
    # The database itself refuses the row, as a full disk or a revoked grant would.
    w = world()
    credential = _new(w)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TEMP TRIGGER no_audit BEFORE INSERT ON vault_auditentry "
                "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION no_audit() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER no_audit BEFORE INSERT ON vault_auditentry "
                "FOR EACH ROW EXECUTE FUNCTION no_audit()"
            )
    response = _reveal(w, credential)
    assert response.status_code == 503
    assert "hunter2" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="reveal").exists()
    credential.refresh_from_db()
    assert credential.last_revealed_at is None


def test_the_totp_code_is_the_authenticators() -> None:
    w = world()
    credential = _new(w, totp=SEED.lower()[:8] + " " + SEED.lower()[8:])
    now = datetime(2026, 12, 3, 9, 0, 17, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        code = _reveal(w, credential).json()["totp"]
    expected = TOTP(base64.b32decode(SEED), 6, SHA1(), 30, enforce_key_length=False)
    assert code == expected.generate(now.timestamp()).decode()
    assert len(code) == 6 and code.isdigit()
    later = datetime(2026, 12, 3, 9, 0, 47, tzinfo=UTC)
    with time_machine.travel(later, tick=False):
        assert (
            _reveal(w, credential).json()["totp"] == expected.generate(later.timestamp()).decode()
        )


def test_a_credential_moved_to_another_row_does_not_open() -> None:
    w = world()
    first = _new(w, secret="first-secret")
    second = _new(w, name="Other", secret="second-secret")
    Credential.objects.filter(pk=second.pk).update(secret_sealed=first.secret_sealed)
    second.refresh_from_db()
    with pytest.raises(crypto.Undecryptable):
        actions.reveal(second, w.acme_admin, "moved")
