"""The provider's own details: every field, the logo, and the mail signature."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steward.accounts.models import Provider
from steward.mail import outbound
from steward.test import ScanningClient, World, world

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
DETAILS = {
    "name": "Northwind IT",
    "legal_name": "Northwind IT Services S.A.",
    "address": "Ermou 10\n10563 Athens",
    "country": "GR",
    "tax_id": "EL123456789",
    "company_id": "GEMI 1234567",
    "email": "hello@northwind.example",
    "phone": "+30 210 000 0000",
    "website": "https://northwind.example",
    "bank_name": "Alpha Bank",
    "iban": "GR16 0110 1250 0000 0001 2300 695",
    "bic": "CRBAGRAA",
    "payment_details": "Quote the invoice number.",
    "payment_terms_days": "14",
    "invoice_footer": "Thank you.",
}


@pytest.fixture
def w() -> World:
    return world()


def test_it_saves_every_detail_and_the_logo(w: World) -> None:
    logo = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    r = ScanningClient(w.admin).post(reverse("settings:provider"), {**DETAILS, "logo": logo})
    assert r.status_code == 302
    p = Provider.current()
    assert (p.legal_name, p.country, p.tax_id, p.payment_terms_days) == (
        "Northwind IT Services S.A.",
        "GR",
        "EL123456789",
        14,
    )
    assert p.iban == "GR1601101250000000012300695"
    assert str(p.logo.name).startswith("provider/")
    page = ScanningClient(w.admin).get(reverse("settings:provider")).content.decode()
    assert reverse("settings:logo") in page and "/media/" not in page


@pytest.mark.parametrize(
    ("upload", "content_type"),
    [
        (b"<svg onload=alert(1)></svg>", "image/svg+xml"),
        (b"<html>not an image</html>", "image/png"),
        (PNG + bytes(600 * 1024), "image/png"),
    ],
)
def test_it_refuses_a_logo_that_is_not_a_small_image(
    w: World, upload: bytes, content_type: str
) -> None:
    logo = SimpleUploadedFile("logo.png", upload, content_type=content_type)
    r = ScanningClient(w.admin).post(reverse("settings:provider"), {**DETAILS, "logo": logo})
    assert r.status_code == 400
    assert "logo" in r.context["form"].errors
    p = Provider.current()
    assert not p.logo and p.name == "Steward"  # nothing of the form was saved


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iban", "not an iban"),
        ("bic", "XX"),
        ("country", "Greece"),
        ("email", "nobody"),
        ("payment_terms_days", "-1"),
        ("website", "javascript:alert(1)"),
    ],
)
def test_it_names_the_field_at_fault_and_saves_nothing(w: World, field: str, value: str) -> None:
    r = ScanningClient(w.admin).post(reverse("settings:provider"), {**DETAILS, field: value})
    assert r.status_code == 400
    assert list(r.context["form"].errors) == [field]
    assert Provider.current().name == "Steward"


def test_it_signs_outgoing_mail_with_the_providers_details(w: World) -> None:
    Provider.objects.filter(pk=Provider.current().pk).update(
        name="Northwind IT",
        legal_name="Northwind IT Services S.A.",
        phone="+30 210 000 0000",
        email="hello@northwind.example",
        website="https://northwind.example",
    )
    out = outbound.queue(
        "test", ["a@acme.example"], "status", {"status": "closed", "url": "u"}, "s", "el", "UTC"
    )
    for body in (out.text, out.html):
        assert "Northwind IT Services S.A." in body
        assert "+30 210 000 0000" in body and "hello@northwind.example" in body
