"""Attachments: downloaded only through the views that check who asks, as downloads, from
paths nobody can guess; names too long for a file system are shortened, never a 500."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse

from steward.desk import actions
from steward.desk.models import Attachment, Message, Ticket
from steward.test import ScanningClient, World, make_ticket, world

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 quarterly figures"


@pytest.fixture
def w() -> World:
    return world()


def _attach(ticket: Ticket, name: str = "report.pdf", public: bool = True) -> Attachment:
    message = actions.post_message(ticket, None, "see attached", public=public)
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return actions.add_attachment(message, upload)


def _bytes(response: Response) -> bytes:
    return response.getvalue()


def _urls(item: Attachment) -> list[str]:
    return [
        reverse("desk:attachment", args=[item.pk]),
        reverse("portal:attachment", args=[item.pk]),
    ]


def test_it_requires_login(w: World) -> None:
    item = _attach(make_ticket(w.acme, requester=w.acme_user))
    for url in _urls(item):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_it_hides_other_organizations(w: World) -> None:
    item = _attach(make_ticket(w.globex))
    assert ScanningClient(w.acme_admin).get(_urls(item)[1]).status_code == 404
    assert ScanningClient(w.tech).get(_urls(item)[0]).status_code == 404  # Acme's technician
    assert ScanningClient(w.manager).get(_urls(item)[0]).status_code == 200


def test_it_keeps_the_files_of_internal_notes_from_clients(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    note = actions.post_message(ticket, w.tech, "their firewall config", public=False)
    item = actions.add_attachment(
        note, SimpleUploadedFile("firewall.pdf", PDF, content_type="application/pdf")
    )
    for client in (ScanningClient(w.acme_admin), ScanningClient(w.acme_user)):
        assert client.get(_urls(item)[1]).status_code == 404
        assert client.get(_urls(item)[0]).status_code == 404
    assert ScanningClient(w.tech).get(_urls(item)[0]).status_code == 200


def test_it_gives_the_file_as_a_download_under_its_own_name(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    name = 'Αναφορά "Q3" 报告.pdf'
    item = _attach(ticket, name)
    for client, url in (
        (ScanningClient(w.acme_user), _urls(item)[1]),
        (ScanningClient(w.tech), _urls(item)[0]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert _bytes(response) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        disposition = response["Content-Disposition"]
        assert disposition.startswith('attachment; filename="')
        assert disposition.endswith(f"; filename*=UTF-8''{quote(name, safe='')}")
        assert '"Q3"' not in disposition  # the quotes of the name cannot end the header's


def test_it_stores_files_where_nobody_can_guess_them(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    first, second = _attach(ticket), _attach(ticket)
    pattern = r"attachments/\d{4}/\d{2}/[A-Za-z0-9_-]{22}/report\.pdf"
    assert re.fullmatch(pattern, str(first.file)), str(first.file)
    assert re.fullmatch(pattern, str(second.file))
    assert str(first.file).split("/")[3] != str(second.file).split("/")[3]


def test_files_stored_under_the_old_paths_still_download(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    message = Message.objects.create(ticket=ticket, body="old", public=True)
    path = default_storage.save(
        f"attachments/{w.acme.pk}/{ticket.pk}/20240101120000-old.pdf", ContentFile(PDF)
    )
    item = Attachment.objects.create(
        message=message, file=path, name="old.pdf", size=len(PDF), content_type="application/pdf"
    )
    assert _bytes(ScanningClient(w.acme_user).get(_urls(item)[1])) == PDF


@pytest.fixture
def debug_urls() -> Iterator[None]:
    """The URLs as a development server builds them (DEBUG on), and back afterwards."""
    import steward.urls

    with override_settings(DEBUG=True):
        importlib.reload(steward.urls)
        clear_url_caches()
        yield
    importlib.reload(steward.urls)
    clear_url_caches()


def test_media_is_never_served_without_a_check_even_under_debug(w: World, debug_urls: None) -> None:
    item = _attach(make_ticket(w.acme, requester=w.acme_user))
    assert default_storage.exists(str(item.file))
    for client in (Client(), ScanningClient(w.globex_user), ScanningClient(w.acme_user)):
        assert client.get(f"/media/{item.file.name}").status_code == 404


LONG = ["a" * 300 + ".pdf", "é" * 200 + ".pdf", "报告" * 120 + ".pdf"]


def _check_shortened(item: Attachment, sent: str) -> None:
    assert len(item.name.encode()) <= 255 and len(item.name) <= 200
    assert item.name.endswith(".pdf") and item.name[:10] == sent[:10]
    assert default_storage.exists(str(item.file))


@pytest.mark.parametrize("name", LONG)
def test_it_shortens_long_names_sent_from_the_desk(w: World, name: str) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    response = ScanningClient(w.tech).post(
        reverse("desk:reply", args=[ticket.number]),
        {"body": "log", "public": "1", "file": SimpleUploadedFile(name, PDF, "application/pdf")},
    )
    assert response.status_code == 302
    _check_shortened(Attachment.objects.get(), name)


@pytest.mark.parametrize("name", LONG)
def test_it_shortens_long_names_sent_from_the_portal(w: World, name: str) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    client = ScanningClient(w.acme_user)
    response = client.post(
        reverse("portal:reply", args=[ticket.number]),
        {"body": "scan", "file": SimpleUploadedFile(name, PDF, "application/pdf")},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("portal:new_ticket"),
        {
            "title": "Scanner",
            "impact": "low",
            "urgency": "low",
            "file": SimpleUploadedFile(name, PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    assert Attachment.objects.count() == 2
    for item in Attachment.objects.all():
        _check_shortened(item, name)
        assert _bytes(client.get(reverse("portal:attachment", args=[item.pk]))) == PDF


def test_a_refused_file_leaves_no_ticket_behind(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(default_storage, "_save", full_disk)
    client = ScanningClient(w.acme_user)
    client.raise_request_exception = False
    response = client.post(
        reverse("portal:new_ticket"),
        {
            "title": "Scanner",
            "impact": "low",
            "urgency": "low",
            "file": SimpleUploadedFile("scan.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 500
    assert not Ticket.objects.exists()
