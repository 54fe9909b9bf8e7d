"""The demo's documentation: every client gets assets, vendors and documents, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.accounts.models import Role
from steward.test import make_org, make_ticket, make_user
from steward.vault import actions_docs, demo_docs
from steward.vault.models import Asset, Document, TicketAsset, Vendor

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_it_documents_every_demo_client_once() -> None:
    orgs = [
        make_org("ACRO", timezone="Europe/Athens", language="el"),
        make_org("PDT", timezone="Asia/Shanghai", language="zh-hans"),
        make_org("THAM", timezone="Europe/London", language="en"),
    ]
    make_user(Role.CLIENT_ADMIN, orgs[0], name="Eleni")
    make_ticket(orgs[2], title="Printer on 2F jams")
    demo_docs.seed(NOW)
    demo_docs.seed(NOW)
    for org in orgs:
        assert 8 <= Asset.objects.for_org(org).count() <= 15
        vendors = list(Vendor.objects.for_org(org))
        assert {v.account_holder for v in vendors} == {"client", "provider", "third_party"}
        assert actions_docs.provider_held(org).exists()
        today = actions_docs.local_today(org, NOW)
        soon = [v for v in vendors if actions_docs.dates_to_warn(v, today)]
        assert soon, org.code
        docs = Document.objects.for_org(org)
        assert 2 <= docs.count() <= 3
        assert all(d.revisions.count() == 1 for d in docs)
    assert "Σημειώσεις δικτύου" in Document.objects.for_org(orgs[0]).values_list("title", flat=True)
    assert "网络说明" in Document.objects.for_org(orgs[1]).values_list("title", flat=True)
    assert TicketAsset.objects.get().asset.name == "PRN-2F"
    # The renewal within 30 days is mailed to the Greek client's admin by the daily task.
    assert actions_docs.warn_renewals(NOW + timedelta(minutes=1)) >= 1
