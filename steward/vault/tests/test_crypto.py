"""Secrets at rest: sealed under the organization's data key, bound to their place, opened only
with the master key that wraps it."""

from __future__ import annotations

import pytest
from django.test import override_settings

from steward.test import make_org
from steward.vault import crypto
from steward.vault.models import Credential, DataKey

pytestmark = pytest.mark.django_db


def credential(org_code: str = "ACME", **values: str) -> Credential:
    org = make_org(org_code)
    made = Credential.objects.create(organization=org, name="Router admin", username="admin")
    crypto.seal_credential(made, **values)
    made.save()
    return made


def test_a_secret_is_sealed_and_opens_again() -> None:
    made = credential(secret="correct horse battery", notes="on the label", totp="JBSWY3DPEHPK3PXP")
    made.refresh_from_db()
    assert "correct horse" not in made.secret_sealed
    assert made.secret_sealed.startswith("v1:")
    assert crypto.open_credential(made) == {
        "secret": "correct horse battery",
        "notes": "on the label",
        "totp": "JBSWY3DPEHPK3PXP",
    }


def test_a_ciphertext_moved_to_another_row_field_or_organization_does_not_open() -> None:
    first = credential(secret="first secret")
    second = Credential.objects.create(organization=first.organization, name="Other")
    crypto.seal_credential(second, secret="second secret")
    second.save()
    second.secret_sealed = first.secret_sealed
    with pytest.raises(crypto.Undecryptable):
        crypto.open_credential(second)
    moved = Credential.objects.get(pk=first.pk)
    moved.notes_sealed = first.secret_sealed
    with pytest.raises(crypto.Undecryptable):
        crypto.open_credential(moved)
    elsewhere = credential("BETA", secret="beta's")
    elsewhere.secret_sealed = first.secret_sealed
    with pytest.raises(crypto.Undecryptable):
        crypto.open_credential(elsewhere)


def test_each_organization_has_its_own_data_key_wrapped_by_the_master_key() -> None:
    credential("ACME", secret="a")
    credential("BETA", secret="b")
    keys = list(DataKey.objects.all())
    assert len(keys) == 2 and keys[0].wrapped != keys[1].wrapped
    assert {key.master for key in keys} == {crypto.fingerprint(crypto.current_master())}


def test_the_wrong_master_key_opens_nothing_an_old_one_listed_still_does() -> None:
    from django.conf import settings

    made = credential(secret="kept")
    former = settings.MASTER_KEY
    with override_settings(MASTER_KEY="another key entirely"), pytest.raises(crypto.KeyUnavailable):
        crypto.open_credential(made)
    # Listed as an old key while a rotation runs, the former master still opens what it wraps.
    with override_settings(MASTER_KEY="another key entirely", OLD_MASTER_KEYS=[former]):
        assert crypto.open_credential(made)["secret"] == "kept"
