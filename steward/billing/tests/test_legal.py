"""What an accountant needs on an invoice: the seller's and the buyer's legal identity kept as
issued, VAT per rate (standard, exempt, reverse charge) from the agreement or the client,
issue and due dates, credit notes naming the invoice they correct."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from steward.accounts.models import Organization, Provider
from steward.billing import invoices
from steward.billing.models import Invoice
from steward.contracts import actions as contract_actions
from steward.contracts.models import REVERSE_CHARGE_NOTE, Agreement, Billing, TaxTreatment
from steward.test import World, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOV = date(2026, 11, 1)


@pytest.fixture
def w() -> World:
    return world()


def give_details() -> Provider:
    provider = Provider.current()
    provider.name = "Northwind IT"
    provider.legal_name = "Northwind IT Services S.A."
    provider.address = "Leoforos Kifisias 120\n115 26 Athens"
    provider.country = "GR"
    provider.tax_id = "EL801234567"
    provider.company_id = "GEMI 123456701000"
    provider.iban = "GR16 0110 1250 0000 0001 2300 695"
    provider.bic = "ETHNGRAA"
    provider.bank_name = "National Bank of Greece"
    provider.payment_terms_days = 14
    provider.save()
    return provider


def client_details(org: Organization) -> None:
    org.legal_name = "Acme Trading GmbH"
    org.billing_address = "Hauptstrasse 5\n10115 Berlin"
    org.country = "DE"
    org.tax_id = "DE123456789"
    org.save()


def bill(w: World, **terms: object) -> Agreement:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement,
        w.manager,
        {"billing": Billing.MANAGED_DEVICE, "devices": 3, "unit_price": Decimal("33.33"), **terms},
    )
    contract_actions.set_services(agreement, {})
    return agreement


def issued(w: World, agreement: Agreement) -> Invoice:
    with time_machine.travel(datetime(2026, 12, 1, 23, 30, tzinfo=ATHENS), tick=False):
        return invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)


def test_it_adds_vat_per_rate_rounded_once_on_the_net(w: World) -> None:
    agreement = bill(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    agreement.monthly_fee = Decimal("10.05")
    contract_actions.revise(agreement, w.manager, {"monthly_fee": Decimal("10.05")})
    invoice = invoices.draft_invoice(agreement, NOV)
    # 3 x 33.33 = 99.99 and 10.05: 110.04 net; 24 % of it is 26.4096 -> 26.41.
    assert (invoice.net, invoice.tax, invoice.total) == (
        Decimal("110.04"),
        Decimal("26.41"),
        Decimal("136.45"),
    )
    [group] = invoices.tax_groups(invoice.lines.all())
    assert (group.tax.category, group.net, group.amount) == ("S", invoice.net, invoice.tax)


def test_it_takes_the_clients_tax_unless_the_agreement_sets_its_own(w: World) -> None:
    contract_actions.set_organization_tax(
        w.acme, TaxTreatment.EXEMPT, Decimal("0"), "Exempt under Article 132(1)(i)"
    )
    agreement = bill(w)
    invoice = invoices.draft_invoice(agreement, NOV)
    assert (invoice.tax, invoice.total) == (Decimal("0.00"), Decimal("99.99"))
    [group] = invoices.tax_groups(invoice.lines.all())
    assert (group.tax.category, group.tax.note) == ("E", "Exempt under Article 132(1)(i)")

    contract_actions.revise(agreement, w.manager, {"tax_treatment": TaxTreatment.REVERSE_CHARGE})
    invoice = invoices.draft_invoice(agreement, NOV)
    [group] = invoices.tax_groups(invoice.lines.all())
    assert (group.tax.category, group.tax.note) == ("AE", REVERSE_CHARGE_NOTE)
    assert invoice.tax == Decimal("0.00")


def test_an_exemption_needs_its_reason(w: World) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="legal reason"):
        contract_actions.set_organization_tax(w.acme, TaxTreatment.EXEMPT, Decimal(0), " ")
    agreement = Agreement.objects.get(organization=w.acme)
    with pytest.raises(ValidationError, match="VAT rate"):
        contract_actions.revise(agreement, w.manager, {"tax_treatment": TaxTreatment.STANDARD})
    assert Agreement.objects.get(pk=agreement.pk).tax_treatment == ""


def test_a_tax_change_after_the_draft_is_not_issued_unseen(w: World) -> None:
    agreement = bill(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    draft = invoices.draft_invoice(agreement, NOV)
    contract_actions.revise(agreement, w.manager, {"tax_rate": Decimal("13")})
    from steward.lib.errors import DomainError

    with pytest.raises(DomainError, match="drafted again"):
        invoices.issue(draft, w.admin)
    assert Invoice.objects.get(pk=draft.pk).tax == Decimal("13.00")


def test_it_keeps_the_seller_and_buyer_as_issued(w: World) -> None:
    provider = give_details()
    client_details(w.acme)
    agreement = bill(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("19"))
    invoice = issued(w, agreement)
    # Later edits of the provider and the client...
    provider.legal_name = "Someone Else Ltd"
    provider.iban = "DE00 0000"
    provider.save()
    w.acme.legal_name = "Renamed AG"
    w.acme.tax_id = "DE999"
    w.acme.save()
    contract_actions.revise(agreement, w.manager, {"tax_rate": Decimal("7")})
    # ...do not change the invoice already issued.
    again = Invoice.objects.get(pk=invoice.pk)
    seller, buyer = invoices.parties(again)
    assert seller["legal_name"] == "Northwind IT Services S.A."
    assert seller["iban"] == "GR16 0110 1250 0000 0001 2300 695"
    assert (buyer["legal_name"], buyer["tax_id"]) == ("Acme Trading GmbH", "DE123456789")
    assert again.tax == Decimal("19.00")
    [group] = invoices.tax_groups(again.lines.all())
    assert group.tax.rate == Decimal("19")


def test_it_dates_the_invoice_in_the_clients_zone_and_counts_the_terms(w: World) -> None:
    give_details()
    invoice = issued(w, bill(w))
    # 23:30 on 1 December in Athens is still 1 December there (21:30 UTC).
    assert invoice.issue_date == date(2026, 12, 1)
    assert invoice.due_date == date(2026, 12, 15)


def test_a_credit_note_names_the_invoice_and_reverses_its_vat(w: World) -> None:
    agreement = bill(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    invoice = issued(w, agreement)
    note = invoices.credit_note(invoice, w.admin, "Wrong device count")
    assert note.credits == invoice and note.display_number.startswith("CN-")
    assert (note.net, note.tax, note.total) == (-invoice.net, -invoice.tax, -invoice.total)
    assert note.due_date is None and note.issue_date is not None
