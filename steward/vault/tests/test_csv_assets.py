"""Assets as CSV: export, import all-or-nothing with every bad line named, round trip."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from steward.test import World, api_client, covers, world
from steward.vault import actions_docs, csvio
from steward.vault.models import Asset

pytestmark = pytest.mark.django_db

IMPORT, EXPORT = "POST /api/v1/assets/import", "GET /api/v1/assets/export"


@pytest.fixture
def w() -> World:
    return world()


def _post(client: Any, org: int, text: str) -> Any:
    return client.post(
        f"/api/v1/assets/import?organization={org}", text.encode(), content_type="text/csv"
    )


def _rows(org: Any) -> list[tuple[object, ...]]:
    return list(Asset.objects.for_org(org).order_by("name").values_list(*csvio.ASSET_COLUMNS))


def test_it_round_trips_an_organizations_assets_into_another(w: World) -> None:
    Asset.objects.create(
        organization=w.acme,
        name="FS01",
        kind="server",
        make="Dell",
        serial="7XK2",
        purchased=date(2023, 4, 12),
        warranty_ends=date(2028, 4, 11),
        last_seen=datetime(2026, 12, 1, 6, 0, tzinfo=UTC),
        notes='Line one\nline two, with "quotes"',
        custom={"asset tag": "A-1", "UPS": "APC, 1500"},
    )
    Asset.objects.create(organization=w.acme, name="Λάπτοπ Μαρία", kind="laptop", user_name="Μαρία")
    Asset.objects.create(organization=w.acme, name="打印机 2F", kind="printer", location="2F")
    response = api_client(w.admin).get(f"/api/v1/assets/export?organization={w.acme.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text.splitlines()[0] == ",".join(csvio.ASSET_COLUMNS)
    response = _post(api_client(w.admin), w.globex.pk, text)
    assert response.status_code == 201, response.content
    assert response.json()["imported"] == 3
    assert _rows(w.globex) == _rows(w.acme)


def test_it_reports_every_bad_line_and_writes_nothing(w: World) -> None:
    Asset.objects.create(organization=w.acme, name="Kept", kind="other")
    text = (
        "name,kind,purchased,custom,last_seen\n"
        "Good laptop,laptop,2024-01-02,,\n"
        ",laptop,,,\n"  # line 3: no name
        "Toaster,toaster,2024-13-01,,\n"  # line 4: kind and date
        '"Multi\nline",server,,"{""tag"": 5}",\n'  # lines 5-6: custom not strings
        "Late,laptop,,,last week\n"  # line 7: last_seen
        "Short,laptop\n"  # line 8: too few cells
    )
    response = _post(api_client(w.tech), w.acme.pk, text)
    assert response.status_code == 422, response.content
    errors = [(e["line"], e["field"]) for e in response.json()["errors"]]
    assert errors == [
        (3, "name"),
        (4, "kind"),
        (4, "purchased"),
        (5, "custom"),
        (7, "last_seen"),
        (8, ""),
    ]
    assert list(Asset.objects.values_list("name", flat=True)) == ["Kept"]


def test_it_exports_every_visible_organization_with_its_code(w: World) -> None:
    Asset.objects.create(organization=w.acme, name="FS01", kind="server")
    Asset.objects.create(organization=w.globex, name="Globex NAS", kind="server")
    text = api_client(w.tech).get("/api/v1/assets/export").content.decode()
    assert text.splitlines() == [
        ",".join(("organization", *csvio.ASSET_COLUMNS)),
        "ACME,FS01,server" + "," * 12,
    ]
    # Such a file imports too: the rows go to the organization the import names.
    response = _post(api_client(w.admin), w.globex.pk, text)
    assert response.status_code == 201, response.content
    assert sorted(Asset.objects.for_org(w.globex).values_list("name", flat=True)) == [
        "FS01",
        "Globex NAS",
    ]


def test_it_refuses_a_file_with_unknown_or_missing_columns(w: World) -> None:
    with pytest.raises(actions_docs.ImportRefused) as refused:
        actions_docs.import_assets(w.acme, "name,colour\nPC,red\n")
    assert [(e.line, e.field) for e in refused.value.errors] == [(1, "colour"), (1, "kind")]
    with pytest.raises(actions_docs.ImportRefused):
        actions_docs.import_assets(w.acme, "")
    assert not Asset.objects.exists()


def test_it_reads_a_spreadsheets_file(w: World) -> None:
    # Excel writes a byte-order mark and CRLF line ends.
    text = "\ufeffkind,name,location\r\nprinter,Printer 2F,2nd floor\r\n\r\n"
    assets = actions_docs.import_assets(w.acme, text)
    assert [(a.name, a.kind, a.location) for a in assets] == [
        ("Printer 2F", "printer", "2nd floor")
    ]


@covers(IMPORT, EXPORT, kinds=("tenancy", "login"))
def test_it_hides_other_organizations(w: World) -> None:
    Asset.objects.create(organization=w.globex, name="Globex NAS", kind="server")
    client = api_client(w.acme_admin)
    assert client.get(f"/api/v1/assets/export?organization={w.globex.pk}").status_code == 404
    assert _post(client, w.globex.pk, "name,kind\nX,laptop\n").status_code == 404
    assert Asset.objects.count() == 1
    anonymous = api_client(w.acme_admin)
    anonymous.defaults["HTTP_AUTHORIZATION"] = ""
    assert anonymous.get(f"/api/v1/assets/export?organization={w.acme.pk}").status_code == 401
    assert _post(anonymous, w.acme.pk, "name,kind\nX,laptop\n").status_code == 401


@covers(IMPORT, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    response = _post(api_client(w.acme_user), w.acme.pk, "name,kind\nX,laptop\n")
    assert response.status_code == 403
    assert not Asset.objects.exists()
    response = _post(api_client(w.acme_admin), w.acme.pk, "name,kind\nX,laptop\n")
    assert response.status_code == 201


def test_it_refuses_a_file_that_is_not_utf8(w: World) -> None:
    response = api_client(w.admin).post(
        f"/api/v1/assets/import?organization={w.acme.pk}",
        "name,kind\nΠΣ,laptop\n".encode("cp1253"),
        content_type="text/csv",
    )
    assert response.status_code == 422 and response.json()["field"] == "body"
