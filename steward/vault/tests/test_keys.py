"""Key rotation: data keys re-wrapped under a new master key, an organization re-encrypted
under a new data key (resumably), the mailbox secrets and MFA seeds sealed again; every secret
opens afterwards, under the new keys alone."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import override_settings

from steward.accounts.adapters import decrypt_secret, encrypt_secret
from steward.accounts.models import Organization, Role
from steward.lib import crypto as lib_crypto
from steward.mail.models import Mailbox
from steward.test import make_org, make_user
from steward.vault import crypto, keys
from steward.vault.models import AuditEntry, Credential, DataKey

pytestmark = pytest.mark.django_db

OLD = "the master key of last year"
NEW = "the master key of this year"


def fill(org: Organization, n: int) -> dict[int, dict[str, str]]:
    """`n` credentials with plaintexts of their own; returns them by id."""
    made = {}
    for i in range(n):
        row = Credential.objects.create(organization=org, name=f"Login {i}", username=f"u{i}")
        values = {
            "secret": f"{org.code}-secret-{i}",
            "notes": f"{org.code} notes {i}" if i % 3 else "",
            "totp": f"JBSWY3DPEHPK{i:04d}" if i % 2 else "",
        }
        crypto.seal_credential(row, **values)
        row.save()
        made[row.pk] = values
    return made


def versions(org: Organization) -> list[int]:
    return sorted(Credential.objects.filter(organization=org).values_list("key_version", flat=True))


def all_open(expected: dict[int, dict[str, str]]) -> bool:
    rows = Credential.objects.filter(pk__in=expected)
    return len(rows) == len(expected) and all(
        crypto.open_credential(row) == expected[row.pk] for row in rows
    )


def test_it_rewraps_every_data_key_under_the_new_master_and_every_secret_still_opens() -> None:
    with override_settings(MASTER_KEY=OLD):
        acme, globex = make_org("ACME"), make_org("GLBX")
        expected = fill(acme, 40) | fill(globex, 25)
        before = dict(DataKey.objects.values_list("pk", "wrapped"))
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[OLD]):
        done = keys.rewrap_all()
        assert (len(done.moved), done.current, done.failed) == (2, 0, [])
        again = keys.rewrap_all()  # idempotent
        assert (len(again.moved), again.current, again.failed) == (0, 2, [])
    new_fp = crypto.fingerprint(crypto.master_from(NEW))
    assert set(DataKey.objects.values_list("master", flat=True)) == {new_fp}
    assert all(
        before[pk] != wrapped for pk, wrapped in DataKey.objects.values_list("pk", "wrapped")
    )
    # The old master key is gone from the configuration: everything opens under the new one.
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[]):
        assert all_open(expected)
    with (
        override_settings(MASTER_KEY=OLD, OLD_MASTER_KEYS=[]),
        pytest.raises(crypto.KeyUnavailable),
    ):
        all_open(expected)


def test_a_key_under_an_unknown_master_is_reported_and_the_others_are_rewrapped() -> None:
    with override_settings(MASTER_KEY="a key nobody kept"):
        lost = fill(make_org("LOST"), 2)
    with override_settings(MASTER_KEY=OLD):
        kept = fill(make_org("ACME"), 3)
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[OLD]):
        done = keys.rewrap_all()
        assert [row.organization.code for row in done.moved] == ["ACME"]
        assert len(done.failed) == 1 and "not configured" in done.failed[0][1]
        assert all_open(kept)
        with pytest.raises(crypto.KeyUnavailable):
            all_open(lost)


def test_reencryption_interrupted_after_a_batch_resumes_where_it_stopped() -> None:
    acme, globex = make_org("ACME"), make_org("GLBX")
    expected = fill(acme, 23)
    theirs = fill(globex, 5)

    def fail_after_first(n: int) -> None:
        raise RuntimeError("the power went")

    with pytest.raises(RuntimeError):
        keys.reencrypt(acme, batch=10, after_batch=fail_after_first)
    versions = sorted(
        Credential.objects.filter(organization=acme).values_list("key_version", flat=True)
    )
    assert versions == [1] * 13 + [2] * 10  # the first batch committed, the rest waits
    assert all_open(expected)  # half way, every secret opens under its own version

    done = keys.reencrypt(acme, batch=10)
    assert (done.version, done.resumed, done.credentials, done.batches) == (2, True, 13, 2)
    assert set(
        Credential.objects.filter(organization=acme).values_list("key_version", flat=True)
    ) == {2}
    assert all_open(expected)
    # The new data key is really another key: the old version opens none of the new seals.
    row = Credential.objects.filter(organization=acme).first()
    assert row is not None
    old_key = crypto.data_key(acme.pk, 1)[1]
    with pytest.raises(crypto.Undecryptable):
        crypto.unseal(
            row.secret_sealed, old_key, crypto.aad(acme.pk, "credential", row.pk, "secret", 2)
        )
    # One audit entry for the re-encryption, however many runs it took; nobody else touched.
    entries = list(AuditEntry.objects.filter(organization=acme).values_list("action", "object"))
    assert entries == [("rekey", "data key v2")]
    assert not AuditEntry.objects.filter(organization=globex).exists()
    assert set(
        Credential.objects.filter(organization=globex).values_list("key_version", flat=True)
    ) == {1}
    assert all_open(theirs)


def test_reencrypting_again_makes_another_version_a_credential_saved_meanwhile_follows() -> None:
    acme = make_org("ACME")
    expected = fill(acme, 4)
    keys.reencrypt(acme, batch=3)
    row = Credential.objects.filter(organization=acme).first()
    assert row is not None
    # Changed after the re-encryption: sealed under the newest key, its other fields carried.
    crypto.seal_credential(row, secret="rotated")
    row.save()
    expected[row.pk]["secret"] = "rotated"
    done = keys.reencrypt(acme)
    assert (done.version, done.resumed, done.credentials) == (3, False, 4)
    assert all_open(expected)
    assert AuditEntry.objects.filter(organization=acme, action="rekey").count() == 2


def test_it_reseals_mailbox_secrets_and_mfa_seeds_under_the_new_master() -> None:
    user = make_user(Role.TECHNICIAN)
    with override_settings(MASTER_KEY=OLD):
        box = Mailbox(name="Support", address="support@provider.example")
        box.set_password("imap password")
        box.seal("oauth_refresh_token", "refresh token")
        box.save()
        totp = Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt_secret("SEED", "mfa")}
        )
        codes = Authenticator.objects.create(
            user=user,
            type=Authenticator.Type.RECOVERY_CODES,
            data={"seed": encrypt_secret("c0ffee", "mfa"), "used_mask": 0},
        )
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[OLD]):
        done = keys.reseal_small_secrets()
        assert (done.mailbox_secrets, done.mfa_secrets, done.failed) == (2, 2, [])
        assert keys.reseal_small_secrets().mailbox_secrets == 0  # idempotent
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[]):
        box.refresh_from_db()
        assert box.password() == "imap password"
        assert box.unseal("oauth_refresh_token") == "refresh token"
        totp.refresh_from_db()
        codes.refresh_from_db()
        assert decrypt_secret(totp.data["secret"], "mfa") == "SEED"
        assert decrypt_secret(codes.data["seed"], "mfa") == "c0ffee"
        assert codes.data["used_mask"] == 0


def test_a_small_secret_no_configured_master_opens_is_reported() -> None:
    with override_settings(MASTER_KEY="a key nobody kept"):
        box = Mailbox(name="Support", address="support@provider.example")
        box.set_password("imap password")
        box.save()
    with override_settings(MASTER_KEY=NEW, OLD_MASTER_KEYS=[OLD]):
        done = keys.reseal_small_secrets()
    assert done.failed == ["mailbox support@provider.example: imap_secret"]


def test_it_opens_what_lib_crypto_seals_as_lib_crypto_does() -> None:
    sealed = lib_crypto.seal("text", "steward.some.v1", "row:1")
    assert keys._lib_open(sealed, "steward.some.v1", "row:1", settings.MASTER_KEY) == "text"
