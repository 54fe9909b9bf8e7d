"""The demo's agreements: every billing model, time logged, months of invoices."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from steward.billing import demo
from steward.billing.models import Invoice, InvoiceLine, Quote, TimeEntry
from steward.billing.ubl import CAC, CBC, ubl_xml
from steward.contracts.models import Agreement, Billing
from steward.desk.demo import seed

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
NS = {"cac": CAC, "cbc": CBC}


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
        assert invoice.net == sum(line.amount for line in invoice.lines.all())
        assert invoice.total == invoice.net + invoice.tax
    # A complete invoice: the provider's and the client's legal details, VAT of each kind.
    for invoice in issued:
        assert invoice.seller["tax_id"] and invoice.seller["iban"] and invoice.seller["address"]
        assert invoice.buyer["tax_id"] and invoice.buyer["country"], invoice.organization.code
        root = ET.fromstring(ubl_xml(invoice))
        assert root.find("cac:TaxTotal/cac:TaxSubtotal", NS) is not None
    categories = {line.tax.category for line in InvoiceLine.objects.filter(invoice__in=issued)}
    assert {"S", "E", "AE"} <= categories
    assert Quote.objects.filter(state="pending").exists()
    assert Quote.objects.filter(state="approved").exists()
    before = (Invoice.objects.count(), TimeEntry.objects.count())
    demo.seed()  # Idempotent.
    assert (Invoice.objects.count(), TimeEntry.objects.count()) == before
