"""The review pack as people fetch it: the desk's preview and its PDF, the portal's HTML
version and PDF for the client's administrators, and the API's PDF; who may, and a period
that cannot be read."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.reports import downtime, recurring
from steward.reports import scorecard as scorecard_mod
from steward.reports.tests import pack_fakes
from steward.reports.views_pack import last_quarter
from steward.test import ScanningClient, World, api_client, covers, world

pytestmark = pytest.mark.django_db

DESK = ("reports:pack", "reports:pack_pdf")
PORTAL = ("reports_portal:pack", "reports_portal:pack_pdf")
API = "GET /api/v1/organizations/{org_id}/review-pack"
Q3 = "from=2026-07-01&to=2026-09-30"


@pytest.fixture
def w(monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setattr(scorecard_mod, "scorecard", pack_fakes.scorecard)
    monkeypatch.setattr(downtime, "value", pack_fakes.value)
    monkeypatch.setattr(recurring, "clusters", pack_fakes.clusters)
    return world()


def _api(org_id: int, query: str = Q3) -> str:
    return f"/api/v1/organizations/{org_id}/review-pack?{query}"


def test_the_default_period_is_the_last_full_quarter() -> None:
    assert last_quarter(date(2026, 10, 2)) == last_quarter(date(2026, 12, 31))
    assert (last_quarter(date(2026, 10, 2)).start, last_quarter(date(2026, 10, 2)).end) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    assert last_quarter(date(2027, 2, 14)).start == date(2026, 10, 1)
    assert last_quarter(date(2027, 2, 14)).end == date(2026, 12, 31)


@covers(*DESK, *PORTAL, API, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for name in DESK:
        response = Client().get(reverse(name, args=[w.acme.pk]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for name in PORTAL:
        response = Client().get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Client().get(_api(w.acme.pk)).status_code == 401


@covers(*DESK, *PORTAL, API, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    tech = ScanningClient(w.tech)  # assigned to Acme only
    for name in DESK:
        assert tech.get(reverse(name, args=[w.globex.pk])).status_code == 404, name
    assert api_client(w.tech).get(_api(w.globex.pk)).status_code == 404
    assert api_client(w.acme_admin).get(_api(w.globex.pk)).status_code == 404
    # A client admin cannot use the desk's pages; the portal's are its own organization's.
    admin = ScanningClient(w.acme_admin)
    for name in DESK:
        assert admin.get(reverse(name, args=[w.acme.pk])).status_code == 404, name
    page = admin.get(reverse("reports_portal:pack") + "?" + Q3).content.decode()
    assert w.acme.name in page and w.globex.name not in page


@covers(*PORTAL, API, kinds=("role",))
def test_a_client_user_does_not_read_the_pack(w: World) -> None:
    user = ScanningClient(w.acme_user)
    for name in PORTAL:
        assert user.get(reverse(name)).status_code == 404, name
    response = api_client(w.acme_user).get(_api(w.acme.pk))
    assert response.status_code == 403


@time_machine.travel("2026-10-02 09:00 +03:00", tick=False)
def test_the_desk_page_previews_the_last_quarter_with_a_pdf_button(w: World) -> None:
    response = ScanningClient(w.tech).get(reverse("reports:pack", args=[w.acme.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="2026-07-01"' in page and 'value="2026-09-30"' in page
    pdf_url = reverse("reports:pack_pdf", args=[w.acme.pk]) + "?" + Q3
    assert f'href="{pdf_url.replace("&", "&amp;")}"' in page and "Download PDF" in page
    assert "Scorecard against the targets" in page and "96.4 %" in page
    assert "data:image/svg+xml;base64," in page  # the charts
    assert 'nav-link text-nowrap active" href="/desk/reports/' in page  # the pack's tab


def test_the_desk_pdf_is_a_download_named_for_the_client(w: World) -> None:
    response = ScanningClient(w.manager).get(
        reverse("reports:pack_pdf", args=[w.acme.pk]) + "?" + Q3
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="review-{w.acme.code}-2026-07-01-2026-09-30.pdf"'
    )


def test_the_portal_shows_the_html_version_in_the_readers_language(w: World) -> None:
    w.acme_admin.language = "el"
    w.acme_admin.save()
    client = ScanningClient(w.acme_admin)
    page = client.get(reverse("reports_portal:pack") + "?" + Q3).content.decode()
    assert "Αποτελέσματα έναντι των στόχων" in page and "96,4 %" in page
    assert "4.870,00\xa0€" in page and "Printer on 2F does not print" in page
    pdf = client.get(reverse("reports_portal:pack_pdf") + "?" + Q3)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_a_bad_period_on_a_page_falls_back_and_says_so(w: World) -> None:
    url = reverse("reports:pack", args=[w.acme.pk]) + "?from=2026-13-01&to=2026-09-30"
    response = ScanningClient(w.tech).get(url)
    assert response.status_code == 200
    assert "Enter a date as YYYY-MM-DD." in response.content.decode()


@pytest.mark.parametrize("reader", ["admin", "manager", "tech", "acme_admin"])
def test_the_api_answers_a_pdf_to_its_readers(w: World, reader: str) -> None:
    response = api_client(getattr(w, reader)).get(_api(w.acme.pk))
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="review-{w.acme.code}-2026-07-01-2026-09-30.pdf"'
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-07-01&to=yesterday", "to"),
        ("from=01/07/2026&to=2026-09-30", "from"),
        ("from=2026-10-01&to=2026-09-30", "to"),
        ("from=1899-12-31&to=1900-01-31", "from"),
        ("from=2010-01-01&to=2026-09-30", "to"),
    ],
)
def test_the_api_names_the_date_it_cannot_read(w: World, query: str, field: str) -> None:
    response = api_client(w.manager).get(_api(w.acme.pk, query))
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_the_openapi_declares_a_pdf(w: World) -> None:
    from steward.test import api_operations

    operation = api_operations()[API]
    responses = {str(code): answer for code, answer in operation["responses"].items()}
    content = responses["200"]["content"]
    assert list(content) == ["application/pdf"]
    assert {p["name"] for p in operation["parameters"]} == {"org_id", "from", "to"}
