"""A form too large to read is a short plain answer that changes nothing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from steward.test import ScanningClient, make_ticket, world

pytestmark = pytest.mark.django_db


def _post(settings: Any, body: str) -> tuple[Any, int]:
    w = world()
    ticket = make_ticket(w.acme, requester=w.acme_user)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    response = ScanningClient(w.tech).post(
        reverse("desk:reply", args=[ticket.number]),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    return response, ticket.messages.count()


def test_a_form_over_the_size_limit_is_a_plain_413(settings: Any) -> None:
    response, messages = _post(settings, urlencode({"body": "x" * 5000}))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert b"larger than the site accepts" in response.content
    assert messages == 0


def test_a_form_with_too_many_fields_is_a_plain_400(settings: Any) -> None:
    response, messages = _post(settings, urlencode([(f"f{n}", "1") for n in range(50)]))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert b"more fields than the site accepts" in response.content
    assert messages == 0
