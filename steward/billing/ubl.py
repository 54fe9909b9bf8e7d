"""An issued invoice or credit note as UBL 2.1 XML following the EN 16931 core (the European
e-invoicing standard), for the client's accounting software.

Credit notes are stored with negative amounts (they cancel an invoice line by line); the UBL
CreditNote document carries them as positive amounts, its type saying they are a credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree as ET

from django.utils import translation
from django.utils.translation import gettext as _

from steward.billing.invoices import TaxGroup, parties, tax_groups
from steward.billing.models import Invoice, InvoiceLine
from steward.contracts.models import Tax

CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CUSTOMIZATION = "urn:cen.eu:en16931:2017"

ET.register_namespace("cbc", CBC)
ET.register_namespace("cac", CAC)

# UN/ECE Recommendation 20 unit codes, by the kind of line.
UNITS = {
    "time": "HUR",
    "time_out_of_hours": "HUR",
    "overage": "HUR",
    "drawdown": "HUR",
    "fee": "MON",
    "service": "MON",
}
ONE = "C62"  # "one": a user, a device, a job

# VATEX codes (CEF list) for the categories that carry no VAT.
EXEMPTION_CODES = {"AE": "VATEX-EU-AE"}


def _el(parent: ET.Element, ns: str, tag: str, text: object = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
    if text is not None:
        node.text = str(text)
    return node


def _cbc(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
    return _el(parent, CBC, tag, text, **attrs)


def _cac(parent: ET.Element, tag: str) -> ET.Element:
    return _el(parent, CAC, tag)


def _amount(parent: ET.Element, tag: str, value: Decimal, currency: str) -> None:
    # A credit of nothing is 0.00, not -0.00.
    _cbc(parent, tag, f"{abs(value) if value == 0 else value:.2f}", currencyID=currency)


# "115 26 Athens", "10115 Berlin", "1000-001 Lisboa": a last line that opens with a postcode.
POSTCODE_CITY = re.compile(r"^(\d[\d\s-]{1,9}\d)\s+(\D.*)$")


def _address(parent: ET.Element, text: str, country: str) -> None:
    """A free-text address: its first line is the street, the next the additional street,
    a last line "postcode city" the postcode and city, the rest address lines; the country
    code (BT-40, BT-55) is mandatory."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    place = POSTCODE_CITY.match(lines[-1]) if len(lines) > 1 else None
    if place:
        lines.pop()
    address = _cac(parent, "PostalAddress")
    if lines:
        _cbc(address, "StreetName", lines[0])
    if len(lines) > 1:
        _cbc(address, "AdditionalStreetName", lines[1])
    if place:
        _cbc(address, "CityName", place.group(2))
        _cbc(address, "PostalZone", place.group(1))
    for extra in lines[2:]:
        _cbc(_cac(address, "AddressLine"), "Line", extra)
    _cbc(_cac(address, "Country"), "IdentificationCode", (country or "").upper())


def _party(parent: ET.Element, tag: str, details: dict[str, Any]) -> None:
    party = _cac(_cac(parent, tag), "Party")
    if details.get("name"):
        _cbc(_cac(party, "PartyName"), "Name", details["name"])
    _address(party, details.get("address", ""), details.get("country", ""))
    if details.get("tax_id"):
        scheme = _cac(party, "PartyTaxScheme")
        _cbc(scheme, "CompanyID", details["tax_id"])
        _cbc(_cac(scheme, "TaxScheme"), "ID", "VAT")
    legal = _cac(party, "PartyLegalEntity")
    _cbc(legal, "RegistrationName", details.get("legal_name") or details.get("name", ""))
    if details.get("company_id"):
        _cbc(legal, "CompanyID", details["company_id"])
    if details.get("email") or details.get("phone"):
        contact = _cac(party, "Contact")
        if details.get("phone"):
            _cbc(contact, "Telephone", details["phone"])
        if details.get("email"):
            _cbc(contact, "ElectronicMail", details["email"])


def _category(parent: ET.Element, tag: str, tax: Tax, reason: bool) -> None:
    category = _cac(parent, tag)
    _cbc(category, "ID", tax.category)
    _cbc(category, "Percent", f"{tax.rate:.2f}")
    if reason and tax.category in ("E", "AE"):
        if tax.category in EXEMPTION_CODES:
            _cbc(category, "TaxExemptionReasonCode", EXEMPTION_CODES[tax.category])
        _cbc(category, "TaxExemptionReason", tax.note)
    _cbc(_cac(category, "TaxScheme"), "ID", "VAT")


def _tax_total(root: ET.Element, groups: Iterable[TaxGroup], sign: int, currency: str) -> None:
    groups = list(groups)
    tax_total = _cac(root, "TaxTotal")
    _amount(tax_total, "TaxAmount", sum((g.amount for g in groups), Decimal(0)) * sign, currency)
    for group in groups:
        sub = _cac(tax_total, "TaxSubtotal")
        _amount(sub, "TaxableAmount", group.net * sign, currency)
        _amount(sub, "TaxAmount", group.amount * sign, currency)
        _category(sub, "TaxCategory", group.tax, reason=True)


def _line(root: ET.Element, tag: str, line: InvoiceLine, n: int, sign: int, currency: str) -> None:
    node = _cac(root, tag)
    _cbc(node, "ID", n)
    quantity = "CreditedQuantity" if tag == "CreditNoteLine" else "InvoicedQuantity"
    _cbc(node, quantity, f"{line.quantity:.2f}", unitCode=UNITS.get(line.kind, ONE))
    _amount(node, "LineExtensionAmount", line.amount * sign, currency)
    item = _cac(node, "Item")
    _cbc(item, "Name", line.description[:200])
    _category(item, "ClassifiedTaxCategory", line.tax, reason=False)
    _amount(_cac(node, "Price"), "PriceAmount", line.unit_price * sign, currency)


def ubl_xml(invoice: Invoice) -> bytes:
    """The issued invoice (or credit note) as a UBL 2.1 Invoice (or CreditNote) document."""
    credit = invoice.is_credit_note
    sign = -1 if credit else 1
    currency = invoice.currency
    seller, buyer = parties(invoice)
    rows = list(invoice.lines.all())
    lines = [row for row in rows if row.kind != "note"]
    notes = [row.description for row in rows if row.kind == "note"]
    # The document's own namespace is the default one, as UBL examples write it; ElementTree
    # will not mix a default namespace with unqualified attributes (currencyID), so it is
    # declared by hand and its children take the cbc and cac prefixes.
    name, namespace = ("CreditNote", CREDIT_NOTE) if credit else ("Invoice", INVOICE)
    root = ET.Element(name, {"xmlns": namespace})
    _cbc(root, "CustomizationID", CUSTOMIZATION)
    _cbc(root, "ID", invoice.display_number)
    _cbc(root, "IssueDate", (invoice.issue_date or invoice.created_at.date()).isoformat())
    if invoice.due_date and not credit:
        _cbc(root, "DueDate", invoice.due_date.isoformat())
    _cbc(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode", "381" if credit else "380")
    for note in notes:
        _cbc(root, "Note", note)
    _cbc(root, "DocumentCurrencyCode", currency)
    _cbc(root, "BuyerReference", invoice.agreement.name)
    period = _cac(root, "InvoicePeriod")
    _cbc(period, "StartDate", invoice.period_start.isoformat())
    _cbc(period, "EndDate", invoice.period_end.isoformat())
    if credit and invoice.credits is not None:
        ref = _cac(_cac(root, "BillingReference"), "InvoiceDocumentReference")
        _cbc(ref, "ID", invoice.credits.display_number)
        if invoice.credits.issue_date:
            _cbc(ref, "IssueDate", invoice.credits.issue_date.isoformat())
    _party(root, "AccountingSupplierParty", seller)
    _party(root, "AccountingCustomerParty", buyer)
    if seller.get("iban"):
        means = _cac(root, "PaymentMeans")
        _cbc(means, "PaymentMeansCode", "58")  # SEPA credit transfer
        _cbc(means, "PaymentID", invoice.display_number)
        account = _cac(means, "PayeeFinancialAccount")
        _cbc(account, "ID", seller["iban"].replace(" ", ""))
        if seller.get("bank_name"):
            _cbc(account, "Name", seller["bank_name"])
        if seller.get("bic"):
            _cbc(_cac(account, "FinancialInstitutionBranch"), "ID", seller["bic"])
    if not credit and seller.get("payment_terms_days") is not None:
        with translation.override(invoice.organization.language):
            terms = _("Payment within %(days)s days of the invoice date.") % {
                "days": seller["payment_terms_days"]
            }
        _cbc(_cac(root, "PaymentTerms"), "Note", terms)
    groups = tax_groups(lines)
    _tax_total(root, groups, sign, currency)
    totals = _cac(root, "LegalMonetaryTotal")
    _amount(totals, "LineExtensionAmount", invoice.net * sign, currency)
    _amount(totals, "TaxExclusiveAmount", invoice.net * sign, currency)
    _amount(totals, "TaxInclusiveAmount", invoice.total * sign, currency)
    _amount(totals, "PayableAmount", invoice.total * sign, currency)
    for n, line in enumerate(lines, start=1):
        _line(root, "CreditNoteLine" if credit else "InvoiceLine", line, n, sign, currency)
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml
