"""`steward vault verify` and `steward vault rotate-key` as an operator runs them."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from steward.accounts.models import Organization
from steward.test import make_org
from steward.vault import audit, crypto
from steward.vault.models import AuditEntry, Credential, DataKey

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("vault", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(*args: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("vault", *args, stdout=out, stderr=err)
    return out.getvalue(), str(raised.value), raised.value.returncode


def chain(code: str, n: int, signed: bool = True) -> Organization:
    org = make_org(code)
    for i in range(n):
        audit.append(org, "reveal", None, f"credential:{i} Router", f"ticket #{i}")
        if signed and i in (2, 5):
            audit.checkpoint(org)
    return org


def credential(org: Organization, secret: str) -> Credential:
    row = Credential.objects.create(organization=org, name="Router")
    crypto.seal_credential(row, secret=secret)
    row.save()
    return row


def test_verify_says_ok_with_the_entries_and_checkpoints() -> None:
    chain("ACME", 8)
    out, _err = run("verify", "acme")
    assert out == "ok: 8 entries, 2 checkpoints\n"


def test_verify_names_the_first_bad_entry_and_why_and_exits_1() -> None:
    org = chain("ACME", 8)
    AuditEntry.objects.filter(organization=org, seq=4).update(reason="nothing to see")
    out, error, code = failing("verify", "ACME")
    assert out.startswith("BAD at entry 4: entry 4 was changed")
    assert code == 1 and "do not verify" in error


def test_verify_all_checks_every_organization() -> None:
    chain("ACME", 3)
    make_org("BARE")  # no entries yet: nothing to doubt
    out, _err = run("verify", "--all")
    assert out.splitlines() == [
        "ACME: ok: 3 entries, 1 checkpoints",
        "BARE: ok: 0 entries, 0 checkpoints",
    ]
    bad = chain("GLBX", 7)
    AuditEntry.objects.filter(organization=bad, seq=6).delete()
    out, _error, code = failing("verify", "--all")
    assert code == 1
    assert out.splitlines()[2] == (
        "GLBX: BAD at entry 6: entry 6 is missing or out of order (6 entries read, 0 checkpoints)"
    )


def test_verify_refuses_an_unknown_code_or_no_code() -> None:
    assert "No organization" in failing("verify", "NOPE")[1]
    assert "--all" in failing("verify")[1]


def test_rotate_key_rewraps_prints_what_it_did_and_is_idempotent() -> None:
    with override_settings(MASTER_KEY="old"):
        row = credential(make_org("ACME"), "s3cret")
    with override_settings(MASTER_KEY="new", OLD_MASTER_KEYS=["old"]):
        out, _err = run("rotate-key")
        old = crypto.fingerprint(crypto.master_from("old"))
        assert f"re-wrapped data key v1 of ACME (was under master key {old})" in out
        assert "1 data key(s) re-wrapped, 0 already under the current master key, 0 not" in out
        out, _err = run("rotate-key")
        assert "0 data key(s) re-wrapped, 1 already under the current master key" in out
    with override_settings(MASTER_KEY="new", OLD_MASTER_KEYS=[]):
        assert crypto.open_credential(row)["secret"] == "s3cret"


def test_rotate_key_reports_an_unknown_master_and_exits_1_after_the_rest() -> None:
    with override_settings(MASTER_KEY="lost"):
        credential(make_org("LOST"), "gone")
    with override_settings(MASTER_KEY="old"):
        kept = credential(make_org("ACME"), "kept")
    with override_settings(MASTER_KEY="new", OLD_MASTER_KEYS=["old"]):
        out, error, code = failing("rotate-key")
        assert code == 1 and "OLD_MASTER_KEYS" in error
        assert "1 data key(s) re-wrapped" in out and "1 not re-wrapped" in out
        assert crypto.open_credential(kept)["secret"] == "kept"
    fingerprints = dict(DataKey.objects.values_list("organization__code", "master"))
    assert fingerprints["ACME"] == crypto.fingerprint(crypto.master_from("new"))


def test_rotate_key_reencrypt_in_batches() -> None:
    org = make_org("ACME")
    rows = [credential(org, f"secret {i}") for i in range(5)]
    out, _err = run("rotate-key", "--reencrypt", "ACME", "--batch", "2")
    assert out.splitlines() == [
        "batch 1 committed",
        "batch 2 committed",
        "batch 3 committed",
        "ACME: started re-encryption under data key v2: 5 credential(s) re-encrypted in 3 "
        "batch(es); every credential is now under v2",
    ]
    for i, row in enumerate(rows):
        row.refresh_from_db()
        assert (row.key_version, crypto.open_credential(row)["secret"]) == (2, f"secret {i}")
    assert "at least 1" in failing("rotate-key", "--reencrypt", "ACME", "--batch", "0")[1]
