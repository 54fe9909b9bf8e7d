"""UBL 2.1 following the EN 16931 core: the mandatory business terms are there, in the UBL
namespaces, and the amounts are the invoice's and add up. No UBL XSD is available offline,
so the structure is checked here element by element (docs/decisions.md)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Role
from steward.billing import invoices
from steward.billing.models import Invoice
from steward.billing.tests.test_legal import bill, client_details, give_details
from steward.billing.ubl import CAC, CBC, CREDIT_NOTE, INVOICE, ubl_xml
from steward.contracts.models import TaxTreatment
from steward.test import World, api_client, covers, make_agreement, make_org, make_user, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOV = date(2026, 11, 1)
NS = {"cbc": CBC, "cac": CAC}


@pytest.fixture
def w() -> World:
    return world()


def _issued(w: World, **tax: object) -> Invoice:
    give_details()
    client_details(w.acme)
    agreement = bill(w, **tax)
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=ATHENS), tick=False):
        return invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)


def _text(root: ET.Element, path: str) -> str:
    node = root.find(path, NS)
    assert node is not None, f"{path} is missing"
    assert node.text and node.text.strip(), f"{path} is empty"
    return node.text


def _amount(root: ET.Element, path: str) -> Decimal:
    node = root.find(path, NS)
    assert node is not None, f"{path} is missing"
    assert node.get("currencyID") == "EUR"
    return Decimal(node.text or "")


# The EN 16931 core's mandatory business terms and where UBL 2.1 keeps them.
SELLER = "cac:AccountingSupplierParty/cac:Party/"
BUYER = "cac:AccountingCustomerParty/cac:Party/"
MANDATORY = {
    "BT-24 specification identifier": "cbc:CustomizationID",
    "BT-1 invoice number": "cbc:ID",
    "BT-2 issue date": "cbc:IssueDate",
    "BT-5 currency": "cbc:DocumentCurrencyCode",
    "BT-27 seller name": SELLER + "cac:PartyLegalEntity/cbc:RegistrationName",
    "BT-40 seller country": SELLER + "cac:PostalAddress/cac:Country/cbc:IdentificationCode",
    "BT-44 buyer name": BUYER + "cac:PartyLegalEntity/cbc:RegistrationName",
    "BT-55 buyer country": BUYER + "cac:PostalAddress/cac:Country/cbc:IdentificationCode",
    "BT-81 payment means": "cac:PaymentMeans/cbc:PaymentMeansCode",
    "BT-106 sum of lines": "cac:LegalMonetaryTotal/cbc:LineExtensionAmount",
    "BT-109 total without VAT": "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount",
    "BT-110 VAT total": "cac:TaxTotal/cbc:TaxAmount",
    "BT-112 total with VAT": "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
    "BT-115 amount due": "cac:LegalMonetaryTotal/cbc:PayableAmount",
    "BT-116 VAT taxable amount": "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount",
    "BT-117 VAT amount per category": "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount",
    "BT-118 VAT category": "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID",
    "BT-119 VAT rate": "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent",
}
LINE_MANDATORY = {
    "BT-126 line id": "cbc:ID",
    "BT-131 line net": "cbc:LineExtensionAmount",
    "BT-146 net price": "cac:Price/cbc:PriceAmount",
    "BT-151 line VAT category": "cac:Item/cac:ClassifiedTaxCategory/cbc:ID",
    "BT-153 item name": "cac:Item/cbc:Name",
}


def test_an_invoice_carries_every_mandatory_term_in_the_ubl_namespaces(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("19"))
    root = ET.fromstring(ubl_xml(invoice))
    assert root.tag == f"{{{INVOICE}}}Invoice"
    for term, path in MANDATORY.items():
        assert root.find(path, NS) is not None, term
        _text(root, path)
    assert _text(root, "cbc:CustomizationID") == "urn:cen.eu:en16931:2017"
    assert _text(root, "cbc:ID") == invoice.display_number
    assert _text(root, "cbc:InvoiceTypeCode") == "380"
    assert _text(root, "cbc:IssueDate") == "2026-12-01"
    assert _text(root, "cbc:DueDate") == "2026-12-15"
    assert _text(root, "cac:InvoicePeriod/cbc:StartDate") == "2026-11-01"
    assert _text(root, "cac:InvoicePeriod/cbc:EndDate") == "2026-11-30"
    seller = "cac:AccountingSupplierParty/cac:Party/"
    assert _text(root, seller + "cac:PartyTaxScheme/cbc:CompanyID") == "EL801234567"
    assert _text(root, seller + "cac:PartyLegalEntity/cbc:RegistrationName") == (
        "Northwind IT Services S.A."
    )
    buyer = "cac:AccountingCustomerParty/cac:Party/"
    assert _text(root, buyer + "cac:PartyTaxScheme/cbc:CompanyID") == "DE123456789"
    assert _text(root, buyer + "cac:PostalAddress/cac:Country/cbc:IdentificationCode") == "DE"
    assert _text(root, buyer + "cac:PostalAddress/cbc:StreetName") == "Hauptstrasse 5"
    assert _text(root, buyer + "cac:PostalAddress/cbc:PostalZone") == "10115"
    assert _text(root, buyer + "cac:PostalAddress/cbc:CityName") == "Berlin"
    iban = _text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")
    assert iban == "GR1601101250000000012300695"
    assert _text(root, "cac:PaymentMeans/cbc:PaymentMeansCode") == "58"
    lines = root.findall("cac:InvoiceLine", NS)
    assert len(lines) == invoice.lines.count() >= 1
    for line in lines:
        for term, path in LINE_MANDATORY.items():
            assert line.find(path, NS) is not None, term
        quantity = line.find("cbc:InvoicedQuantity", NS)
        assert quantity is not None and quantity.get("unitCode"), "BT-129/BT-130"


def test_its_amounts_are_the_invoices_and_add_up(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    root = ET.fromstring(ubl_xml(invoice))
    lines = sum(
        (_amount(line, "cbc:LineExtensionAmount") for line in root.findall("cac:InvoiceLine", NS)),
        Decimal(0),
    )
    total = "cac:LegalMonetaryTotal/cbc:"
    assert lines == _amount(root, total + "LineExtensionAmount") == invoice.net
    assert _amount(root, total + "TaxExclusiveAmount") == invoice.net
    tax = _amount(root, "cac:TaxTotal/cbc:TaxAmount")
    assert tax == invoice.tax == Decimal("24.00")  # 24 % of 99.99 = 23.9976
    subtotals = root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    assert sum((_amount(s, "cbc:TaxAmount") for s in subtotals), Decimal(0)) == tax
    assert sum((_amount(s, "cbc:TaxableAmount") for s in subtotals), Decimal(0)) == lines
    assert _amount(root, total + "TaxInclusiveAmount") == lines + tax == invoice.total
    assert _amount(root, total + "PayableAmount") == invoice.total
    for line in root.findall("cac:InvoiceLine", NS):
        quantity = Decimal(line.findtext("cbc:InvoicedQuantity", "", NS))
        price = _amount(line, "cac:Price/cbc:PriceAmount")
        assert _amount(line, "cbc:LineExtensionAmount") == (quantity * price).quantize(
            Decimal("0.01")
        )


def test_reverse_charge_and_exempt_carry_category_and_reason(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.REVERSE_CHARGE)
    root = ET.fromstring(ubl_xml(invoice))
    category = "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/"
    assert _text(root, category + "cbc:ID") == "AE"
    assert _text(root, category + "cbc:Percent") == "0.00"
    assert _text(root, category + "cbc:TaxExemptionReasonCode") == "VATEX-EU-AE"
    assert "Article 196" in _text(root, category + "cbc:TaxExemptionReason")
    assert _amount(root, "cac:TaxTotal/cbc:TaxAmount") == Decimal("0.00")

    invoices.credit_note(invoice, w.admin, "Terms changed")
    agreement = invoice.agreement
    from steward.contracts import actions

    actions.revise(
        agreement, w.manager, {"tax_treatment": TaxTreatment.EXEMPT, "tax_note": "Art. 22 VAT"}
    )
    again = invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)
    root = ET.fromstring(ubl_xml(again))
    assert _text(root, category + "cbc:ID") == "E"
    assert _text(root, category + "cbc:TaxExemptionReason") == "Art. 22 VAT"


def test_a_credit_note_is_a_creditnote_referring_to_its_invoice(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    note = invoices.credit_note(invoice, w.admin, "Wrong device count")
    root = ET.fromstring(ubl_xml(note))
    assert root.tag == f"{{{CREDIT_NOTE}}}CreditNote"
    assert _text(root, "cbc:CreditNoteTypeCode") == "381"
    ref = "cac:BillingReference/cac:InvoiceDocumentReference/"
    assert _text(root, ref + "cbc:ID") == invoice.display_number
    assert _text(root, ref + "cbc:IssueDate") == "2026-12-01"
    assert "Wrong device count" in _text(root, "cbc:Note")
    # Stored negative, a credit note's UBL amounts are positive: its type says it credits.
    assert _amount(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == invoice.total
    assert _amount(root, "cac:TaxTotal/cbc:TaxAmount") == invoice.tax
    lines = root.findall("cac:CreditNoteLine", NS)
    assert lines and all(line.find("cbc:CreditedQuantity", NS) is not None for line in lines)
    assert sum((_amount(x, "cbc:LineExtensionAmount") for x in lines), Decimal(0)) == invoice.net


UBL_ROUTES = (
    "GET /api/v1/invoices/{invoice_id}/ubl",
    "billing:invoice_ubl",
    "billing_portal:invoice_ubl",
)
EXPORT_ROUTES = ("GET /api/v1/invoices/export", "billing:invoice_export")


@covers(*UBL_ROUTES, *EXPORT_ROUTES, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    invoice = _issued(w)
    anonymous = Client()
    assert anonymous.get(f"/api/v1/invoices/{invoice.pk}/ubl").status_code == 401
    assert anonymous.get("/api/v1/invoices/export?month=2026-12").status_code == 401
    for name, args in (
        ("billing:invoice_ubl", [invoice.pk]),
        ("billing_portal:invoice_ubl", [invoice.pk]),
        ("billing:invoice_export", []),
    ):
        response = anonymous.get(reverse(name, args=args), {"month": "2026-12"})
        assert response.status_code == 302 and "login" in response["Location"], name


@covers(*UBL_ROUTES, kinds=("tenancy",))
def test_desk_portal_and_api_serve_it_and_refuse_a_draft(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    desk = Client()
    desk.force_login(w.manager)
    response = desk.get(reverse("billing:invoice_ubl", args=[invoice.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert ET.fromstring(response.content).tag == f"{{{INVOICE}}}Invoice"
    portal = Client()
    portal.force_login(w.acme_admin)
    assert portal.get(reverse("billing_portal:invoice_ubl", args=[invoice.pk])).status_code == 200
    user = Client()
    user.force_login(w.acme_user)
    assert user.get(reverse("billing_portal:invoice_ubl", args=[invoice.pk])).status_code == 404
    other = Client()
    other.force_login(make_user(Role.CLIENT_ADMIN, w.globex))
    assert other.get(reverse("billing_portal:invoice_ubl", args=[invoice.pk])).status_code == 404
    api = api_client(w.acme_admin)
    response = api.get(f"/api/v1/invoices/{invoice.pk}/ubl")
    assert response.status_code == 200 and b"urn:cen.eu:en16931:2017" in response.content

    draft = invoices.draft_invoice(make_agreement(w.acme, starts=date(2026, 1, 1)), NOV)
    assert desk.get(reverse("billing:invoice_ubl", args=[draft.pk])).status_code == 404
    response = api_client(w.manager).get(f"/api/v1/invoices/{draft.pk}/ubl")
    assert response.status_code == 409 and response.json()["field"] == "state"


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_month_export_lists_invoices_and_credit_notes_issued_in_it(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    with time_machine.travel(datetime(2026, 12, 3, 9, tzinfo=ATHENS), tick=False):
        note = invoices.credit_note(invoice, w.admin, "Wrong device count")
    other = make_org("OTHR", name="Other")
    agreement = make_agreement(other, monthly_fee=Decimal("50.00"))
    with time_machine.travel(datetime(2027, 1, 2, 9, tzinfo=ATHENS), tick=False):
        invoices.issue(invoices.draft_invoice(agreement, date(2026, 12, 1)), w.admin)
    desk = Client()
    desk.force_login(w.admin)
    response = desk.get(reverse("billing:invoice_export"), {"month": "2026-12"})
    assert response.status_code == 200
    rows = _rows(response.content)
    # January's invoice is not December's.
    assert [r["number"] for r in rows] == [invoice.display_number, note.display_number]
    first, credit = rows
    assert (first["type"], first["issue_date"], first["due_date"]) == (
        "invoice",
        "2026-12-01",
        "2026-12-15",
    )
    assert (first["client"], first["client_tax_id"], first["vat_category"]) == (
        "Acme Trading GmbH",
        "DE123456789",
        "S",
    )
    assert (first["net"], first["vat"], first["gross"]) == ("99.99", "24.00", "123.99")
    assert (credit["type"], credit["corrects"]) == ("credit_note", invoice.display_number)
    assert (credit["net"], credit["vat"], credit["gross"]) == ("-99.99", "-24.00", "-123.99")


@covers(*EXPORT_ROUTES, kinds=("tenancy",))
def test_the_month_export_respects_tenancy_and_names_a_bad_month(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    mine = api_client(w.acme_admin).get("/api/v1/invoices/export?month=2026-12")
    assert mine.status_code == 200
    assert [r["number"] for r in _rows(mine.content)] == [invoice.display_number]
    theirs = api_client(make_user(Role.CLIENT_ADMIN, w.globex)).get(
        "/api/v1/invoices/export?month=2026-12"
    )
    assert theirs.status_code == 200 and _rows(theirs.content) == []
    bad = api_client(w.admin).get("/api/v1/invoices/export?month=2026-13")
    assert bad.status_code == 422 and bad.json()["field"] == "month"
    refused = api_client(w.acme_user).get("/api/v1/invoices/export?month=2026-12")
    assert refused.status_code == 403
    desk = Client()
    desk.force_login(w.admin)
    response = desk.get(reverse("billing:invoice_export"), {"month": "soon"}, follow=True)
    assert b"Month" in response.content and response.redirect_chain
    # A technician exports only the organizations they are assigned to.
    other = make_org("OTHR", name="Other")
    agreement = make_agreement(other, monthly_fee=Decimal("50.00"))
    with time_machine.travel(datetime(2026, 12, 2, 9, tzinfo=ATHENS), tick=False):
        billed = invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)
    tech = Client()
    tech.force_login(w.tech)
    rows = _rows(tech.get(reverse("billing:invoice_export"), {"month": "2026-12"}).content)
    assert [r["number"] for r in rows] == [invoice.display_number]
    rows = _rows(desk.get(reverse("billing:invoice_export"), {"month": "2026-12"}).content)
    assert [r["number"] for r in rows] == [invoice.display_number, billed.display_number]
