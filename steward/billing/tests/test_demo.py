"""The demo's agreements: every billing model, time logged, months of invoices."""

from __future__ import annotations

import pytest

from steward.billing import demo
from steward.billing.models import Invoice, Quote, TimeEntry
from steward.contracts.models import Agreement, Billing
from steward.desk.demo import seed

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_it_seeds_every_billing_model_with_invoices() -> None:
    seed(tickets=60)
    demo.seed()
    assert set(Agreement.objects.values_list("billing", flat=True)) == set(Billing.values)
    assert TimeEntry.objects.count() > 15
    issued = Invoice.objects.issued()
    assert issued.filter(credits__isnull=True).count() >= 3 * 4 - 2  # 3 months, 4 clients
    numbers = sorted(n or 0 for n in issued.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))  # Gapless.
    assert issued.filter(credits__isnull=False).count() == 1
    for invoice in Invoice.objects.all():
        assert invoice.total == sum(line.amount for line in invoice.lines.all())
    assert Quote.objects.filter(state="pending").exists()
    assert Quote.objects.filter(state="approved").exists()
    before = (Invoice.objects.count(), TimeEntry.objects.count())
    demo.seed()  # Idempotent.
    assert (Invoice.objects.count(), TimeEntry.objects.count()) == before
