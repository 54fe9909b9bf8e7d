"""The desk's invoice page shows what the accountant needs; the client's VAT page; the month
export on the agreements page; the PDF in three languages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.billing import documents, invoices
from steward.billing.models import Invoice
from steward.billing.tests.test_legal import bill, client_details, give_details
from steward.contracts.models import OrganizationTax, TaxTreatment
from steward.test import World, covers, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOV = date(2026, 11, 1)
TAX = "billing:client_tax"


@pytest.fixture
def w() -> World:
    return world()


def _issued(w: World, **tax: object) -> Invoice:
    give_details()
    client_details(w.acme)
    agreement = bill(w, **tax)
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=ATHENS), tick=False):
        return invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)


def _page(user: object, url: str, language: str = "en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)  # type: ignore[arg-type]
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_invoice_page_names_seller_buyer_dates_and_vat_per_rate(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    html = _page(w.manager, reverse("billing:invoice", args=[invoice.pk]))
    for text in (
        "Northwind IT Services S.A.",
        "EL801234567",
        "GR16 0110 1250 0000 0001 2300 695",
        "Acme Trading GmbH",
        "DE123456789",
        "Germany",
        "1 Dec 2026",  # issue date, CLDR medium in (European) English
        "15 Dec 2026",  # due 14 days later
        "VAT 24%",
        "€99.99",
        "€24.00",
        "€123.99",
        reverse("billing:invoice_ubl", args=[invoice.pk]),
    ):
        assert text in html, text


def test_a_credit_note_page_links_the_invoice_it_corrects(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.REVERSE_CHARGE)
    note = invoices.credit_note(invoice, w.admin, "Wrong device count")
    html = _page(w.manager, reverse("billing:invoice", args=[note.pk]))
    assert "Corrects invoice" in html
    assert f'href="{reverse("billing:invoice", args=[invoice.pk])}"' in html
    assert "Article 196 Directive 2006/112/EC" in html and "-€99.99" in html


def test_the_invoice_page_reads_in_greek_with_greek_numbers(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    w.manager.language = "el"
    w.manager.save()
    html = _page(w.manager, reverse("billing:invoice", args=[invoice.pk]), "el")
    assert "123,99" in html and "Γερμανία" in html and "ΦΠΑ" in html


def test_the_agreements_page_offers_the_month_export(w: World) -> None:
    html = _page(w.manager, reverse("billing:agreements"))
    assert reverse("billing:invoice_export") in html and 'type="month"' in html


def test_the_pdf_carries_the_legal_content_in_three_languages(w: World) -> None:
    invoice = _issued(w, tax_treatment=TaxTreatment.STANDARD, tax_rate=Decimal("24"))
    for language, words in (
        ("en", ["Invoice", "VAT 24%", "Due date", "123.99"]),
        ("zh-hans", ["发票", "到期日", "123.99"]),
        ("el", ["Τιμολόγιο", "ΦΠΑ 24%", "123,99"]),
    ):
        html = documents.invoice_html(invoice, language)
        for text in [*words, "Northwind IT Services S.A.", "EL801234567", "DE123456789"]:
            assert text in html, (language, text)
        assert "GR16 0110 1250 0000 0001 2300 695" in html
    assert documents.pdf_bytes(invoice, "el").startswith(b"%PDF")


# The client's VAT page


@covers(TAX, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    response = Client().get(reverse(TAX, args=[w.acme.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


@covers(TAX, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    from steward.accounts.models import Membership, Role
    from steward.test import make_user

    manager = make_user(Role.MANAGER)
    # A provider manager sees every organization; a technician only those assigned, and the
    # page is a manager's: neither a client nor an unassigned technician learns of it.
    client = Client()
    client.force_login(w.acme_admin)
    assert client.get(reverse(TAX, args=[w.globex.pk])).status_code == 404
    client.force_login(manager)
    assert client.get(reverse(TAX, args=[w.globex.pk])).status_code == 200
    assert Membership.objects.filter(user=w.tech, organization=w.globex).count() == 0


@covers(TAX, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = Client()
        client.force_login(user)
        response = client.post(reverse(TAX, args=[w.acme.pk]), {"treatment": "standard"})
        assert response.status_code == 404
    assert not OrganizationTax.objects.exists()


def test_it_saves_the_clients_vat_and_names_bad_input(w: World) -> None:
    client = Client()
    client.force_login(w.manager)
    url = reverse(TAX, args=[w.acme.pk])
    bad = client.post(url, {"treatment": "exempt", "rate": "0", "note": ""})
    assert bad.status_code == 400 and "legal reason" in bad.content.decode()
    bad = client.post(url, {"treatment": "standard", "rate": "120", "note": ""})
    assert bad.status_code == 400 and "100" in bad.content.decode()
    assert not OrganizationTax.objects.exists()
    done = client.post(url, {"treatment": "standard", "rate": "24", "note": ""})
    assert done.status_code == 302
    assert OrganizationTax.objects.get(organization=w.acme).rate == Decimal("24.00")
    html = _page(w.manager, done["Location"])
    assert "VAT 24%" in html


def test_the_agreement_form_sets_its_own_vat(w: World) -> None:
    from steward.contracts.models import Agreement

    agreement = Agreement.objects.get(organization=w.acme)
    terms = {
        "name": agreement.name,
        "sla_policy": w.policy.pk,
        "billing": agreement.billing,
        "currency": "EUR",
        "monthly_fee": "0",
        "unit_price": "0",
        "devices": "0",
        "hourly_rate": "80",
        "out_of_hours_multiplier": "1.5",
        "included_hours": "0",
        "block_hours": "0",
        "increment_minutes": "15",
        "exclusions": "",
    }
    client = Client()
    client.force_login(w.manager)
    url = reverse("billing:agreement_edit", args=[agreement.pk])
    bad = client.post(url, {**terms, "tax_treatment": "standard", "tax_rate": ""})
    assert bad.status_code == 400 and "Give the VAT rate" in bad.content.decode()
    before = agreement.versions.count()
    done = client.post(url, {**terms, "tax_treatment": "exempt", "tax_note": "Art. 22 VAT Code"})
    assert done.status_code == 302
    agreement.refresh_from_db()
    assert agreement.tax().category == "E" and agreement.versions.count() == before + 1
    html = _page(w.manager, reverse("billing:agreement", args=[agreement.pk]))
    assert "Exempt from VAT" in html and "Art. 22 VAT Code" in html
