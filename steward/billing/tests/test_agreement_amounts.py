"""The agreements list shows what a month really costs: per user times the headcount, per
device times the devices, with the basis beside it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from steward.contracts.models import Billing
from steward.test import ScanningClient, World, make_agreement, make_org, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def test_the_list_shows_the_real_monthly_amount_and_its_basis(w: World) -> None:
    per_user = make_org(headcount=40)
    make_agreement(
        per_user,
        w.policy,
        billing=Billing.MANAGED_USER,
        unit_price=Decimal("45.00"),
        monthly_fee=Decimal("100.00"),
    )
    per_device = make_org()
    make_agreement(
        per_device, w.policy, billing=Billing.MANAGED_DEVICE, unit_price=Decimal("12.50"), devices=8
    )
    unknown = make_org()
    make_agreement(unknown, w.policy, billing=Billing.MANAGED_USER, unit_price=Decimal("45.00"))
    page = ScanningClient(w.manager).get(reverse("billing:agreements")).content.decode()
    assert "€1,900.00" in page  # 40 x 45 + 100
    assert "users: 40 × €45.00" in page
    assert "€100.00" in page and "devices: 8 × €12.50" in page
    assert "headcount not set" in page


def test_the_amount_is_computed_from_the_terms() -> None:
    from steward.accounts.models import Organization
    from steward.contracts.models import Agreement

    org = Organization(name="x", code="XX", headcount=3)
    a = Agreement(organization=org, billing=Billing.MANAGED_USER, unit_price=Decimal("10"))
    assert a.monthly_amount() == (Decimal("30"), 3)
    a.billing = Billing.BREAK_FIX
    assert a.monthly_amount() == (Decimal("0.00"), None)
