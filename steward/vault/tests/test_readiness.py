"""The exit-readiness score: its three parts and how they add up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.test import make_org
from steward.vault import readiness
from steward.vault.models import Asset, Credential, Document, Holder, Vendor

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_an_empty_organization_has_nothing_to_take_over_but_no_documentation() -> None:
    score = readiness.score(make_org("EMPT"))
    assert (score.accounts.total, score.passwords.total, score.documentation.done) == (0, 0, 0)
    assert score.percent == 67  # (100 + 100 + 0) / 3


def test_the_parts_count_what_the_client_holds_and_what_the_provider_saw() -> None:
    org = make_org("PART")
    for n, holder in enumerate([Holder.CLIENT] * 7 + [Holder.PROVIDER, Holder.THIRD_PARTY]):
        Vendor.objects.create(organization=org, name=f"V{n}", kind="other", account_holder=holder)
    seen = Credential.objects.create(
        organization=org, name="Seen", changed_at=T0, last_revealed_at=T0 + timedelta(hours=1)
    )
    Credential.objects.create(
        organization=org,
        name="Rotated since",
        changed_at=T0 + timedelta(days=1),
        last_revealed_at=T0,
    )
    Credential.objects.create(organization=org, name="Never seen", changed_at=T0)
    Credential.objects.create(
        organization=make_org("OTHR"), name="Other org", changed_at=T0, last_revealed_at=T0
    )
    Document.objects.create(organization=org, title="Empty page", body="")
    score = readiness.score(org)
    assert (score.accounts.done, score.accounts.total) == (7, 9)
    assert (score.passwords.done, score.passwords.total) == (2, 3)
    assert seen.at_risk
    # An empty page is not documentation; the vendors count.
    assert (score.has_documents, score.has_assets, score.has_vendors) == (False, False, True)
    Document.objects.create(organization=org, title="Network", body="VLANs")
    Asset.objects.create(organization=org, name="NAS", kind="server")
    score = readiness.score(org)
    assert score.documentation.done == 3
    assert score.percent == round(100 * (7 / 9 + 2 / 3 + 1) / 3)
